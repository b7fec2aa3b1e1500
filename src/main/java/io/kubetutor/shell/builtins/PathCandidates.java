package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Path completion relative to the session's directory: candidates are what the student would type
 * (the typed directory part kept), directories end in {@code /} so completion can continue into them.
 */
public final class PathCandidates {

  private PathCandidates() {}

  public static List<String> list(Session session, String typed, boolean directoriesOnly) {
    int slash = typed.lastIndexOf('/');
    String dirPart = slash >= 0 ? typed.substring(0, slash + 1) : "";
    String namePart = slash >= 0 ? typed.substring(slash + 1) : typed;
    Path dir = dirPart.isEmpty() ? session.workdir()
        : dirPart.startsWith("~/") ? Path.of(System.getProperty("user.home")).resolve(dirPart.substring(2))
        : session.workdir().resolve(dirPart);
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) return out;
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        if (!name.startsWith(namePart) || (name.startsWith(".") && !namePart.startsWith("."))) continue;
        boolean isDir = Files.isDirectory(p);
        if (directoriesOnly && !isDir) continue;
        out.add(dirPart + name + (isDir ? "/" : ""));
      }
    } catch (IOException e) {
      // An unreadable directory offers nothing; completion must never fail loudly.
    }
    return out;
  }
}
