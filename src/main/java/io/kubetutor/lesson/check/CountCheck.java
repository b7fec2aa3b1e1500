package io.kubetutor.lesson.check;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.print.PodStatus;

/**
 * The number of objects of a kind matching a label selector (and, for pods, showing a STATUS as
 * {@code kubectl get pods} would: {@code Running}, {@code Terminating}, ...) meets an expectation,
 * e.g. 4 Running pods with {@code app=hello-app}.
 */
public record CountCheck(ResourceKind kind, String namespace, Selector selector, String status, Expectation expect,
                         String message) implements Check {

  @Override
  public String description() {
    return "number of " + (status != null ? status + " " : "") + kind.plural()
        + (selector.isEverything() ? "" : " with " + selector) + " " + expect;
  }

  @Override
  public String failureMessage() {
    return message != null ? message : "expected the " + description();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    int n = 0;
    try {
      for (HasMetadata obj : context.cluster().list(kind, namespace != null ? namespace : context.namespace(), selector,
          FieldSelector.EVERYTHING)) {
        if (status == null || status.equals(statusOf(obj))) n++;
      }
    } catch (ClusterException e) {
      return CheckResult.fail("could not list " + kind.plural() + ": " + e.getMessage());
    }
    String detail = "found " + n + " " + (status != null ? status + " " : "") + kind.plural();
    return expect.test(Integer.toString(n)) ? CheckResult.pass(detail) : CheckResult.fail(detail);
  }

  /** The STATUS column kubectl shows for a pod; for other kinds, whether it is being deleted. */
  static String statusOf(HasMetadata obj) {
    if (obj instanceof Pod pod) return PodStatus.of(pod).reason();
    return obj.getMetadata().getDeletionTimestamp() != null ? "Terminating" : "Active";
  }
}
