package io.kubetutor.shell.builtins;

import io.kubetutor.lesson.LessonRunner;
import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.util.List;

/** {@code prev}: opens the previous step again; its step-scoped checks look at history from now on. */
public final class PrevBuiltin implements Builtin {

  @Override public String name() { return "prev"; }

  @Override public String summary() { return "go back to the previous lesson step"; }

  @Override
  public int run(List<String> args, Session session) {
    LessonRunner runner = LessonRequired.runner(session, "prev");
    if (runner == null) return 1;
    if (runner.stepIndex() == 0) {
      session.err().println("error: this is the first step");
      return 1;
    }
    runner.goTo(runner.stepIndex() - 1);
    runner.show();
    return 0;
  }
}
