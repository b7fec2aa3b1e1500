package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.Objects;
import io.kubetutor.kubectl.Verb;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kubectl rollout resume deployment/x}: {@code resumed}, or {@code already resumed}. */
@Command(name = "resume", description = "Resume a paused resource")
public final class RolloutResumeVerb extends Verb {

  @Parameters(arity = "0..*", paramLabel = "RESOURCE") List<String> args = new ArrayList<>();

  @Override
  protected int run() {
    RolloutTarget target = RolloutTarget.parse("resume", args);
    Deployment d = target.deployment(cluster(), namespace(), "resuming is not supported");
    if (!Boolean.TRUE.equals(d.getSpec().getPaused())) {
      out().println(target.displayName() + " already resumed");
      return 0;
    }
    Deployment changed = Objects.copy(d);
    changed.getSpec().setPaused(null);
    cluster().update(changed, Cluster.DryRun.NONE);
    out().println(target.displayName() + " resumed");
    return 0;
  }
}
