package io.kubetutor.lesson;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Reads {@code lesson.yaml} folders and reports authoring mistakes with the file they are in. */
public final class LessonLoader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  private static final Set<String> CHECK_TYPES = Set.of("exists", "absent", "field", "count", "command", "file", "answer");

  private LessonLoader() {}

  /** A lesson that cannot be used, with every reason. */
  public static final class InvalidLessonException extends Exception {
    public InvalidLessonException(String message) { super(message); }
  }

  public static Lesson load(Path dir) throws InvalidLessonException {
    Path file = dir.resolve("lesson.yaml");
    if (!Files.isRegularFile(file)) throw new InvalidLessonException(file + ": not found");
    Lesson lesson;
    try {
      lesson = YAML.readValue(file.toFile(), Lesson.class);
    } catch (IOException e) {
      // Jackson's message names the field and the line; keep its first line only.
      throw new InvalidLessonException(file + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
    lesson.dir = dir.toAbsolutePath().normalize();
    List<String> problems = validate(lesson);
    if (!problems.isEmpty()) {
      throw new InvalidLessonException(String.join("\n", problems.stream().map(p -> file + ": " + p).toList()));
    }
    return lesson;
  }

  /** Reference errors the schema cannot see: missing files, unknown check types, absent fields. */
  public static List<String> validate(Lesson l) {
    List<String> problems = new ArrayList<>();
    if (l.id == null || !l.id.matches("[a-z0-9][a-z0-9-]*")) problems.add("id must be lower-case words joined by '-'");
    if (l.title == null) problems.add("title is required");
    if (l.steps.isEmpty()) problems.add("a lesson needs at least one step");
    for (String m : l.setup.manifests) requireFile(l, m, "setup.manifests", problems);
    for (String src : l.setup.files.values()) requireFile(l, src, "setup.files", problems);
    for (int i = 0; i < l.steps.size(); i++) {
      Lesson.Step s = l.steps.get(i);
      String where = "steps[" + i + "]";
      if (s.title == null) problems.add(where + ".title is required");
      for (String src : s.files.values()) requireFile(l, src, where + ".files", problems);
      for (int c = 0; c < s.checks.size(); c++) {
        Check ch = s.checks.get(c);
        String at = where + ".checks[" + c + "]";
        if (!CHECK_TYPES.contains(ch.type)) problems.add(at + ".type must be one of " + CHECK_TYPES);
        if (ch.message == null) problems.add(at + ".message is required");
        if (Set.of("exists", "absent", "field", "count").contains(ch.type) && ch.kind == null) problems.add(at + ".kind is required");
        if ("field".equals(ch.type) && (ch.name == null || ch.path == null)) problems.add(at + " needs name and path");
        if ("command".equals(ch.type) && ch.pattern == null) problems.add(at + ".pattern is required");
        if ("file".equals(ch.type) && ch.file == null) problems.add(at + ".file is required");
        if ("answer".equals(ch.type) && s.question == null) problems.add(at + " needs a question in its step");
      }
    }
    return problems;
  }

  private static void requireFile(Lesson l, String rel, String where, List<String> problems) {
    Path p = l.dir.resolve(rel).normalize();
    if (!p.startsWith(l.dir) || !Files.isRegularFile(p)) problems.add(where + ": file \"" + rel + "\" not found");
  }

  /** The lessons folder: {@code KUBETUTOR_LESSONS}, else {@code lessons/} next to the install, else the working directory's. */
  public static Path lessonsRoot() {
    String env = System.getenv("KUBETUTOR_LESSONS");
    if (env != null && !env.isBlank()) return Path.of(env);
    String home = System.getProperty("kubetutor.home");
    if (home != null && Files.isDirectory(Path.of(home, "lessons"))) return Path.of(home, "lessons");
    try {
      Path jar = Path.of(LessonLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path p = jar.getParent(); p != null; p = p.getParent()) {
        if (Files.isDirectory(p.resolve("lessons"))) return p.resolve("lessons");
      }
    } catch (Exception ignored) {
      // fall through to the working directory
    }
    return Path.of("lessons");
  }

  /** Every lesson folder under {@code root}, sorted by name. */
  public static List<Path> lessonDirs(Path root) throws IOException {
    if (!Files.isDirectory(root)) return List.of();
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("lesson.yaml"))).sorted().toList();
    }
  }

  static Map<String, String> none() { return Map.of(); }
}
