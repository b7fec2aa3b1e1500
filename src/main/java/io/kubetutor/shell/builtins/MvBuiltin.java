package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.util.List;

/** {@code mv SOURCE... TARGET}. */
public final class MvBuiltin implements Builtin {
  @Override public String name() { return "mv"; }
  @Override public String summary() { return "move or rename files (mv SOURCE... TARGET)"; }

  @Override
  public List<String> complete(List<String> args, Session session) {
    return PathCandidates.list(session, args.isEmpty() ? "" : args.get(args.size() - 1), false);
  }

  @Override
  public int run(List<String> args, Session session) {
    return CopyOrMove.run("mv", true, args, session);
  }
}
