package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.util.List;

/** {@code exit} / {@code quit}: leaves the shell (Ctrl-D does the same). */
public final class ExitBuiltin implements Builtin {
  @Override public String name() { return "exit"; }
  @Override public List<String> aliases() { return List.of("quit"); }
  @Override public String summary() { return "leave the shell (also quit, Ctrl-D)"; }

  @Override
  public int run(List<String> args, Session session) {
    session.requestExit();
    return 0;
  }
}
