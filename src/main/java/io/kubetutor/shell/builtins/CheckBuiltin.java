package io.kubetutor.shell.builtins;

import io.kubetutor.lesson.LessonRunner;
import io.kubetutor.lesson.Step;
import io.kubetutor.lesson.check.CheckResult;
import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.io.PrintWriter;
import java.util.List;

/** {@code check}: runs the open step's checks, prints pass/fail for each, and moves on when all pass. */
public final class CheckBuiltin implements Builtin {

  @Override public String name() { return "check"; }

  @Override public String summary() { return "check the open lesson step; moves on when every check passes"; }

  @Override
  public int run(List<String> args, Session session) {
    LessonRunner runner = LessonRequired.runner(session, "check");
    if (runner == null) return 1;
    PrintWriter out = session.out();
    Step step = runner.step();
    List<CheckResult> results = runner.evaluate(runner.stepIndex());
    boolean all = true;
    for (int i = 0; i < results.size(); i++) {
      CheckResult r = results.get(i);
      all &= r.passed();
      String text = r.passed() ? step.checks().get(i).description() : step.checks().get(i).failureMessage();
      out.println((r.passed() ? "✔ " : "✘ ") + text + (r.passed() ? "" : " (" + r.detail() + ")"));
    }
    if (!all) {
      out.println("Not yet: " + results.stream().filter(r -> !r.passed()).count() + " of " + results.size()
          + " checks fail. \"hint\" helps.");
      return 1;
    }
    runner.markPassed();
    boolean last = runner.stepIndex() + 1 >= runner.lesson().steps().size();
    if (last) {
      out.println(results.isEmpty() ? "That was the last step." : "Well done: the last step passes.");
      out.println("Lesson \"" + runner.lesson().title() + "\" complete.");
      return 0;
    }
    out.println(results.isEmpty() ? "Nothing to check in this step; moving on." : "Well done! On to the next step.");
    out.println();
    runner.goTo(runner.stepIndex() + 1);
    runner.show();
    return 0;
  }
}
