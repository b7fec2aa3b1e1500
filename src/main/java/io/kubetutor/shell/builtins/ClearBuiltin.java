package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.util.List;

/** {@code clear}: clears the terminal screen (prints nothing when output is not a terminal). */
public final class ClearBuiltin implements Builtin {
  @Override public String name() { return "clear"; }
  @Override public String summary() { return "clear the screen"; }

  @Override
  public int run(List<String> args, Session session) {
    if (session.options().interactive()) {
      session.out().print("\033[H\033[2J");
      session.out().flush();
    }
    return 0;
  }
}
