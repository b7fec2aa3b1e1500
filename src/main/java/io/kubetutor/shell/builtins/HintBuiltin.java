package io.kubetutor.shell.builtins;

import io.kubetutor.lesson.LessonRunner;
import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.util.List;

/** {@code hint}: reveals the step's hints one at a time. */
public final class HintBuiltin implements Builtin {

  @Override public String name() { return "hint"; }
  @Override public String summary() { return "Show the next hint for the current lesson step"; }

  @Override
  public int run(List<String> args, Session session) {
    LessonRunner runner = LessonRunner.of(session);
    if (runner.lesson() == null) {
      session.err().println("error: no lesson started (try: lesson list)");
      return 1;
    }
    String hint = runner.nextHint();
    session.out().println(hint != null ? hint : "No more hints for this step; \"solution\" shows the commands.");
    return 0;
  }
}
