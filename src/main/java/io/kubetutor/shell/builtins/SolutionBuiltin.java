package io.kubetutor.shell.builtins;

import io.kubetutor.lesson.LessonRunner;
import io.kubetutor.lesson.Step;
import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code solution [--run]}: the open step's reference commands. The first call asks for
 * confirmation (typing {@code solution} again, or {@code solution --yes}); {@code --run} then
 * replays the commands in the session.
 */
public final class SolutionBuiltin implements Builtin {

  @Override public String name() { return "solution"; }

  @Override public String summary() { return "show the open step's solution (asks first; --run replays it)"; }

  /** A graded transcript must not run the reference solution. */
  @Override public boolean allowedInGrading() { return false; }

  @Override
  public int run(List<String> args, Session session) {
    LessonRunner runner = LessonRequired.runner(session, "solution");
    if (runner == null) return 1;
    PrintWriter out = session.out();
    for (String a : args) {
      if (!a.equals("--run") && !a.equals("--yes")) {
        session.err().println("error: unknown flag: " + a + " (solution takes --run and --yes)");
        return 1;
      }
    }
    Step step = runner.step();
    if (step.solution().isEmpty()) {
      out.println("This step has no commands to run.");
      return 0;
    }
    boolean confirmed = args.contains("--yes") ? runner.confirmSolution() || runner.confirmSolution()
        : runner.confirmSolution();
    if (!confirmed) {
      out.println("Try the hints first (\"hint\"). To see the solution anyway, type \"solution"
          + (args.contains("--run") ? " --run" : "") + "\" again.");
      return 0;
    }
    out.println("Solution of step " + (runner.stepIndex() + 1) + ":");
    for (String cmd : step.solution()) out.println("  $ " + cmd);
    if (!args.contains("--run")) return 0;
    out.println();
    int last = 0;
    for (String cmd : step.solution()) {
      out.println("$ " + cmd);
      out.flush();
      last = session.execute(cmd);
    }
    return last;
  }
}
