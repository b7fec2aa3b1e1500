package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.Objects;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import io.kubetutor.kubectl.manifest.Manifest;
import io.kubetutor.kubectl.manifest.ManifestReader;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubectl replace -f}: replaces each live object with the manifest (an update of the whole
 * object, {@code replaced}); {@code --force} deletes and re-creates it instead.
 */
@Command(name = "replace", description = "Replace a resource by file name or stdin",
    footerHeading = "%nExamples:%n",
    footer = {"  # Replace a pod using the data in pod.json", "  kubectl replace -f ./pod.json"})
public final class ReplaceVerb extends Verb {

  @Mixin ManifestOptions manifests = new ManifestOptions();

  @Mixin NoPositionalArgs positional = new NoPositionalArgs();

  @Mixin ValidateOption validation = new ValidateOption();

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Mixin WriteOutputOption output = new WriteOutputOption();

  @Option(names = "--force", arity = "0..1", fallbackValue = "true",
      description = "If true, immediately remove resources from API and bypass graceful deletion, then re-create them.")
  boolean force;

  /** How long --force waits for the old object to go before creating the new one (cluster time). */
  private static final java.time.Duration FORCE_WAIT = java.time.Duration.ofSeconds(60);

  @Override
  protected int run() throws InterruptedException {
    positional.reject("replace");
    Cluster.DryRun dryRun = dryRunOption.mode();
    Manifest.Validation mode = validation.mode();
    WriteOutput printer = output.printer(dryRun, out());
    if (!manifests.given()) throw new KubectlException("must specify --filename to replace");
    ManifestReader.Result read = manifests.read(env, namespace(), namespaceFlag != null, mode);
    List<RuntimeException> errors = new ArrayList<>(read.errors());
    if (read.manifests().isEmpty() && errors.isEmpty()) throw new KubectlException("no objects passed to replace");
    for (Manifest m : read.manifests()) {
      try {
        if (m.name().isEmpty() && dryRun != Cluster.DryRun.CLIENT) {
          // client-go refuses a PUT without a name before anything is sent.
          throw new KubectlException("resource name may not be empty");
        }
        if (m.decodeError() != null) throw m.decodeError();
        HasMetadata object = m.object();
        m.printWarnings(err());
        HasMetadata result = object;
        if (force) {
          String ns = m.kind().namespaced() ? m.namespace() : null;
          if (dryRun != Cluster.DryRun.CLIENT) {
            try {
              cluster().delete(m.kind(), ns, m.name(), new DeleteOptions(0L, DeleteOptions.Propagation.BACKGROUND, dryRun));
              out().println(m.kind().qualifiedSingular() + " \"" + m.name() + "\" deleted" + WriteOutput.suffix(dryRun));
            } catch (ClusterException e) {
              if (!e.isNotFound()) throw e;
            }
            waitUntilGone(m);
            HasMetadata fresh = Objects.copy(object);
            fresh.getMetadata().setResourceVersion(null);
            result = cluster().create(fresh, dryRun);
          }
        } else if (dryRun != Cluster.DryRun.CLIENT) {
          result = cluster().update(object, dryRun);
        }
        printer.print(m.kind(), result, "replaced");
      } catch (ClusterException e) {
        errors.add(e.withSource("replacing", m.source()));
      } catch (KubectlException e) {
        errors.add(e);
      }
    }
    return Errors.print(err(), errors);
  }

  /** kubectl replace --force waits for the deletion to finish before it creates the object again. */
  private void waitUntilGone(Manifest m) {
    io.kubetutor.cluster.ClusterClock clock = cluster().clock();
    java.time.Instant deadline = clock.now().plus(FORCE_WAIT);
    String ns = m.kind().namespaced() ? m.namespace() : null;
    while (clock.now().isBefore(deadline) && !clock.quiescent()) {
      try {
        cluster().get(m.kind(), ns, m.name());
      } catch (ClusterException e) {
        return;
      }
      try {
        clock.sleep(java.time.Duration.ofSeconds(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KubectlException("interrupted while waiting for " + m.kind().qualifiedPlural() + " \"" + m.name()
            + "\" to be deleted");
      }
    }
  }
}
