package io.kubetutor.lesson.check;

import io.kubetutor.lesson.HistoryEntry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The student ran commands matching a pattern between {@code min} and {@code max} times. The
 * pattern is searched in each command line (normalised to single spaces, {@code k} spelled
 * {@code kubectl}); with {@code perMatch}, every occurrence counts, so {@code kubectl delete pod a b}
 * counts twice for a pattern matching one pod name. Only successful commands count unless
 * {@code anyExit}.
 */
public record CommandCheck(Pattern pattern, int min, int max, Scope scope, boolean perMatch, boolean anyExit,
                           String message) implements Check {

  @Override
  public String description() {
    String times = max == Integer.MAX_VALUE ? "at least " + min + " time" + (min == 1 ? "" : "s")
        : min == max ? "exactly " + min + " time" + (min == 1 ? "" : "s") : "between " + min + " and " + max + " times";
    return "ran a command matching /" + pattern.pattern() + "/ " + times + (scope == Scope.STEP ? " in this step" : "");
  }

  @Override
  public String failureMessage() {
    return message != null ? message : "expected: " + description();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    int n = 0;
    for (HistoryEntry e : context.history(scope)) {
      if (!anyExit && e.exitCode() != 0) continue;
      Matcher m = pattern.matcher(normalise(e));
      if (perMatch) {
        while (m.find()) n++;
      } else if (m.find()) {
        n++;
      }
    }
    String detail = n + " matching command" + (perMatch ? " argument" : "") + (n == 1 ? "" : "s");
    return n >= min && n <= max ? CheckResult.pass(detail) : CheckResult.fail(detail);
  }

  /** The words joined by single spaces, with the {@code k} alias spelled out. */
  static String normalise(HistoryEntry e) {
    if (e.words().isEmpty()) return e.line();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < e.words().size(); i++) {
      String w = e.words().get(i);
      if (i == 0 && w.equals("k")) w = "kubectl";
      if (i > 0) sb.append(' ');
      sb.append(w);
    }
    return sb.toString();
  }
}
