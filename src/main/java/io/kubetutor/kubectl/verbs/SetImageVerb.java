package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.Objects;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.ResourceArgs;
import io.kubetutor.kubectl.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl set image TYPE NAME CONTAINER=IMAGE...} ({@code *=IMAGE} for every container):
 * changes container images in a pod or a workload's pod template. Prints {@code image updated},
 * or nothing when every image was already the asked one.
 */
@Command(name = "image", description = "Update the image of a pod template",
    footerHeading = "%nExamples:%n",
    footer = {"  # Set a deployment's nginx container image to 'nginx:1.9.1'",
        "  kubectl set image deployment/nginx nginx=nginx:1.9.1", "",
        "  # Update image of all containers of deployment frontend to 'nginx:1.9.1'",
        "  kubectl set image deployment frontend *=nginx:1.9.1"})
public final class SetImageVerb extends Verb {

  @Parameters(arity = "0..*", paramLabel = "TYPE NAME CONTAINER=IMAGE") List<String> args = new ArrayList<>();

  @Mixin ManifestOptions manifests = new ManifestOptions();

  @Option(names = {"-l", "--selector"}, description = "Selector (label query) to filter on.")
  String selector;

  @Option(names = "--all", arity = "0..1", fallbackValue = "true",
      description = "Select all resources, in the namespace of the specified resource types")
  boolean all;

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Mixin WriteOutputOption output = new WriteOutputOption();

  @Override
  protected int run() {
    Cluster.DryRun dryRun = dryRunOption.mode();
    WriteOutput printer = output.printer(dryRun, out());
    List<String> resources = new ArrayList<>();
    Map<String, String> images = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0) {
        if (!images.isEmpty()) throw new KubectlException("all resources must be specified before image changes: " + arg);
        resources.add(arg);
      } else {
        images.put(arg.substring(0, eq), arg.substring(eq + 1));
      }
    }
    if (resources.isEmpty() && !manifests.given()) {
      throw new KubectlException("one or more resources must be specified as <resource> <name> or <resource>/<name>");
    }
    if (images.isEmpty()) throw new KubectlException("at least one image update is required");
    Targets targets = manifests.given()
        ? Targets.fromManifests(cluster(), manifests.read(env, namespace(), namespaceFlag != null))
        : Targets.resolve(cluster(), ResourceArgs.parse(resources), selector, all, namespace());
    List<RuntimeException> errors = new ArrayList<>(targets.errors);
    for (Targets.Found f : targets.found) {
      try {
        Targets.retryOnConflict(cluster(), f, target -> {
          HasMetadata copy = Objects.copy(target.object());
          PodSpec spec = podSpec(copy);
          for (Map.Entry<String, String> e : images.entrySet()) {
            boolean found = false;
            for (List<Container> list : List.of(nonNull(spec.getInitContainers()), nonNull(spec.getContainers()))) {
              for (Container c : list) {
                if (e.getKey().equals("*") || e.getKey().equals(c.getName())) {
                  c.setImage(e.getValue());
                  found = true;
                }
              }
            }
            if (!found) throw new KubectlException("unable to find container named \"" + e.getKey() + "\"");
          }
          if (Objects.toJson(copy).equals(Objects.toJson(target.object()))) return null;  // kubectl skips an empty patch
          HasMetadata result = dryRun == Cluster.DryRun.CLIENT ? copy : cluster().update(copy, dryRun);
          printer.print(target.kind(), result, "image updated");
          return result;
        });
      } catch (ClusterException | KubectlException e) {
        errors.add(e);
      }
    }
    return Errors.print(err(), errors);
  }

  private static List<Container> nonNull(List<Container> l) {
    return l == null ? List.of() : l;
  }

  /** The pod spec to edit: the pod's own, or the workload's template (polymorphichelpers). */
  static PodSpec podSpec(HasMetadata o) {
    if (o instanceof Pod p) return p.getSpec();
    if (o instanceof Deployment d) return d.getSpec().getTemplate().getSpec();
    if (o instanceof ReplicaSet rs) return rs.getSpec().getTemplate().getSpec();
    if (o instanceof DaemonSet ds) return ds.getSpec().getTemplate().getSpec();
    if (o instanceof Job j) return j.getSpec().getTemplate().getSpec();
    throw new KubectlException("the object is not a pod or does not have a pod template: *v1." + o.getKind());
  }
}
