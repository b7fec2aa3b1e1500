package io.kubetutor.lesson;

import io.kubetutor.lesson.check.Check;
import java.util.List;
import java.util.Map;

/**
 * One step of a lesson: Markdown text, files handed out (workspace name to lesson path), hints
 * revealed one at a time, the reference solution (commands), the checks that decide it is done,
 * an optional question, and the points it is worth.
 */
public record Step(
    String id,
    String title,
    String text,
    Map<String, String> files,
    List<String> hints,
    List<String> solution,
    List<Check> checks,
    Question question,
    int points) {

  /** True when the step has nothing to verify (reading only): it passes once visited. */
  public boolean readingOnly() {
    return checks.isEmpty();
  }
}
