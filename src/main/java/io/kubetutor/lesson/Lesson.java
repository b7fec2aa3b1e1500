package io.kubetutor.lesson;

import java.nio.file.Path;
import java.util.List;

/**
 * A lesson as an instructor wrote it in {@code lesson.yaml}: metadata, the start state and the steps.
 * Immutable; loaded by {@link LessonLoader}. {@code dir} is where the lesson's files live.
 */
public record Lesson(
    String id,
    String title,
    String summary,
    List<String> objectives,
    List<String> prerequisites,
    Setup setup,
    List<Step> steps,
    Path dir,
    String sourceHash) {

  /** Total points over all steps. */
  public int totalPoints() {
    return steps.stream().mapToInt(Step::points).sum();
  }

  /** The lesson file itself. */
  public Path file() {
    return dir.resolve("lesson.yaml");
  }
}
