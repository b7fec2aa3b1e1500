package io.kubetutor.instructor.cli;

import io.kubetutor.lesson.LessonException;
import io.kubetutor.lesson.LessonLoader;
import io.kubetutor.instructor.LessonTester;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kubetutor lesson validate|test DIR...}: authoring tools for instructors. */
@Command(name = "lesson", description = "Check lessons while writing them.",
    subcommands = {LessonCommand.Validate.class, LessonCommand.Test.class})
public final class LessonCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("error: usage: kubetutor lesson validate|test DIR...");
    return 2;
  }

  /** Schema and reference errors, one {@code file:line: message} each. */
  @Command(name = "validate", description = "Report every schema and reference error of the lessons in DIR.")
  static final class Validate implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "1..*") List<Path> dirs;

    @Override
    public Integer call() {
      int bad = 0;
      for (Path d : dirs) {
        List<LessonException> errors = LessonLoader.validate(d);
        for (LessonException e : errors) System.out.println(e.located());
        if (errors.isEmpty()) System.out.println(d + ": ok");
        else bad++;
      }
      return bad == 0 ? 0 : 1;
    }
  }

  /** Replays each step's solution (all checks must pass) and an empty transcript (some must fail). */
  @Command(name = "test", description = "Prove each lesson in DIR is solvable by its solutions and not passed by doing nothing.")
  static final class Test implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "1..*") List<Path> dirs;

    @Override
    public Integer call() throws Exception {
      int bad = 0;
      for (Path d : dirs) {
        List<LessonException> errors = LessonLoader.validate(d);
        if (!errors.isEmpty()) {
          errors.forEach(e -> System.out.println(e.located()));
          bad++;
          continue;
        }
        List<String> problems = LessonTester.test(LessonLoader.load(d));
        problems.forEach(p -> System.out.println(d + ": " + p));
        System.out.println(d + ": " + (problems.isEmpty() ? "ok" : problems.size() + " problem(s)"));
        if (!problems.isEmpty()) bad++;
      }
      return bad == 0 ? 0 : 1;
    }
  }
}
