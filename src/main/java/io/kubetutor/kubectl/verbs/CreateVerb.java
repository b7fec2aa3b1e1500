package io.kubetutor.kubectl.verbs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import io.kubetutor.kubectl.apply.LastApplied;
import io.kubetutor.kubectl.manifest.Manifest;
import io.kubetutor.kubectl.manifest.ManifestReader;
import io.kubetutor.kubectl.manifest.StrictDecoder;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubectl create -f}: creates every object of the manifests ({@code created}); an object
 * that exists already is an AlreadyExists error naming the file. The imperative forms
 * ({@code create deployment|namespace|configmap|secret}) are subcommands of this command.
 */
@Command(name = "create", description = "Create a resource from a file or from stdin",
    subcommands = {CreateConfigMapVerb.class, CreateDeploymentVerb.class, CreateNamespaceVerb.class,
        CreateSecretVerb.class, CreateServiceVerb.class},
    footerHeading = "%nExamples:%n",
    footer = {"  # Create a pod using the data in pod.json", "  kubectl create -f ./pod.json"})
public final class CreateVerb extends Verb {

  @Mixin ManifestOptions manifests = new ManifestOptions();

  @Mixin NoPositionalArgs positional = new NoPositionalArgs();

  @Mixin ValidateOption validation = new ValidateOption();

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Mixin WriteOutputOption output = new WriteOutputOption();

  @Option(names = "--save-config", arity = "0..1", fallbackValue = "true",
      description = "If true, the configuration of the object is saved in its annotation, for later kubectl apply.")
  boolean saveConfig;

  @Override
  protected int run() {
    positional.reject("create");
    Cluster.DryRun dryRun = dryRunOption.mode();
    Manifest.Validation mode = validation.mode();
    WriteOutput printer = output.printer(dryRun, out());
    if (!manifests.given()) throw new KubectlException("must specify one of -f and -k");
    ManifestReader.Result read = manifests.read(env, namespace(), namespaceFlag != null, mode);
    List<RuntimeException> errors = new ArrayList<>(read.errors());
    if (read.manifests().isEmpty() && errors.isEmpty()) throw new KubectlException("no objects passed to create");
    for (Manifest m : read.manifests()) {
      try {
        if (m.decodeError() != null) throw m.decodeError();  // the catch below names the file
        HasMetadata object = m.object();
        if (saveConfig) {
          ObjectNode annotated = LastApplied.annotate(m.raw());
          object = StrictDecoder.decodeTypes(m.kind(), annotated);
        }
        m.printWarnings(err());
        HasMetadata created = object;
        if (dryRun != Cluster.DryRun.CLIENT) created = cluster().create(object, dryRun);
        printer.print(m.kind(), created, "created");
      } catch (ClusterException e) {
        errors.add(e.withSource("creating", m.source()));
      } catch (KubectlException e) {
        errors.add(e);
      }
    }
    return Errors.print(err(), errors);
  }
}
