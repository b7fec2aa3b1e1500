package io.kubetutor.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where lessons are installed, so {@code ./kubetutor} finds them from any working directory. */
public final class LessonLibrary {

  private LessonLibrary() {}

  /**
   * {@code KUBETUTOR_LESSONS} if set; else the nearest {@code lessons/} folder above the jar (the
   * install); else {@code lessons/} in the working directory.
   */
  public static Path root() {
    String env = System.getenv("KUBETUTOR_LESSONS");
    if (env != null && !env.isBlank()) return Path.of(env);
    try {
      Path code = Path.of(LessonLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path p = code.getParent(); p != null; p = p.getParent()) {
        if (Files.isDirectory(p.resolve("lessons"))) return p.resolve("lessons");
      }
    } catch (Exception e) {
      // no code source (unusual class loader): fall back to the working directory
    }
    return Path.of("lessons");
  }

  /** Every folder under {@code root} holding a {@code lesson.yaml}, sorted by name. */
  public static List<Path> lessonDirs(Path root) throws IOException {
    if (!Files.isDirectory(root)) return List.of();
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("lesson.yaml"))).sorted().toList();
    }
  }
}
