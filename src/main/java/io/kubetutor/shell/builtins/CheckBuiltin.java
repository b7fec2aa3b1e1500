package io.kubetutor.shell.builtins;

import io.kubetutor.lesson.LessonRunner;
import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.util.List;

/** {@code check}: runs the step's checks, one line each; when all pass, moves to the next step. */
public final class CheckBuiltin implements Builtin {

  @Override public String name() { return "check"; }
  @Override public String summary() { return "Check the current lesson step"; }

  @Override
  public int run(List<String> args, Session session) {
    LessonRunner runner = LessonRunner.of(session);
    if (runner.lesson() == null) {
      session.err().println("error: no lesson started (try: lesson list)");
      return 1;
    }
    List<LessonRunner.Outcome> results = runner.evaluate();
    boolean all = true;
    for (LessonRunner.Outcome r : results) {
      all &= r.passed();
      session.out().println((r.passed() ? "✔ " + r.check().description() : "✘ " + r.check().failureMessage() + " (" + r.result().detail() + ")"));
    }
    if (!all) return 1;
    int last = runner.lesson().steps().size() - 1;
    if (runner.stepIndex() == last) {
      session.out().println("Well done: you finished \"" + runner.lesson().title() + "\".");
    } else {
      session.out().println("Well done! On to step " + (runner.stepIndex() + 2) + ".");
      runner.goTo(runner.stepIndex() + 1);
      session.out().println();
      runner.show(session.out());
    }
    return 0;
  }
}
