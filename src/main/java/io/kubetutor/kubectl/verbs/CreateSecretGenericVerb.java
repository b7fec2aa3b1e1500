package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubectl create secret generic NAME [--from-literal] [--from-file] [--type]}: values base64-encoded. */
@Command(name = "generic", description = "Create a secret from a local file, directory, or literal value")
public final class CreateSecretGenericVerb extends Verb {

  @Parameters(arity = "0..*", paramLabel = "NAME") List<String> args = new ArrayList<>();

  @Option(names = "--from-literal", description = "Specify a key and literal value to insert in secret")
  List<String> literals = new ArrayList<>();

  @Option(names = "--from-file", description = "Key files can be specified using their file path")
  List<String> files = new ArrayList<>();

  @Option(names = "--from-env-file", description = "Specify the path to a file to read lines of key=val pairs")
  List<String> envFiles = new ArrayList<>();

  @Option(names = "--type", description = "The type of secret to create") String type;

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Mixin WriteOutputOption output = new WriteOutputOption();

  @Override
  protected int run() {
    if (args.size() != 1) {
      throw KubectlException.usage("create secret generic", "exactly one NAME is required, got " + args.size());
    }
    if (!files.isEmpty() && !envFiles.isEmpty()) {
      throw new KubectlException("from-env-file cannot be combined with from-file or from-literal");
    }
    String name = args.get(0);
    KeyValueSources sources = new KeyValueSources("Secret", name)
        .files(env, files).literals(literals).envFiles(env, envFiles);
    Map<String, String> encoded = new TreeMap<>();
    sources.data().forEach((k, v) -> encoded.put(k,
        Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    Secret secret = new SecretBuilder().withNewMetadata().withName(name).endMetadata().build();
    if (!encoded.isEmpty()) secret.setData(encoded);
    if (type != null && !type.isEmpty()) secret.setType(type);
    if (namespaceFlag != null || dryRunOption.mode() != io.kubetutor.cluster.Cluster.DryRun.CLIENT) {
      secret.getMetadata().setNamespace(namespace());
    }
    return GeneratedObject.createAndPrint(cluster(), out(), secret, dryRunOption.flag, output.format, "failed to create secret", "created");
  }
}
