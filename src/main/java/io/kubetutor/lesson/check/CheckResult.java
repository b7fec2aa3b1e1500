package io.kubetutor.lesson.check;

/** The outcome of one check: passed or not, and what was found (for the student and the grader). */
public record CheckResult(boolean passed, String detail) {

  public static CheckResult pass(String detail) {
    return new CheckResult(true, detail);
  }

  public static CheckResult fail(String detail) {
    return new CheckResult(false, detail);
  }
}
