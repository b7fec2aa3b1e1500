package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.kubectl.KubectlException;
import java.util.Map;

/**
 * kubectl's status viewers ({@code polymorphichelpers/rollout_status.go}): one look at a workload gives
 * the line {@code rollout status} prints and whether the rollout is over. A failed rollout is an error.
 */
interface RolloutStatusViewer {

  /** The message (ending in a newline) for one state of the object, and whether waiting is over. */
  record State(String message, boolean done) {}

  State status(HasMetadata object, long revision);

  /** The viewer for a kind, or kubectl's error naming the kind as {@code Kind.group}. */
  static RolloutStatusViewer forKind(ResourceKind kind) {
    return switch (kind) {
      case DEPLOYMENT -> (o, revision) -> deployment((Deployment) o, revision);
      case DAEMONSET -> (o, revision) -> daemonSet((DaemonSet) o);
      default -> throw new KubectlException("no status viewer has been implemented for "
          + kind.kind() + (kind.group().isEmpty() ? "" : "." + kind.group()));
    };
  }

  /** DeploymentStatusViewer, in kubectl's order of checks (reference §4.3). */
  static State deployment(Deployment d, long revision) {
    String name = d.getMetadata().getName();
    if (revision > 0) {
      long running = deploymentRevision(d);
      if (running != revision) {
        throw new KubectlException("desired revision (" + revision + ") is different from the running revision ("
            + running + ")");
      }
    }
    DeploymentStatus st = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    if (n(d.getMetadata().getGeneration()) > n(st.getObservedGeneration())) {
      return new State("Waiting for deployment spec update to be observed...\n", false);
    }
    if (st.getConditions() != null) {
      for (DeploymentCondition c : st.getConditions()) {
        if ("Progressing".equals(c.getType()) && "ProgressDeadlineExceeded".equals(c.getReason())) {
          throw new KubectlException("deployment \"" + name + "\" exceeded its progress deadline");
        }
      }
    }
    Integer desired = d.getSpec().getReplicas();
    long updated = n(st.getUpdatedReplicas());
    String waiting = "Waiting for deployment \"" + name + "\" rollout to finish: ";
    // kubectl skips this check when spec.replicas is unset (the API server always sets it).
    if (desired != null && updated < desired) {
      return new State(waiting + updated + " out of " + desired + " new replicas have been updated...\n", false);
    }
    long total = n(st.getReplicas());
    if (total > updated) {
      return new State(waiting + (total - updated) + " old replicas are pending termination...\n", false);
    }
    long available = n(st.getAvailableReplicas());
    if (available < updated) {
      return new State(waiting + available + " of " + updated + " updated replicas are available...\n", false);
    }
    return new State("deployment \"" + name + "\" successfully rolled out\n", true);
  }

  /** DaemonSetStatusViewer: DaemonSets keep no revision history, so {@code --revision} is ignored. */
  static State daemonSet(DaemonSet ds) {
    String type = ds.getSpec().getUpdateStrategy() == null ? null : ds.getSpec().getUpdateStrategy().getType();
    if (!"RollingUpdate".equals(type)) {
      throw new KubectlException("rollout status is only available for RollingUpdate strategy type");
    }
    String name = ds.getMetadata().getName();
    DaemonSetStatus st = ds.getStatus() == null ? new DaemonSetStatus() : ds.getStatus();
    if (n(ds.getMetadata().getGeneration()) > n(st.getObservedGeneration())) {
      return new State("Waiting for daemon set spec update to be observed...\n", false);
    }
    long desired = n(st.getDesiredNumberScheduled());
    long updated = n(st.getUpdatedNumberScheduled());
    String waiting = "Waiting for daemon set \"" + name + "\" rollout to finish: ";
    if (updated < desired) {
      return new State(waiting + updated + " out of " + desired + " new pods have been updated...\n", false);
    }
    long available = n(st.getNumberAvailable());
    if (available < desired) {
      return new State(waiting + available + " of " + desired + " updated pods are available...\n", false);
    }
    return new State("daemon set \"" + name + "\" successfully rolled out\n", true);
  }

  /** The deployment's revision annotation: 0 when absent, kubectl's parse error when malformed. */
  private static long deploymentRevision(Deployment d) {
    Map<String, String> a = d.getMetadata().getAnnotations();
    String v = a == null ? null : a.get(RolloutTarget.REVISION);
    if (v == null) return 0;
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new KubectlException("cannot get the revision of deployment \"" + d.getMetadata().getName()
          + "\": strconv.ParseInt: parsing \"" + v + "\": invalid syntax");
    }
  }

  private static long n(Number i) {
    return i == null ? 0 : i.longValue();
  }
}
