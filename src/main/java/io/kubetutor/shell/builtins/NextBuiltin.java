package io.kubetutor.shell.builtins;

import io.kubetutor.lesson.LessonRunner;
import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.util.List;

/** {@code next}: opens the next step (without checking the current one; {@code check} does that). */
public final class NextBuiltin implements Builtin {

  @Override public String name() { return "next"; }

  @Override public String summary() { return "go to the next lesson step"; }

  @Override
  public int run(List<String> args, Session session) {
    LessonRunner runner = LessonRequired.runner(session, "next");
    if (runner == null) return 1;
    if (runner.stepIndex() + 1 >= runner.lesson().steps().size()) {
      session.err().println("error: this is the last step");
      return 1;
    }
    runner.goTo(runner.stepIndex() + 1);
    runner.show();
    return 0;
  }
}
