package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** {@code rm [-r] [-f] PATH...}: a directory needs {@code -r}; {@code -f} is quiet about missing files. */
public final class RmBuiltin implements Builtin {
  @Override public String name() { return "rm"; }
  @Override public String summary() { return "remove files (rm [-r] [-f] PATH...)"; }

  @Override
  public List<String> complete(List<String> args, Session session) {
    return PathCandidates.list(session, args.isEmpty() ? "" : args.get(args.size() - 1), false);
  }

  @Override
  public int run(List<String> args, Session session) {
    Workspace.Parsed p = Workspace.parse(args);
    char bad = Workspace.unknownFlag(p, "rRf");
    if (bad != 0) {
      session.err().println("rm: invalid option -- '" + bad + "'");
      return 1;
    }
    boolean force = p.has('f');
    boolean recursive = p.has('r') || p.has('R');
    if (p.operands().isEmpty()) {
      if (force) return 0;
      session.err().println("rm: missing operand");
      return 1;
    }
    int status = 0;
    for (String arg : p.operands()) {
      try {
        Path path = Workspace.resolve(session, arg);
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          if (!force) {
            session.err().println("rm: cannot remove '" + arg + "': No such file or directory");
            status = 1;
          }
        } else if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !recursive) {
          session.err().println("rm: cannot remove '" + arg + "': Is a directory");
          status = 1;
        } else if (path.equals(session.workdir()) || session.workdir().startsWith(path)) {
          session.err().println("rm: refusing to remove '" + arg + "': it contains the working directory");
          status = 1;
        } else {
          deleteTree(path);
        }
      } catch (Workspace.Refused e) {
        session.err().println("rm: " + e.getMessage());
        status = 1;
      } catch (IOException e) {
        session.err().println("rm: cannot remove '" + arg + "': " + FileErrors.reason(e));
        status = 1;
      }
    }
    return status;
  }

  static void deleteTree(Path path) throws IOException {
    if (!Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(path);
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
