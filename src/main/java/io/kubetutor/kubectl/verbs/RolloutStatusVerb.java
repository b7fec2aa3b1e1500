package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.kubetutor.cluster.ClusterClock;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl rollout status deployment/x}: prints the rollout's state each time the deployment
 * changes (as kubectl does for every watch event) until it has rolled out. Waiting goes through the
 * cluster clock, so a virtual simulator advances instead of blocking.
 */
@Command(name = "status", description = "Show the status of the rollout")
public final class RolloutStatusVerb extends Verb {

  /** How often the deployment is looked at again; the simulator's controllers act in whole seconds. */
  private static final Duration POLL = Duration.ofSeconds(1);

  @Parameters(arity = "0..*", paramLabel = "RESOURCE") List<String> args = new ArrayList<>();

  @Option(names = {"-w", "--watch"}, arity = "0..1", defaultValue = "true", fallbackValue = "true",
      description = "Watch the status of the rollout until it's done.")
  boolean watch;

  @Option(names = "--timeout", defaultValue = "0s",
      description = "The length of time to wait before ending watch, zero means never.")
  String timeout;

  @Option(names = "--revision", defaultValue = "0", description = "Pin to a specific revision for showing its status.")
  long revision;

  /** One look at the deployment: the line to print, and whether waiting is over. */
  record State(String message, boolean done) {}

  @Override
  protected int run() throws InterruptedException {
    Duration limit = parseTimeout(timeout);
    RolloutTarget target = RolloutTarget.parse("status", args);
    ClusterClock clock = cluster().clock();
    Instant deadline = limit.isZero() ? null : clock.now().plus(limit);
    String seenVersion = null;
    while (true) {
      Deployment d = target.deployment(cluster(), namespace(), "has no status viewer");
      String version = d.getMetadata().getResourceVersion();
      boolean changed = !Objects.equals(version, seenVersion);
      if (changed) {
        seenVersion = version;
        State s = state(d, revision);
        out().print(s.message());
        out().flush();
        if (s.done() || !watch) return 0;
      }
      if (Thread.currentThread().isInterrupted()) return 130;
      if (deadline != null && !clock.now().isBefore(deadline)) {
        throw new KubectlException("timed out waiting for the condition");
      }
      if (!changed && clock.quiescent()) {
        // Nothing is scheduled in the simulation: the deployment can no longer change.
        throw new KubectlException("timed out waiting for the condition");
      }
      clock.sleep(POLL);
    }
  }

  /** kubectl's DeploymentStatusViewer, in its order of checks (reference §4.3). */
  static State state(Deployment d, long revision) {
    String name = d.getMetadata().getName();
    if (revision > 0) {
      long current = RolloutTarget.revision(d);
      if (current != revision) {
        throw new KubectlException("desired revision (" + revision + ") is different from the running revision ("
            + Math.max(current, 0) + ")");
      }
    }
    DeploymentStatus st = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
    long observed = st.getObservedGeneration() == null ? 0 : st.getObservedGeneration();
    if (generation > observed) return new State("Waiting for deployment spec update to be observed...\n", false);
    if (st.getConditions() != null) {
      for (DeploymentCondition c : st.getConditions()) {
        if ("Progressing".equals(c.getType()) && "ProgressDeadlineExceeded".equals(c.getReason())) {
          throw new KubectlException("deployment \"" + name + "\" exceeded its progress deadline");
        }
      }
    }
    int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    int updated = n(st.getUpdatedReplicas());
    int total = n(st.getReplicas());
    int available = n(st.getAvailableReplicas());
    String waiting = "Waiting for deployment \"" + name + "\" rollout to finish: ";
    if (updated < desired) {
      return new State(waiting + updated + " out of " + desired + " new replicas have been updated...\n", false);
    }
    if (total > updated) {
      return new State(waiting + (total - updated) + " old replicas are pending termination...\n", false);
    }
    if (available < updated) {
      return new State(waiting + available + " of " + updated + " updated replicas are available...\n", false);
    }
    return new State("deployment \"" + name + "\" successfully rolled out\n", true);
  }

  private static int n(Integer i) {
    return i == null ? 0 : i;
  }

  private static Duration parseTimeout(String text) {
    return DeleteVerb.goDuration(text);
  }
}
