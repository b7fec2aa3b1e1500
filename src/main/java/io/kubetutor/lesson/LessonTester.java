package io.kubetutor.lesson;

import io.kubetutor.shell.Session;
import io.kubetutor.shell.SessionOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Proves a lesson can be solved and cannot be passed by doing nothing: every step's solution,
 * replayed in a fresh virtual-clock session, makes all its checks pass; with no commands run,
 * every step with checks has at least one failing check.
 */
public final class LessonTester {

  private LessonTester() {}

  /** Problems found; empty when the lesson is sound. */
  public static List<String> test(Lesson lesson) throws IOException {
    List<String> problems = new ArrayList<>();
    try (Fresh solved = new Fresh(lesson)) {
      for (int i = 0; i < lesson.steps().size(); i++) {
        solved.runner.goTo(i);
        for (String c : lesson.steps().get(i).solution()) {
          int code = solved.session.execute(c);
          if (code != 0) problems.add("step " + (i + 1) + ": solution command \"" + c + "\" exited " + code + ": " + solved.errors());
        }
        for (LessonRunner.Outcome r : solved.runner.evaluate()) {
          if (!r.passed()) problems.add("step " + (i + 1) + ": after the solution, check \"" + r.check().description() + "\" fails: " + r.result().detail());
        }
      }
    }
    try (Fresh idle = new Fresh(lesson)) {
      for (int i = 0; i < lesson.steps().size(); i++) {
        idle.runner.goTo(i);
        List<LessonRunner.Outcome> results = idle.runner.evaluate();
        if (!results.isEmpty() && results.stream().allMatch(LessonRunner.Outcome::passed)) {
          problems.add("step " + (i + 1) + ": every check passes without the student doing anything");
        }
      }
    }
    return problems;
  }

  /** A session on a fresh simulator in a temporary workspace, with the lesson started. */
  private static final class Fresh implements AutoCloseable {
    final Path workspace;
    final StringWriter err = new StringWriter();
    final Session session;
    final LessonRunner runner;

    Fresh(Lesson lesson) throws IOException {
      workspace = Files.createTempDirectory("kubetutor-lesson-test");
      SessionOptions options = new SessionOptions("sim", null, lesson.setup().seed(), "virtual", Duration.ofSeconds(5),
          workspace, false, false, false, true, null, null);
      session = new Session(options, new PrintWriter(new StringWriter()), new PrintWriter(err),
          new ByteArrayInputStream(new byte[0]));
      runner = LessonRunner.of(session);
      runner.start(lesson);
    }

    String errors() {
      String e = err.toString().strip();
      err.getBuffer().setLength(0);
      return e.lines().findFirst().orElse("");
    }

    @Override
    public void close() throws IOException {
      session.close();
      try (Stream<Path> files = Files.walk(workspace)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }
}
