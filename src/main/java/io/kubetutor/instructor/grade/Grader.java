package io.kubetutor.instructor.grade;

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
import io.kubetutor.shell.builtins.SimBuiltin;
import io.kubetutor.sim.SimSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replays a transcript in a fresh virtual-clock simulator with the lesson's setup and seed, in
 * grading mode (built-ins that reach the host are refused), and scores every check. Check results
 * latch per step (see {@link LessonRunner}), so a transcript that completes half the steps earns
 * half the points. The student's workspace, if given, is copied: grading never changes it. One
 * grader serves a batch: it runs each lesson's setup once and starts every transcript from a copy
 * of the simulator it left (see {@link #startState}).
 */
public final class Grader {

  private final Duration thinkTime;
  private final GradeLimits limits;
  private final boolean reuseStartState;
  /** Per lesson: the simulator right after its setup, or empty when it cannot be snapshotted. */
  private final Map<Lesson, Optional<SimSnapshot>> startStates = new ConcurrentHashMap<>();

  /**
   * {@code reuseStartState}: run each lesson's setup once and start every transcript from a snapshot
   * of the simulator after it (the same state, byte for byte; see {@link SimSnapshot}), instead of
   * booting a simulator and replaying the setup per transcript.
   */
  public Grader(Duration thinkTime, GradeLimits limits, boolean reuseStartState) {
    this.thinkTime = thinkTime;
    this.limits = limits;
    this.reuseStartState = reuseStartState;
  }

  public Grader(Duration thinkTime, GradeLimits limits) {
    this(thinkTime, limits, true);
  }

  public Grader(Duration thinkTime) {
    this(thinkTime, GradeLimits.DEFAULT);
  }

  public Grader() {
    this(Duration.ofSeconds(5));
  }

  public GradeReport grade(Lesson lesson, Transcript transcript, String transcriptName, Path studentWorkspace)
      throws IOException {
    Path workspace = Files.createTempDirectory("kubetutor-grade-");
    try {
      if (studentWorkspace != null) copyTree(studentWorkspace, workspace);
      SimSnapshot startState = reuseStartState ? startState(lesson) : null;
      CountingWriter counter = new CountingWriter();
      PrintWriter sink = new PrintWriter(counter);
      try (Session session = new Session(options(lesson, workspace), sink, sink, new ByteArrayInputStream(new byte[0]))) {
        LessonRunner runner = LessonRunner.of(session);
        if (startState != null) runner.start(lesson, startState);
        else runner.start(lesson, false);
        Instant start = session.cluster().clock().now();
        String stoppedBy = "";
        int ran = 0;
        for (String command : transcript.commands()) {
          if (ran == limits.maxCommands()) {
            stoppedBy = "the transcript has more than " + limits.maxCommands() + " commands; the rest were not run";
            break;
          }
          Duration used = Duration.between(start, session.cluster().clock().now());
          Duration advance = requestedAdvance(command);
          if (advance != null && used.plus(thinkTime).plus(advance).compareTo(limits.maxSimulatedTime()) > 0) {
            stoppedBy = "\"" + command.strip() + "\" would pass the limit of " + human(limits.maxSimulatedTime())
                + " of simulated time; it and the rest were not run";
            break;
          }
          try {
            session.execute(command);
          } catch (RuntimeException e) {
            // A fault of the simulator must cost this transcript, not the batch: score what ran, say where it stopped.
            stoppedBy = "internal error while running \"" + command.strip() + "\" (command " + (ran + 1) + "): "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "; the rest were not run";
            break;
          }
          ran++;
          if (session.exitRequested()) break;
          if (Duration.between(start, session.cluster().clock().now()).compareTo(limits.maxSimulatedTime()) > 0) {
            stoppedBy = "more than " + human(limits.maxSimulatedTime()) + " of simulated time passed after " + ran
                + " commands; the rest were not run";
            break;
          }
          if (counter.count > limits.maxOutputChars()) {
            stoppedBy = "the commands printed more than " + limits.maxOutputChars() + " characters after " + ran
                + " commands; the rest were not run";
            break;
          }
        }
        return report(lesson, transcript, transcriptName, runner.finalResults(), runner, stoppedBy);
      }
    } finally {
      GraderFiles.deleteTree(workspace);
    }
  }

  private SessionOptions options(Lesson lesson, Path workspace) {
    return new SessionOptions("sim", null, lesson.setup().seed(), "virtual", thinkTime, workspace,
        false, false, false, true, null, null);
  }

  /**
   * The lesson's start state, built once: its setup run in a throwaway grading session with an empty
   * workspace (the simulator's part of a setup never reads the workspace), then snapshotted. Empty
   * when the setup fails or cannot be snapshotted: each transcript then runs the setup itself, and
   * reports the failure as before.
   */
  private SimSnapshot startState(Lesson lesson) {
    return startStates.computeIfAbsent(lesson, l -> {
      Path empty = null;
      PrintWriter sink = new PrintWriter(Writer.nullWriter());
      try {
        empty = Files.createTempDirectory("kubetutor-grade-setup-");
        try (Session session = new Session(options(l, empty), sink, sink, new ByteArrayInputStream(new byte[0]))) {
          LessonRunner.of(session).start(l, false);
          return Optional.of(SimSnapshot.of(session.simulator()));
        }
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      } finally {
        if (empty != null) GraderFiles.deleteTree(empty);
      }
    }).orElse(null);
  }

  /** The duration of a {@code sim advance DURATION} line, or null for any other command. */
  private static Duration requestedAdvance(String command) {
    String[] words = command.strip().split("\\s+");
    if (words.length != 3 || !words[0].equals("sim") || !words[1].equals("advance")) return null;
    return SimBuiltin.parse(words[2]);
  }

  private static String human(Duration d) {
    return d.toMinutesPart() == 0 && d.toSecondsPart() == 0 ? d.toHours() + "h" : d.toSeconds() + "s";
  }

  /** Counts what the commands print, keeping none of it. */
  private static final class CountingWriter extends Writer {
    long count;

    @Override public void write(char[] buf, int off, int len) { count += len; }
    @Override public void write(String str, int off, int len) { count += len; }
    @Override public void write(int c) { count++; }
    @Override public void flush() {}
    @Override public void close() {}
  }

  private static GradeReport report(Lesson lesson, Transcript transcript, String name, boolean[][] results,
                                    LessonRunner runner, String stoppedBy) {
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
        transcript.truncated(), stoppedBy, steps);
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
