package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code cd DIR}: changes the session's working directory; without an argument, back to where the session began. */
public final class CdBuiltin implements Builtin {
  @Override public String name() { return "cd"; }
  @Override public String summary() { return "change the working directory (cd DIR; cd alone returns to the start)"; }
  @Override public String usage() { return "usage: cd [DIR]\n  Changes the directory that relative paths (kubectl apply -f FILE) resolve against."; }

  @Override
  public List<String> complete(List<String> args, Session session) {
    return PathCandidates.list(session, args.isEmpty() ? "" : args.get(args.size() - 1), true);
  }

  @Override
  public int run(List<String> args, Session session) {
    if (args.size() > 1) {
      session.err().println("cd: too many arguments");
      return 1;
    }
    Path target;
    try {
      target = args.isEmpty() ? session.options().workdir().toAbsolutePath().normalize() : Workspace.resolve(session, args.get(0));
    } catch (Workspace.Refused e) {
      session.err().println("cd: " + e.getMessage());
      return 1;
    }
    if (!Files.exists(target)) {
      session.err().println("cd: " + args.get(0) + ": No such file or directory");
      return 1;
    }
    if (!Files.isDirectory(target)) {
      session.err().println("cd: " + args.get(0) + ": Not a directory");
      return 1;
    }
    session.setWorkdir(target);
    return 0;
  }
}
