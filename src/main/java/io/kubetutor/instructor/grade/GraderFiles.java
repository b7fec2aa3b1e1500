package io.kubetutor.instructor.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Clean-up of the temporary workspaces grading and lesson tests use. */
public final class GraderFiles {

  private GraderFiles() {}

  public static void deleteTree(Path root) {
    try (var walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort: a temp dir left behind is harmless
        }
      });
    } catch (IOException ignored) {
      // best effort
    }
  }
}
