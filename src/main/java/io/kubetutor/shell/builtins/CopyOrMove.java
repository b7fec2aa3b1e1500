package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** What {@code cp} and {@code mv} share: SOURCE... TARGET, where a directory target receives the sources by name. */
final class CopyOrMove {

  private CopyOrMove() {}

  static int run(String command, boolean move, List<String> args, Session session) {
    Workspace.Parsed p = Workspace.parse(args);
    char bad = Workspace.unknownFlag(p, move ? "f" : "rRf");
    if (bad != 0) {
      session.err().println(command + ": invalid option -- '" + bad + "'");
      return 1;
    }
    List<String> ops = p.operands();
    if (ops.size() < 2) {
      session.err().println(command + ": " + (ops.isEmpty() ? "missing file operand" : "missing destination file operand after '" + ops.get(0) + "'"));
      return 1;
    }
    boolean recursive = move || p.has('r') || p.has('R');
    try {
      Path target = Workspace.resolve(session, ops.get(ops.size() - 1));
      boolean intoDir = Files.isDirectory(target);
      if (ops.size() > 2 && !intoDir) {
        session.err().println(command + ": target '" + ops.get(ops.size() - 1) + "' is not a directory");
        return 1;
      }
      int status = 0;
      for (String arg : ops.subList(0, ops.size() - 1)) {
        Path source = Workspace.resolve(session, arg);
        Path dest = intoDir ? target.resolve(source.getFileName()) : target;
        if (!Files.exists(source)) {
          session.err().println(command + ": cannot stat '" + arg + "': No such file or directory");
          status = 1;
        } else if (Files.isDirectory(source) && !recursive) {
          session.err().println(command + ": -r not specified; omitting directory '" + arg + "'");
          status = 1;
        } else if (dest.startsWith(source)) {
          session.err().println(command + ": cannot " + (move ? "move" : "copy") + " '" + arg + "' into itself");
          status = 1;
        } else {
          try {
            if (move) {
              Files.move(source, dest, StandardCopyOption.REPLACE_EXISTING);
            } else {
              copyTree(source, dest);
            }
          } catch (IOException e) {
            session.err().println(command + ": cannot " + (move ? "move" : "copy") + " '" + arg + "': " + FileErrors.reason(e));
            status = 1;
          }
        }
      }
      return status;
    } catch (Workspace.Refused e) {
      session.err().println(command + ": " + e.getMessage());
      return 1;
    }
  }

  private static void copyTree(Path source, Path dest) throws IOException {
    if (!Files.isDirectory(source)) {
      Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path s : walk.toList()) {
        Path d = dest.resolve(source.relativize(s).toString());
        if (Files.isDirectory(s)) Files.createDirectories(d);
        else Files.copy(s, d, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
