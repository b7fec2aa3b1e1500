package io.kubetutor.lesson.grade;

import io.kubetutor.lesson.Lesson;
import io.kubetutor.lesson.LessonRunner;
import io.kubetutor.lesson.Step;
import io.kubetutor.lesson.check.Check;
import io.kubetutor.shell.Session;
import io.kubetutor.shell.SessionOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a transcript in a fresh virtual-clock simulator with the lesson's setup and seed, in
 * grading mode (built-ins that reach the host are refused), and scores every check. Check results
 * latch per step (see {@link LessonRunner}), so a transcript that completes half the steps earns
 * half the points. The student's workspace, if given, is copied: grading never changes it.
 */
public final class Grader {

  private final Duration thinkTime;

  public Grader(Duration thinkTime) {
    this.thinkTime = thinkTime;
  }

  public Grader() {
    this(Duration.ofSeconds(5));
  }

  public GradeReport grade(Lesson lesson, Transcript transcript, String transcriptName, Path studentWorkspace)
      throws IOException {
    Path workspace = Files.createTempDirectory("kubetutor-grade-");
    try {
      if (studentWorkspace != null) copyTree(studentWorkspace, workspace);
      SessionOptions options = new SessionOptions("sim", null, lesson.setup().seed(), "virtual", thinkTime, workspace,
          false, false, false, true, null, null);
      PrintWriter sink = new PrintWriter(Writer.nullWriter());
      try (Session session = new Session(options, sink, sink, new ByteArrayInputStream(new byte[0]))) {
        LessonRunner runner = LessonRunner.of(session);
        runner.start(lesson, false);
        for (String command : transcript.commands()) {
          session.execute(command);
          if (session.exitRequested()) break;
        }
        return report(lesson, transcript, transcriptName, runner.finalResults(), runner);
      }
    } finally {
      GraderFiles.deleteTree(workspace);
    }
  }

  private static GradeReport report(Lesson lesson, Transcript transcript, String name, boolean[][] results,
                                    LessonRunner runner) {
    List<GradeReport.StepGrade> steps = new ArrayList<>();
    for (int i = 0; i < lesson.steps().size(); i++) {
      Step step = lesson.steps().get(i);
      List<GradeReport.CheckGrade> checks = new ArrayList<>();
      int passed = 0;
      for (int j = 0; j < step.checks().size(); j++) {
        Check c = step.checks().get(j);
        boolean ok = results[i][j];
        if (ok) passed++;
        checks.add(new GradeReport.CheckGrade(c.description(), ok, ok ? "" : c.failureMessage()));
      }
      double points = step.checks().isEmpty() ? 0 : step.points() * (double) passed / step.checks().size();
      if (step.checks().isEmpty()) {
        // A step with nothing to check earns its points (if any) once the student reached it.
        points = runner.stepIndex() >= i ? step.points() : 0;
      }
      steps.add(new GradeReport.StepGrade(step.id(), step.title(), step.points(), GradeReport.round(points), checks));
    }
    return new GradeReport(lesson.id(), lesson.sourceHash(), name, transcript.sha256(), transcript.commands().size(),
        transcript.truncated(), steps);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isRegularFile()) Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
