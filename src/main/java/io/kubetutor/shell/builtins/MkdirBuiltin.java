package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code mkdir [-p] DIR...}. */
public final class MkdirBuiltin implements Builtin {
  @Override public String name() { return "mkdir"; }
  @Override public String summary() { return "make directories (mkdir [-p] DIR...)"; }

  @Override
  public int run(List<String> args, Session session) {
    Workspace.Parsed p = Workspace.parse(args);
    char bad = Workspace.unknownFlag(p, "p");
    if (bad != 0) {
      session.err().println("mkdir: invalid option -- '" + bad + "'");
      return 1;
    }
    if (p.operands().isEmpty()) {
      session.err().println("mkdir: missing operand");
      return 1;
    }
    int status = 0;
    for (String arg : p.operands()) {
      try {
        Path dir = Workspace.resolve(session, arg);
        if (p.has('p')) {
          if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IOException("File exists");
          Files.createDirectories(dir);
        } else if (Files.exists(dir)) {
          throw new IOException("File exists");
        } else if (!Files.isDirectory(dir.getParent())) {
          throw new IOException("No such file or directory");
        } else {
          Files.createDirectory(dir);
        }
      } catch (Workspace.Refused e) {
        session.err().println("mkdir: " + e.getMessage());
        status = 1;
      } catch (IOException e) {
        session.err().println("mkdir: cannot create directory '" + arg + "': " + FileErrors.reason(e));
        status = 1;
      }
    }
    return status;
  }
}
