package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code cat FILE...}: prints files as they are (no added newline, as cat does). */
public final class CatBuiltin implements Builtin {
  @Override public String name() { return "cat"; }
  @Override public String summary() { return "print files (cat FILE...)"; }

  @Override
  public List<String> complete(List<String> args, Session session) {
    return PathCandidates.list(session, args.isEmpty() ? "" : args.get(args.size() - 1), false);
  }

  @Override
  public int run(List<String> args, Session session) throws IOException {
    if (args.isEmpty()) {
      session.err().println("cat: missing file operand");
      return 1;
    }
    int status = 0;
    for (String arg : args) {
      Path path;
      try {
        path = Workspace.resolve(session, arg);
      } catch (Workspace.Refused e) {
        session.err().println("cat: " + e.getMessage());
        status = 1;
        continue;
      }
      if (!Files.exists(path)) {
        session.err().println("cat: " + arg + ": No such file or directory");
        status = 1;
      } else if (Files.isDirectory(path)) {
        session.err().println("cat: " + arg + ": Is a directory");
        status = 1;
      } else {
        try {
          session.out().print(new String(io.kubetutor.kubectl.manifest.BoundedFiles.read(path, arg), StandardCharsets.UTF_8));
        } catch (io.kubetutor.kubectl.KubectlException e) {
          // /dev/zero and its like never end: stop at the bound instead of filling the memory.
          session.err().println("cat: " + arg + ": larger than 10 MB, the most cat shows here");
          status = 1;
        }
      }
    }
    return status;
  }
}
