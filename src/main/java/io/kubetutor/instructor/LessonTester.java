package io.kubetutor.instructor;

import io.kubetutor.lesson.Lesson;
import io.kubetutor.lesson.LessonRunner;
import io.kubetutor.lesson.Step;
import io.kubetutor.lesson.check.CheckResult;
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
import java.util.List;

/**
 * Self-test of a lesson ({@code kubetutor lesson test DIR}): replaying each step's solution in
 * order must make every check of that step pass, and grading an empty transcript must leave every
 * step that has checks with at least one failing check (a check that passes without the student
 * doing anything grades nothing).
 */
public final class LessonTester {

  /** Virtual time allowed after each step's solution, as a student would wait before {@code check}. */
  static final Duration WAIT = Duration.ofSeconds(30);

  private LessonTester() {}

  /** The problems found; empty when the lesson passes its self-test. */
  public static List<String> test(Lesson lesson) throws IOException {
    List<String> problems = new ArrayList<>();
    Path workspace = Files.createTempDirectory("kubetutor-lesson-test-");
    StringWriter output = new StringWriter();
    PrintWriter pw = new PrintWriter(output);
    try (Session session = new Session(options(lesson, workspace), pw, pw, new ByteArrayInputStream(new byte[0]))) {
      LessonRunner runner = LessonRunner.of(session);
      runner.start(lesson, false);
      for (int i = 0; i < lesson.steps().size(); i++) {
        if (runner.stepIndex() != i) runner.goTo(i);
        Step step = lesson.steps().get(i);
        for (String command : step.solution()) {
          output.getBuffer().setLength(0);
          int code = session.execute(command);
          if (code != 0) {
            problems.add("step " + (i + 1) + " (" + step.id() + "): solution command \"" + command + "\" exited " + code
                + ": " + output.toString().strip());
          }
        }
        if (session.simulator() != null) session.cluster().clock().sleep(WAIT);
        List<CheckResult> results = runner.evaluate(i);
        for (int j = 0; j < results.size(); j++) {
          if (!results.get(j).passed()) {
            problems.add("step " + (i + 1) + " (" + step.id() + "): after the solution, check \""
                + step.checks().get(j).description() + "\" fails: " + results.get(j).detail());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problems.add("interrupted");
    } finally {
      io.kubetutor.instructor.grade.GraderFiles.deleteTree(workspace);
    }
    problems.addAll(passWithoutWork(lesson));
    return problems;
  }

  /** A scripted session on the lesson's seeded simulator, working in {@code workspace}. */
  private static SessionOptions options(Lesson lesson, Path workspace) {
    return new SessionOptions("sim", null, lesson.setup().seed(), "virtual", Duration.ofSeconds(5), workspace, false,
        false, false, false, null, null);
  }

  /** Steps whose checks all pass in the start state, with no command typed: they grade nothing. */
  private static List<String> passWithoutWork(Lesson lesson) throws IOException {
    List<String> problems = new ArrayList<>();
    Path workspace = Files.createTempDirectory("kubetutor-lesson-idle-");
    PrintWriter sink = new PrintWriter(java.io.Writer.nullWriter());
    try (Session session = new Session(options(lesson, workspace), sink, sink, new ByteArrayInputStream(new byte[0]))) {
      LessonRunner runner = LessonRunner.of(session);
      runner.start(lesson, false);
      for (int i = 0; i < lesson.steps().size(); i++) {
        runner.goTo(i);
        List<CheckResult> results = runner.evaluate(i);
        if (!results.isEmpty() && results.stream().allMatch(CheckResult::passed)) {
          problems.add("step " + (i + 1) + ": every check passes without the student doing anything");
        }
      }
    } finally {
      io.kubetutor.instructor.grade.GraderFiles.deleteTree(workspace);
    }
    return problems;
  }
}
