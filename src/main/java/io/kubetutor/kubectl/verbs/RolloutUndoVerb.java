package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.Objects;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl rollout undo deployment/x [--to-revision=N]}: copies the pod template of the
 * ReplicaSet of that revision (default: the one before the newest) back into the deployment.
 */
@Command(name = "undo", description = "Undo a previous rollout")
public final class RolloutUndoVerb extends Verb {

  /** RS annotations that describe the RS itself and so are not copied back (kubectl's skip list). */
  private static final Set<String> NOT_COPIED = Set.of(
      "kubectl.kubernetes.io/last-applied-configuration", RolloutTarget.REVISION,
      "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
      "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to");

  @Parameters(arity = "0..*", paramLabel = "RESOURCE") List<String> args = new ArrayList<>();

  @Option(names = "--to-revision", defaultValue = "0", description = "The revision to rollback to. Default to 0 (last revision).")
  long toRevision;

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Override
  protected int run() {
    RolloutTarget target = RolloutTarget.parse("undo", args);
    Cluster.DryRun dryRun = dryRunOption.mode();
    Deployment d = target.deployment(cluster(), namespace(), "rollback is not supported");
    if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
      throw new KubectlException("you cannot rollback a paused deployment; resume it first with "
          + "'kubectl rollout resume' and try again");
    }
    ReplicaSet chosen = revision(d);
    String suffix = WriteOutput.suffix(dryRun);
    if (sameIgnoringHash(chosen.getSpec().getTemplate(), d.getSpec().getTemplate())) {
      out().println(target.displayName() + " skipped rollback (current template already matches revision "
          + RolloutTarget.revision(chosen) + ")" + suffix);
      return 0;
    }
    Deployment changed = Objects.copy(d);
    PodTemplateSpec template = withoutHash(chosen.getSpec().getTemplate());
    changed.getSpec().setTemplate(template);
    Map<String, String> annotations = new LinkedHashMap<>();
    if (changed.getMetadata().getAnnotations() != null) annotations.putAll(changed.getMetadata().getAnnotations());
    if (chosen.getMetadata().getAnnotations() != null) {
      chosen.getMetadata().getAnnotations().forEach((k, v) -> {
        if (!NOT_COPIED.contains(k)) annotations.put(k, v);
      });
    }
    changed.getMetadata().setAnnotations(annotations.isEmpty() ? null : annotations);
    if (dryRun != Cluster.DryRun.CLIENT) cluster().update(changed, dryRun);
    out().println(target.displayName() + " rolled back" + suffix);
    return 0;
  }

  /** kubectl's choice: the exact revision asked for, else the second newest. */
  private ReplicaSet revision(Deployment d) {
    ReplicaSet latest = null;
    ReplicaSet previous = null;
    long latestRev = -1;
    long previousRev = -1;
    for (ReplicaSet rs : RolloutTarget.replicaSets(cluster(), d)) {
      long v = RolloutTarget.revision(rs);
      if (v < 0) continue;
      if (toRevision > 0) {
        if (v == toRevision) return rs;
      } else if (v > latestRev) {
        previous = latest;
        previousRev = latestRev;
        latest = rs;
        latestRev = v;
      } else if (v > previousRev) {
        previous = rs;
        previousRev = v;
      }
    }
    if (toRevision > 0) throw new KubectlException("unable to find specified revision " + toRevision + " in history");
    if (previous == null) {
      throw new KubectlException("no rollout history found for deployment \"" + d.getMetadata().getName() + "\"");
    }
    return previous;
  }

  private static PodTemplateSpec withoutHash(PodTemplateSpec t) {
    PodTemplateSpec copy = Objects.fromTree(Objects.toTree(t), PodTemplateSpec.class);
    if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
      Map<String, String> labels = new LinkedHashMap<>(copy.getMetadata().getLabels());
      labels.remove("pod-template-hash");
      copy.getMetadata().setLabels(labels);
    }
    return copy;
  }

  private static boolean sameIgnoringHash(PodTemplateSpec a, PodTemplateSpec b) {
    return Objects.toTree(withoutHash(a)).equals(Objects.toTree(withoutHash(b)));
  }
}
