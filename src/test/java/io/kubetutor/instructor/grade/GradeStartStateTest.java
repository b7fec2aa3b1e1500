package io.kubetutor.instructor.grade;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.lesson.Lesson;
import io.kubetutor.lesson.LessonLoader;
import io.kubetutor.lesson.LessonRunner;
import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionOptions;
import io.kubetutor.sim.SimSnapshot;
import io.kubetutor.sim.SimState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grading from a snapshot of the lesson's start state gives the same reports as replaying the setup
 * for every transcript, and a session started from it prints the same thing for every command.
 */
class GradeStartStateTest {

  @TempDir Path dir;

  private static final Path DEPLOYMENTS = Path.of("lessons/02-deployments");

  @Test
  void reportsAreTheSameWithAndWithoutTheSnapshot() throws Exception {
    Lesson lesson = LessonLoader.load(DEPLOYMENTS);
    List<String> full = Transcript.read(Path.of("bench/grading-transcript.txt")).commands();
    List<List<String>> transcripts = List.of(
        full,
        full.subList(0, 15),
        List.of(),
        List.of("lesson answer b", "kubectl get pods", "kubectl logs hello", "kubectl delete pod hello-label", "lesson files",
            "kubectl apply -f deployment-basic.yml", "kubectl delete deployment hello-deployment", "kubectl get pods",
            "sim advance 2h", "kubectl get pods"));
    Grader replaying = new Grader(Duration.ofSeconds(5), GradeLimits.DEFAULT, false);
    Grader fromSnapshot = new Grader(Duration.ofSeconds(5), GradeLimits.DEFAULT, true);
    List<Double> scores = new ArrayList<>();
    for (int i = 0; i < transcripts.size(); i++) {
      Transcript t = new Transcript(transcripts.get(i), "t" + i, false);
      GradeReport expected = replaying.grade(lesson, t, "t" + i, null);
      // Twice from the same snapshot: a transcript must not leave anything behind for the next.
      for (int round = 0; round < 2; round++) {
        GradeReport actual = fromSnapshot.grade(lesson, t, "t" + i, null);
        assertThat(ReportFormat.JSON.write(actual)).isEqualTo(ReportFormat.JSON.write(expected));
      }
      scores.add(expected.score());
    }
    assertThat(scores).containsExactly(23.0, 9.0, 0.0, scores.get(3));
    assertThat(scores.get(3)).isBetween(1.0, 22.0);
  }

  @Test
  void aSessionStartedFromTheSnapshotPrintsWhatAReplayedOnePrints() throws Exception {
    Lesson lesson = LessonLoader.load(DEPLOYMENTS);
    SimSnapshot snapshot = snapshotAfterSetup(lesson);
    List<String> full = Transcript.read(Path.of("bench/grading-transcript.txt")).commands();
    try (SessionHarness replayed = new SessionHarness(grading(lesson, Files.createDirectory(dir.resolve("a"))));
         SessionHarness restored = new SessionHarness(grading(lesson, Files.createDirectory(dir.resolve("b"))))) {
      LessonRunner.of(replayed.session()).start(lesson, false);
      LessonRunner.of(restored.session()).start(lesson, snapshot);
      List<String> expected = new ArrayList<>();
      List<String> actual = new ArrayList<>();
      for (String line : full) {
        expected.add(line + "\n" + replayed.run(line));
        actual.add(line + "\n" + restored.run(line));
      }
      assertThat(actual).containsExactlyElementsOf(expected);
      assertThat(String.join("", expected)).contains("Hello from").contains("hello-deployment");
      assertThat(SimState.toJson(restored.session().simulator())).isEqualTo(SimState.toJson(replayed.session().simulator()));
    }
  }

  @Test
  void setupImagesFilesAndTheStudentsOwnFilesAreKept() throws Exception {
    Path lessonDir = Files.createDirectory(dir.resolve("lesson"));
    Files.writeString(lessonDir.resolve("Dockerfile"),
        "FROM ubuntu:22.04\nCMD [\"sh\", \"-c\", \"echo ready from the lesson image && sleep 3600\"]\n");
    Files.writeString(lessonDir.resolve("notes.yml"), "owner: lesson\n");
    Files.writeString(lessonDir.resolve("app.yml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n"
        + "  containers:\n  - name: app\n    image: student/app:dev\n");
    Files.writeString(lessonDir.resolve("lesson.yaml"), "id: img\ntitle: Images\nsetup:\n  seed: 7\n"
        + "  images:\n    student/app:dev: Dockerfile\n  manifests:\n    - app.yml\n"
        + "  files:\n    notes.yml: notes.yml\n    extra.yml: notes.yml\n"
        + "steps:\n  - title: one\n    text: hi\n    checks:\n"
        + "      - file: {path: notes.yml, field: .owner, equals: lesson}\n        message: keep the notes\n"
        + "      - file: {path: extra.yml}\n        message: the lesson's file\n"
        + "      - exists: {kind: pod, name: second}\n        message: run a second pod\n");
    Lesson lesson = LessonLoader.load(lessonDir);
    Path student = Files.createDirectory(dir.resolve("student"));
    Files.writeString(student.resolve("notes.yml"), "owner: me\n");
    Transcript t = new Transcript(List.of("kubectl logs app", "kubectl run second --image=student/app:dev",
        "sim settle", "kubectl logs second"), "t", false);

    GradeReport expected = new Grader(Duration.ofSeconds(5), GradeLimits.DEFAULT, false).grade(lesson, t, "t", student);
    Grader fromSnapshot = new Grader(Duration.ofSeconds(5), GradeLimits.DEFAULT, true);
    GradeReport actual = fromSnapshot.grade(lesson, t, "t", student);
    assertThat(ReportFormat.JSON.write(actual)).isEqualTo(ReportFormat.JSON.write(expected));
    // The student's notes.yml was kept (its check fails), the lesson's extra.yml was written, the image ran.
    assertThat(actual.steps().get(0).checks()).extracting(GradeReport.CheckGrade::passed).containsExactly(false, true, true);
    assertThat(Files.readString(student.resolve("notes.yml"))).isEqualTo("owner: me\n");

    SimSnapshot snapshot = snapshotAfterSetup(lesson);
    try (SessionHarness h = new SessionHarness(grading(lesson, Files.createDirectory(dir.resolve("c"))))) {
      LessonRunner.of(h.session()).start(lesson, snapshot);
      assertThat(h.session().simulator().images().find("student/app:dev")).isPresent();
      assertThat(h.run("kubectl logs app").out()).isEqualTo("ready from the lesson image\n");
      assertThat(Files.readString(h.session().workdir().resolve("extra.yml"))).isEqualTo("owner: lesson\n");
    }
  }

  /** What the grader does once per batch. */
  private SimSnapshot snapshotAfterSetup(Lesson lesson) throws Exception {
    try (SessionHarness h = new SessionHarness(grading(lesson, Files.createTempDirectory(dir, "setup")))) {
      LessonRunner.of(h.session()).start(lesson, false);
      return SimSnapshot.of(h.session().simulator());
    }
  }

  private static SessionOptions grading(Lesson lesson, Path workspace) {
    return new SessionOptions("sim", null, lesson.setup().seed(), "virtual", Duration.ofSeconds(5), workspace,
        false, false, false, true, null, null);
  }
}
