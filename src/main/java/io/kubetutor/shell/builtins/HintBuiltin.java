package io.kubetutor.shell.builtins;

import io.kubetutor.lesson.LessonRunner;
import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.util.List;

/** {@code hint}: reveals the open step's next hint (hints used are recorded in the progress). */
public final class HintBuiltin implements Builtin {

  @Override public String name() { return "hint"; }

  @Override public String summary() { return "reveal the next hint of the open lesson step"; }

  @Override
  public int run(List<String> args, Session session) {
    LessonRunner runner = LessonRequired.runner(session, "hint");
    if (runner == null) return 1;
    if (runner.step().hints().isEmpty()) {
      session.out().println("This step has no hints.");
      return 0;
    }
    String hint = runner.nextHint();
    if (hint == null) {
      session.out().println("No more hints for this step; \"solution\" shows the commands.");
      return 0;
    }
    session.out().println(hint);
    return 0;
  }
}
