package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.util.List;

/** {@code cp [-r] SOURCE... TARGET}. */
public final class CpBuiltin implements Builtin {
  @Override public String name() { return "cp"; }
  @Override public String summary() { return "copy files (cp [-r] SOURCE... TARGET)"; }

  @Override
  public List<String> complete(List<String> args, Session session) {
    return PathCandidates.list(session, args.isEmpty() ? "" : args.get(args.size() - 1), false);
  }

  @Override
  public int run(List<String> args, Session session) {
    return CopyOrMove.run("cp", false, args, session);
  }
}
