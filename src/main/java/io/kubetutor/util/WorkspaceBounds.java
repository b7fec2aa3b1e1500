package io.kubetutor.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a path stays inside a workspace, symbolic links followed. Grading confines every file a
 * transcript touches (built-ins and kubectl's {@code -f}, {@code --from-file}, {@code --patch-file} ...)
 * to the lesson's workspace with this one rule.
 */
public final class WorkspaceBounds {
  private WorkspaceBounds() {}

  public static boolean contains(Path root, Path path) {
    Path r = root.toAbsolutePath().normalize();
    Path p = path.toAbsolutePath().normalize();
    return p.startsWith(r) && realPath(p).startsWith(realPath(r));
  }

  /**
   * Where a path really leads: the real path of its deepest existing ancestor with the rest
   * appended, so a link to {@code /etc} inside the workspace is caught even for a file not yet there.
   */
  private static Path realPath(Path p) {
    Path existing = p;
    while (existing != null && !Files.exists(existing)) existing = existing.getParent();
    if (existing == null) return p;
    try {
      return existing.toRealPath().resolve(existing.relativize(p)).normalize();
    } catch (IOException e) {
      return p;
    }
  }
}
