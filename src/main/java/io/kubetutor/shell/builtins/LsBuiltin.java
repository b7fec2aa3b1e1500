package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ls [-a] [-l] [PATH...]}: one name per line, directories marked with a trailing {@code /} so
 * students can tell a folder of manifests from a manifest.
 */
public final class LsBuiltin implements Builtin {
  @Override public String name() { return "ls"; }
  @Override public String summary() { return "list files (ls [-a] [-l] [PATH...])"; }
  @Override public String usage() {
    return "usage: ls [-a] [-l] [PATH...]\n  -a  include names starting with .\n  -l  long listing: size and name\n  -1  one name per line (always)";
  }

  @Override
  public List<String> complete(List<String> args, Session session) {
    return PathCandidates.list(session, args.isEmpty() ? "" : args.get(args.size() - 1), false);
  }

  @Override
  public int run(List<String> args, Session session) throws IOException {
    Workspace.Parsed p = Workspace.parse(args);
    char bad = Workspace.unknownFlag(p, "al1");
    if (bad != 0) {
      session.err().println("ls: invalid option -- '" + bad + "'");
      return 2;
    }
    List<String> operands = p.operands().isEmpty() ? List.of(".") : p.operands();
    int status = 0;
    boolean headers = operands.size() > 1;
    for (int i = 0; i < operands.size(); i++) {
      String arg = operands.get(i);
      Path path;
      try {
        path = Workspace.resolve(session, arg);
      } catch (Workspace.Refused e) {
        session.err().println("ls: " + e.getMessage());
        status = 2;
        continue;
      }
      if (!Files.exists(path)) {
        session.err().println("ls: cannot access '" + arg + "': No such file or directory");
        status = 2;
        continue;
      }
      if (!Files.isDirectory(path)) {
        print(session, path, arg, p.has('l'));
        continue;
      }
      if (headers) session.out().println((i > 0 ? "\n" : "") + arg + ":");
      List<Path> entries = new ArrayList<>();
      try (Stream<Path> s = Files.list(path)) {
        s.filter(e -> p.has('a') || !e.getFileName().toString().startsWith(".")).sorted().forEach(entries::add);
      }
      for (Path e : entries) print(session, e, e.getFileName().toString(), p.has('l'));
    }
    return status;
  }

  private static void print(Session session, Path path, String shown, boolean longFormat) throws IOException {
    boolean dir = Files.isDirectory(path);
    String name = dir ? shown + "/" : shown;
    if (longFormat) session.out().printf("%8d  %s%n", dir ? 0 : Files.size(path), name);
    else session.out().println(name);
  }
}
