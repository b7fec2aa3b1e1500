package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubectl create configmap NAME [--from-literal] [--from-file] [--from-env-file]}. */
@Command(name = "configmap", aliases = "cm", description = "Create a config map from a local file, directory or literal value")
public final class CreateConfigMapVerb extends Verb {

  @Parameters(arity = "0..*", paramLabel = "NAME") List<String> args = new ArrayList<>();

  @Option(names = "--from-literal", description = "Specify a key and literal value to insert in configmap")
  List<String> literals = new ArrayList<>();

  @Option(names = "--from-file", description = "Key file can be specified using its file path")
  List<String> files = new ArrayList<>();

  @Option(names = "--from-env-file", description = "Specify the path to a file to read lines of key=val pairs")
  List<String> envFiles = new ArrayList<>();

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Mixin WriteOutputOption output = new WriteOutputOption();

  @Override
  protected int run() {
    if (args.size() != 1) {
      throw KubectlException.usage("create configmap", "exactly one NAME is required, got " + args.size());
    }
    if (!files.isEmpty() && !envFiles.isEmpty()) {
      throw new KubectlException("from-env-file cannot be combined with from-file or from-literal");
    }
    String name = args.get(0);
    KeyValueSources sources = new KeyValueSources("ConfigMap", name)
        .files(env, files).literals(literals).envFiles(env, envFiles);
    ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().build();
    if (!sources.data().isEmpty()) cm.setData(sources.data());
    if (namespaceFlag != null || dryRunOption.mode() != io.kubetutor.cluster.Cluster.DryRun.CLIENT) {
      cm.getMetadata().setNamespace(namespace());
    }
    return GeneratedObject.createAndPrint(cluster(), out(), cm, dryRunOption.flag, output.format, "failed to create configmap", "created");
  }
}
