package io.kubetutor.lesson;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where lessons are found: {@code $KUBETUTOR_LESSONS} or {@code -Dkubetutor.lessons}, else the
 * {@code lessons/} folder of the install (next to {@code target/} holding the jar, so
 * {@code ./kubetutor} finds them from any directory), else {@code lessons/} in the working directory.
 */
public final class LessonCatalog {

  private final Path root;

  public LessonCatalog(Path root) {
    this.root = root;
  }

  public static LessonCatalog locate(Path workdir) {
    String configured = System.getProperty("kubetutor.lessons", System.getenv("KUBETUTOR_LESSONS"));
    if (configured != null && !configured.isBlank()) return new LessonCatalog(Path.of(configured));
    try {
      Path code = Path.of(LessonCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // target/kubetutor.jar or target/classes: the install is the folder above target/.
      for (Path p = code; p != null; p = p.getParent()) {
        Path candidate = p.resolve("lessons");
        if (Files.isRegularFile(candidate.resolve("README.md")) && Files.isDirectory(candidate)) {
          return new LessonCatalog(candidate);
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall back to the working directory
    }
    return new LessonCatalog(workdir.resolve("lessons"));
  }

  public Path root() { return root; }

  /** Lesson folders (those with a lesson.yaml), sorted by name. */
  public List<Path> folders() {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(root)) return out;
    try (Stream<Path> s = Files.list(root)) {
      s.filter(p -> Files.isRegularFile(p.resolve("lesson.yaml"))).sorted().forEach(out::add);
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  /** Finds a lesson by folder name, id, or the name without its number ({@code deployments} for {@code 02-deployments}). */
  public Path find(String name) {
    Path direct = Path.of(name);
    if (Files.isRegularFile(direct.resolve("lesson.yaml")) && name.contains("/")) return direct;
    for (Path p : folders()) {
      String folder = p.getFileName().toString();
      if (folder.equals(name) || folder.replaceFirst("^\\d+-", "").equals(name)) return p;
    }
    for (Path p : folders()) {
      try {
        if (LessonLoader.load(p).id().equals(name)) return p;
      } catch (LessonException e) {
        // a broken lesson cannot be the one asked for by id
      }
    }
    return null;
  }
}
