package io.kubetutor.lesson.check;

/** Which part of the session's history a check looks at: since the step began, or the whole session. */
public enum Scope {
  STEP, EVER;

  public static Scope parse(String text) {
    return switch (text) {
      case "step" -> STEP;
      case "ever" -> EVER;
      default -> throw new IllegalArgumentException("scope must be \"step\" or \"ever\", not \"" + text + "\"");
    };
  }
}
