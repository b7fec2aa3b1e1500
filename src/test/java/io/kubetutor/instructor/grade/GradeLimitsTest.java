package io.kubetutor.instructor.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetutor.lesson.Lesson;
import io.kubetutor.lesson.LessonLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each grading limit trips, stops the replay, keeps the points earned so far and says why in every report. */
class GradeLimitsTest {

  static Lesson lesson;
  static List<String> solution;

  @BeforeAll
  static void load() throws Exception {
    lesson = LessonLoader.load(Path.of("lessons/02-deployments"));
    solution = Transcript.read(Path.of("bench/grading-transcript.txt")).commands();
  }

  private static GradeReport grade(GradeLimits limits, List<String> commands) throws Exception {
    return new Grader(Duration.ofSeconds(5), limits).grade(lesson, new Transcript(commands, "x", false), "t", null);
  }

  @Test
  void theSolutionRunsWithinTheDefaultLimits() throws Exception {
    GradeReport r = grade(GradeLimits.DEFAULT, solution);
    assertThat(r.stoppedBy()).isEmpty();
    assertThat(r.score()).isEqualTo(r.maxScore());
  }

  @Test
  void tooManyCommandsStopTheReplay() throws Exception {
    // 100,000 lines of a harmless command: only the first 50 run, and the report says so.
    List<String> lines = new ArrayList<>(solution.subList(0, 15));
    lines.addAll(Collections.nCopies(100_000, "pwd"));
    GradeReport r = grade(new GradeLimits(50, Duration.ofHours(48), 1_000_000), lines);
    assertThat(r.stoppedBy()).isEqualTo("the transcript has more than 50 commands; the rest were not run");
    assertThat(r.score()).isEqualTo(9.0);  // the first 15 commands still count
    assertThat(ReportFormat.TEXT.write(r)).contains("\nStopped: the transcript has more than 50 commands");
    assertThat(ReportFormat.JSON.write(r)).contains("\"stopped_by\" : \"the transcript has more than 50 commands");
    assertThat(ReportFormat.JUNIT.write(r)).contains("<property name=\"stopped_by\" value=\"the transcript has more");
  }

  @Test
  void aLoopOfLongAdvancesStopsAtTheSimulatedTimeLimit() throws Exception {
    List<String> lines = new ArrayList<>(Collections.nCopies(1_000, "sim advance 1h"));
    GradeReport r = grade(new GradeLimits(2_000, Duration.ofHours(2), 1_000_000), lines);
    // The first hour (and its think time) passes; the second would end past two hours, so it is refused before it runs.
    assertThat(r.stoppedBy()).isEqualTo("\"sim advance 1h\" would pass the limit of 2h of simulated time;"
        + " it and the rest were not run");
  }

  @Test
  void oneHugeAdvanceIsRefusedBeforeItRuns() throws Exception {
    GradeReport r = grade(GradeLimits.DEFAULT, List.of("pwd", "sim advance 1000000h", "pwd"));
    assertThat(r.stoppedBy()).isEqualTo("\"sim advance 1000000h\" would pass the limit of 48h of simulated time;"
        + " it and the rest were not run");
  }

  @Test
  void manyShortAdvancesTripTheLimitAfterTheyRun() throws Exception {
    // Think time alone (5s a command) passes 2 minutes after 24 commands.
    GradeReport r = grade(new GradeLimits(2_000, Duration.ofMinutes(2), 1_000_000), Collections.nCopies(100, "pwd"));
    assertThat(r.stoppedBy()).isEqualTo("more than 120s of simulated time passed after 25 commands;"
        + " the rest were not run");
  }

  @Test
  void outputBeyondTheLimitStopsTheReplay() throws Exception {
    GradeReport r = grade(new GradeLimits(2_000, Duration.ofHours(48), 2_000), Collections.nCopies(500, "help"));
    assertThat(r.stoppedBy()).matches("the commands printed more than 2000 characters after 1 commands;"
        + " the rest were not run");
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new GradeLimits(0, Duration.ofHours(1), 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GradeLimits(1, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GradeLimits(1, Duration.ofHours(1), 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
