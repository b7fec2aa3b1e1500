package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.util.List;

/** {@code pwd}: the session's working directory, where {@code -f FILE} looks. */
public final class PwdBuiltin implements Builtin {
  @Override public String name() { return "pwd"; }
  @Override public String summary() { return "print the working directory"; }

  @Override
  public int run(List<String> args, Session session) {
    session.out().println(session.workdir());
    return 0;
  }
}
