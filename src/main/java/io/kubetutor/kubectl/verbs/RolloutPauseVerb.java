package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.Objects;
import io.kubetutor.kubectl.Verb;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kubectl rollout pause deployment/x}: {@code paused}, or {@code already paused}. */
@Command(name = "pause", description = "Mark the provided resource as paused")
public final class RolloutPauseVerb extends Verb {

  @Parameters(arity = "0..*", paramLabel = "RESOURCE") List<String> args = new ArrayList<>();

  @Override
  protected int run() {
    RolloutTarget target = RolloutTarget.parse("pause", args);
    Deployment d = target.deployment(cluster(), namespace(), "pausing is not supported");
    if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
      out().println(target.displayName() + " already paused");
      return 0;
    }
    Deployment changed = Objects.copy(d);
    changed.getSpec().setPaused(true);
    cluster().update(changed, Cluster.DryRun.NONE);
    out().println(target.displayName() + " paused");
    return 0;
  }
}
