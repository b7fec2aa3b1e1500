package io.kubetutor.lesson.check;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An event with a reason happened to an object whose {@code kind/name} (lower-case kind, as in
 * {@code pod/hello-deployment-7d4b9c-x2x8q}) matches a pattern; with scope {@code step}, only
 * events recorded since the step began count. {@code min} events are required (default 1).
 */
public record EventCheck(String reason, Pattern object, String namespace, Scope scope, int min, String message)
    implements Check {

  @Override
  public String description() {
    return "event " + reason + (object != null ? " on " + object.pattern() : "")
        + (scope == Scope.STEP ? " during this step" : "") + (min > 1 ? " (at least " + min + ")" : "");
  }

  @Override
  public String failureMessage() {
    return message != null ? message : "expected an " + description();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    int n = 0;
    try {
      for (HasMetadata o : context.cluster().list(ResourceKind.EVENT,
          namespace != null ? namespace : context.namespace(), Selector.EVERYTHING, FieldSelector.EVERYTHING)) {
        Event e = (Event) o;
        if (reason != null && !reason.equals(e.getReason())) continue;
        if (object != null && !object.matcher(involved(e)).matches()) continue;
        if (scope == Scope.STEP && context.stepStartTime() != null) {
          Instant at = lastSeen(e);
          if (at != null && at.isBefore(context.stepStartTime())) continue;
        }
        n++;
      }
    } catch (ClusterException e) {
      return CheckResult.fail("could not list events: " + e.getMessage());
    }
    String detail = n + " matching event" + (n == 1 ? "" : "s");
    return n >= min ? CheckResult.pass(detail) : CheckResult.fail(detail);
  }

  private static String involved(Event e) {
    ObjectReference ref = e.getInvolvedObject();
    if (ref == null) return "";
    String kind = ref.getKind() == null ? "" : ref.getKind().toLowerCase(Locale.ROOT);
    return kind + "/" + ref.getName();
  }

  private static Instant lastSeen(Event e) {
    for (String t : new String[] {e.getLastTimestamp(), e.getEventTime() == null ? null : e.getEventTime().getTime(),
        e.getFirstTimestamp(), e.getMetadata().getCreationTimestamp()}) {
      if (t == null || t.isEmpty()) continue;
      try {
        return Instant.parse(t);
      } catch (DateTimeParseException ignored) {
        // try the next timestamp
      }
    }
    return null;
  }
}
