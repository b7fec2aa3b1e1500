package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.Objects;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.ResourceArgs;
import io.kubetutor.kubectl.Verb;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl scale --replicas=N}: sets {@code spec.replicas} of deployments and replica sets
 * (their scale subresource), with the {@code --current-replicas} precondition. Prints
 * {@code scaled} even when the count was already N, as kubectl does.
 */
@Command(name = "scale", description = "Set a new size for a deployment or replica set",
    footerHeading = "%nExamples:%n",
    footer = {"  # Scale a deployment named 'mysql' to 3", "  kubectl scale --replicas=3 deployment/mysql", "",
        "  # If the deployment named mysql's current size is 2, scale mysql to 3",
        "  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql"})
public final class ScaleVerb extends Verb {

  @Parameters(arity = "0..*", paramLabel = "TYPE NAME") List<String> args = new ArrayList<>();

  @Mixin ManifestOptions manifests = new ManifestOptions();

  @Option(names = "--replicas", defaultValue = "-1", description = "The new desired number of replicas. Required.")
  int replicas;

  @Option(names = "--current-replicas", defaultValue = "-1",
      description = "Precondition for current size. Requires that the current size of the resource match this value in order to scale.")
  int currentReplicas;

  @Option(names = {"-l", "--selector"}, description = "Selector (label query) to filter on.")
  String selector;

  @Option(names = "--all", arity = "0..1", fallbackValue = "true",
      description = "Select all resources in the namespace of the specified resource types")
  boolean all;

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Mixin WriteOutputOption output = new WriteOutputOption();

  @Override
  protected int run() {
    Cluster.DryRun dryRun = dryRunOption.mode();
    WriteOutput printer = output.printer(dryRun, out());
    if (replicas < 0) {
      throw new KubectlException("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
    }
    List<RuntimeException> errors = new ArrayList<>();
    List<Targets.Found> found = new ArrayList<>();
    if (manifests.given()) {
      Targets read = Targets.fromManifests(cluster(), manifests.read(env, namespace(), namespaceFlag != null));
      errors.addAll(read.errors);
      found.addAll(read.found);
      if (found.isEmpty() && errors.isEmpty()) throw new KubectlException("no objects passed to scale");
    } else {
      if (args.isEmpty()) {
        throw new KubectlException("You must provide one or more resources by argument or filename.\n"
            + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
            + "   '<resource> <name>'\n   '<resource>'");
      }
      Targets targets = Targets.resolve(cluster(), ResourceArgs.parse(args), selector, all, namespace());
      errors.addAll(targets.errors);
      found.addAll(targets.found);
      if (targets.bySelector && found.isEmpty() && errors.isEmpty()) throw new KubectlException("no objects passed to scale");
    }
    for (Targets.Found f : found) {
      try {
        HasMetadata result = Targets.retryOnConflict(cluster(), f, target -> scale(target, dryRun));
        printer.print(f.kind(), result, "scaled");
      } catch (ClusterException | KubectlException e) {
        errors.add(e);
      }
    }
    return Errors.print(err(), errors);
  }

  private HasMetadata scale(Targets.Found f, Cluster.DryRun dryRun) {
    HasMetadata copy = Objects.copy(f.object());
    Integer current;
    if (copy instanceof Deployment d) {
      current = d.getSpec().getReplicas();
      d.getSpec().setReplicas(replicas);
    } else if (copy instanceof ReplicaSet rs) {
      current = rs.getSpec().getReplicas();
      rs.getSpec().setReplicas(replicas);
    } else {
      throw new ClusterException(404, "NotFound", "the server could not find the requested resource");
    }
    int was = current == null ? 1 : current;
    if (currentReplicas >= 0 && currentReplicas != was) {
      throw new KubectlException("Expected replicas to be " + currentReplicas + ", was " + was);
    }
    if (dryRun == Cluster.DryRun.CLIENT) return copy;
    return cluster().update(copy, dryRun);
  }
}
