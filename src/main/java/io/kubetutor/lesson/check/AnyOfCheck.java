package io.kubetutor.lesson.check;

import java.util.ArrayList;
import java.util.List;

/** Passes when any of its checks passes: for exercises with more than one right way (delete by name or by label). */
public record AnyOfCheck(List<Check> checks, String message) implements Check {

  @Override
  public String description() {
    List<String> parts = new ArrayList<>();
    for (Check c : checks) parts.add(c.description());
    return "one of: " + String.join("; or ", parts);
  }

  @Override
  public String failureMessage() {
    return message != null ? message : "expected " + description();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    List<String> details = new ArrayList<>();
    for (Check c : checks) {
      CheckResult r = c.evaluate(context);
      if (r.passed()) return r;
      details.add(r.detail());
    }
    return CheckResult.fail(String.join("; ", details));
  }
}
