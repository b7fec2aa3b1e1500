package io.kubetutor.kubectl.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import io.kubetutor.kubectl.apply.LastApplied;
import io.kubetutor.kubectl.apply.ThreeWayMerge;
import io.kubetutor.kubectl.manifest.Manifest;
import io.kubetutor.kubectl.manifest.ManifestReader;
import io.kubetutor.kubectl.manifest.StrictDecoder;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubectl apply -f}: client-side apply. A new object is created carrying the
 * last-applied-configuration annotation; an existing one gets the three-way merge of last applied,
 * new manifest and live object ({@code configured}), or is left alone when that merge changes
 * nothing ({@code unchanged}). Every object is tried; errors are printed at the end (exit 1).
 */
@Command(name = "apply", description = "Apply a configuration to a resource by file name or stdin",
    footerHeading = "%nExamples:%n",
    footer = {"  # Apply the configuration in deployment.yaml", "  kubectl apply -f deployment.yaml", "",
        "  # Apply every manifest in a directory and its subdirectories", "  kubectl apply -R -f k8s/"})
public final class ApplyVerb extends Verb {

  static final String MISSING_ANNOTATION_WARNING = "Warning: resource %s is missing the "
      + LastApplied.ANNOTATION + " annotation which is required by kubectl apply. kubectl apply should only be used on"
      + " resources created declaratively by either kubectl create --save-config or kubectl apply. The missing"
      + " annotation will be patched automatically.";

  @Mixin ManifestOptions manifests = new ManifestOptions();

  @Mixin NoPositionalArgs positional = new NoPositionalArgs();

  @Mixin ValidateOption validation = new ValidateOption();

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Mixin WriteOutputOption output = new WriteOutputOption();

  @Override
  protected int run() {
    positional.reject("apply");
    Cluster.DryRun dryRun = dryRunOption.mode();
    Manifest.Validation mode = validation.mode();
    WriteOutput printer = output.printer(dryRun, out());
    if (!manifests.given()) throw new KubectlException("must specify one of -f and -k");
    ManifestReader.Result read = manifests.read(env, namespace(), namespaceFlag != null, mode);
    List<RuntimeException> errors = new ArrayList<>(read.errors());
    if (read.manifests().isEmpty() && errors.isEmpty()) throw new KubectlException("no objects passed to apply");
    List<HasMetadata> results = new ArrayList<>();
    for (Manifest m : read.manifests()) {
      try {
        results.add(applyOne(m, dryRun, printer));
      } catch (ClusterException | KubectlException e) {
        errors.add(e);
      }
    }
    if (printer.printsObjects() && !results.isEmpty()) printAll(results, printer);
    return Errors.print(err(), errors);
  }

  private HasMetadata applyOne(Manifest m, Cluster.DryRun dryRun, WriteOutput printer) {
    ResourceKind kind = m.kind();
    String name = m.name();
    String ns = kind.namespaced() ? m.namespace() : null;
    if (name.isEmpty()) {
      String generateName = m.raw().path("metadata").path("generateName").asText("");
      if (!generateName.isEmpty()) throw new KubectlException("from " + generateName + ": cannot use generate name with apply");
      throw new KubectlException("error when retrieving current configuration of:\n" + WriteOutput.info(kind, ns, name)
          + "\nfrom server for: \"" + m.source() + "\": resource name may not be empty");
    }
    ObjectNode modified = LastApplied.annotate(m.raw());
    HasMetadata live;
    try {
      live = cluster().get(kind, ns, name);
    } catch (ClusterException e) {
      if (!e.isNotFound()) {
        throw e.withSource("retrieving current configuration of:\n" + WriteOutput.info(kind, ns, name)
            + "\nfrom server for:", m.source());
      }
      return create(m, modified, dryRun, printer);
    }
    if (dryRun == Cluster.DryRun.CLIENT) {
      HasMetadata shown = m.require();
      if (!printer.printsObjects()) printer.print(kind, shown, "configured");
      return shown;
    }
    if (live.getMetadata().getAnnotations() == null
        || !live.getMetadata().getAnnotations().containsKey(LastApplied.ANNOTATION)) {
      err().println(String.format(MISSING_ANNOTATION_WARNING, kind.plural() + "/" + name));
    }
    HasMetadata result = Targets.retryOnConflict(cluster(), new Targets.Found(kind, live),
        target -> patch(m, modified, target.object(), dryRun, printer));
    warnIfDeleting(result);
    return result;
  }

  /** The three-way merge into one version of the live object, sent as an update unless it changes nothing. */
  private HasMetadata patch(Manifest m, ObjectNode modified, HasMetadata live, Cluster.DryRun dryRun,
      WriteOutput printer) {
    ResourceKind kind = m.kind();
    String ns = live.getMetadata().getNamespace();
    String name = live.getMetadata().getName();
    JsonNode original = LastApplied.read(live.getMetadata().getAnnotations());
    ObjectNode current = (ObjectNode) Objects.toTree(live);
    ObjectNode patch = ThreeWayMerge.patch(original, modified, current);
    String patchText = LastApplied.encode(patch).strip();
    String verbing = "applying patch:\n" + patchText + "\nto:\n" + WriteOutput.info(kind, ns, name) + "\nfor:";
    if (m.decodeError() != null) {
      ClusterException bare = StrictDecoder.asPatchError(kind, m.decodeError());
      throw bare.withSource("patching", m.source()).withSource(verbing, m.source());
    }
    if (patch.isEmpty()) {
      if (!printer.printsObjects()) printer.print(kind, live, "unchanged");
      return live;
    }
    ObjectNode merged = ThreeWayMerge.merge(original, modified, current);
    m.printWarnings(err());
    HasMetadata updated;
    try {
      updated = cluster().update(Objects.fromTree(merged, kind.type()), dryRun);
    } catch (ClusterException e) {
      if (e.isConflict()) throw e;  // retried with a fresh read
      throw e.withSource("patching", m.source()).withSource(verbing, m.source());
    } catch (IllegalArgumentException e) {
      throw new KubectlException("error when " + verbing + " \"" + m.source() + "\": " + e.getMessage());
    }
    if (!printer.printsObjects()) printer.print(kind, updated, "configured");
    return updated;
  }

  /** kubectl's note when the applied object is already being deleted. */
  private void warnIfDeleting(HasMetadata object) {
    if (object.getMetadata().getDeletionTimestamp() != null) {
      err().println("Warning: Detected changes to resource " + object.getMetadata().getName()
          + " which is currently being deleted.");
    }
  }

  private HasMetadata create(Manifest m, ObjectNode modified, Cluster.DryRun dryRun, WriteOutput printer) {
    if (m.decodeError() != null) throw m.decodeError().withSource("creating", m.source());
    HasMetadata object = StrictDecoder.decodeTypes(m.kind(), modified);
    m.printWarnings(err());
    HasMetadata created = object;
    if (dryRun != Cluster.DryRun.CLIENT) {
      try {
        created = cluster().create(object, dryRun);
      } catch (ClusterException e) {
        throw e.withSource("creating", m.source());
      }
    }
    if (!printer.printsObjects()) printer.print(m.kind(), created, "created");
    return created;
  }

  /** {@code -o yaml|json}: one object as is, several as a {@code v1 List}, after all were applied. */
  private void printAll(List<HasMetadata> results, WriteOutput printer) {
    if (results.size() == 1) {
      HasMetadata o = results.get(0);
      printer.print(ResourceKind.forObject(o).orElseThrow(), o, "");
      return;
    }
    printer.printTree(io.kubetutor.print.Documents.list(results));
  }
}
