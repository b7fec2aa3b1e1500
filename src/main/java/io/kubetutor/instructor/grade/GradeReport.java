package io.kubetutor.instructor.grade;

import java.util.List;

/**
 * The result of grading one transcript against one lesson: per step, each check and whether it
 * passed, and the points earned (a step's points are shared equally by its checks).
 * {@code stoppedBy} is empty when the whole transcript ran, otherwise the sentence saying which
 * {@link GradeLimits limit} stopped it.
 */
public record GradeReport(
    String lessonId,
    String lessonSha256,
    String transcript,
    String transcriptSha256,
    int commands,
    boolean truncated,
    String stoppedBy,
    List<StepGrade> steps) {

  public record CheckGrade(String description, boolean passed, String message) {}

  public record StepGrade(String id, String title, int maxPoints, double points, List<CheckGrade> checks) {
    public boolean passed() {
      return checks.stream().allMatch(CheckGrade::passed);
    }
  }

  public double score() {
    return round(steps.stream().mapToDouble(StepGrade::points).sum());
  }

  public int maxScore() {
    return steps.stream().mapToInt(StepGrade::maxPoints).sum();
  }

  /** Score as a fraction of the maximum (0 for a lesson worth nothing). */
  public double fraction() {
    return maxScore() == 0 ? 0 : round(score() / maxScore());
  }

  static double round(double d) {
    return Math.round(d * 10000) / 10000.0;
  }
}
