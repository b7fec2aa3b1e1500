package io.kubetutor.shell.builtins;

import io.kubetutor.lesson.LessonRunner;
import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.util.List;

/** {@code next}: moves to another step without checking, then shows it. */
public final class NextBuiltin implements Builtin {

  @Override public String name() { return "next"; }
  @Override public String summary() { return "Go to the next lesson step"; }

  @Override
  public int run(List<String> args, Session session) {
    LessonRunner runner = LessonRunner.of(session);
    if (runner.lesson() == null) {
      session.err().println("error: no lesson started (try: lesson list)");
      return 1;
    }
    int target = runner.stepIndex() + (1);
    if (target < 0 || target >= runner.lesson().steps().size()) {
      session.err().println("error: no " + ((1) > 0 ? "next" : "previous") + " step");
      return 1;
    }
    runner.goTo(target);
    runner.show(session.out());
    return 0;
  }
}
