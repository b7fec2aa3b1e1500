package io.kubetutor.lesson.cli;

import io.kubetutor.lesson.LessonException;
import io.kubetutor.lesson.LessonLoader;
import io.kubetutor.lesson.LessonTester;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kubetutor lesson validate|test DIR}: tools for lesson authors. */
@Command(name = "lesson", description = "Check lessons you write.",
    subcommands = {LessonCommand.Validate.class, LessonCommand.Test.class})
public final class LessonCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.err.println("error: use \"kubetutor lesson validate DIR\" or \"kubetutor lesson test DIR\"");
    return 2;
  }

  /** Format, schema and references, every problem with its file and line. */
  @Command(name = "validate", description = "Check a lesson's format and references.")
  public static final class Validate implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The lesson folder.")
    Path dir;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
      List<LessonException> problems = LessonLoader.validate(dir);
      for (LessonException p : problems) err.println(p.located());
      if (!problems.isEmpty()) {
        err.println(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in " + dir);
        return 1;
      }
      out.println(dir + ": valid");
      return 0;
    }
  }

  /** Replays every step's solution (checks must pass) and an empty transcript (checks must fail). */
  @Command(name = "test", description = "Replay a lesson's solutions: they must pass, doing nothing must not.")
  public static final class Test implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The lesson folder.")
    Path dir;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
      List<String> problems;
      try {
        problems = LessonTester.test(LessonLoader.load(dir));
      } catch (LessonException e) {
        err.println("error: " + e.located());
        return 1;
      }
      for (String p : problems) err.println(p);
      if (!problems.isEmpty()) return 1;
      out.println(dir + ": every solution passes its checks; an empty transcript fails them");
      return 0;
    }
  }
}
