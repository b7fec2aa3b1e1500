package io.kubetutor.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetutor.cluster.Objects;
import io.kubetutor.lesson.check.AnswerCheck;
import io.kubetutor.lesson.check.Check;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code lesson.yaml} into a {@link Lesson}, checking it against the format of
 * {@code lessons/README.md}: required fields, unknown fields (typos), types, and references
 * (files that must exist, kinds, selectors, patterns). Every problem carries its file and line.
 */
public final class LessonLoader {

  private static final Set<String> LESSON_FIELDS =
      Set.of("id", "title", "summary", "objectives", "prerequisites", "setup", "steps");
  private static final Set<String> SETUP_FIELDS = Set.of("manifests", "images", "files", "seed");
  private static final Set<String> STEP_FIELDS =
      Set.of("id", "title", "text", "files", "hints", "solution", "checks", "question", "points");
  private static final Set<String> QUESTION_FIELDS = Set.of("prompt", "choices", "answer", "accept");

  private final Path dir;
  private final Path file;
  private final List<LessonException> errors = new ArrayList<>();
  private YamlLines lines;

  private LessonLoader(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
    this.file = this.dir.resolve("lesson.yaml");
  }

  /** Loads a lesson, or throws the first problem found. */
  public static Lesson load(Path dir) {
    LessonLoader loader = new LessonLoader(dir);
    Lesson lesson = loader.read();
    if (!loader.errors.isEmpty()) throw loader.errors.get(0);
    return lesson;
  }

  /** Every problem of a lesson (empty when it is valid). */
  public static List<LessonException> validate(Path dir) {
    LessonLoader loader = new LessonLoader(dir);
    loader.read();
    return List.copyOf(loader.errors);
  }

  private Lesson read() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      errors.add(new LessonException(file, 0, "cannot read the lesson file: " + e.getMessage()));
      return null;
    }
    lines = YamlLines.of(text);
    JsonNode root;
    try {
      root = Objects.YAML.readTree(text);
    } catch (IOException e) {
      int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
          ? jpe.getLocation().getLineNr() : 0;
      errors.add(new LessonException(file, line, "invalid YAML: " + e.getMessage().lines().findFirst().orElse("")));
      return null;
    }
    if (root == null || !root.isObject()) {
      error("", "the lesson must be a mapping with id, title and steps");
      return null;
    }
    knownFields(root, "", LESSON_FIELDS);
    String id = requiredText(root, "", "id");
    String title = requiredText(root, "", "title");
    String summary = optionalText(root, "", "summary", "");
    List<String> objectives = textList(root, "", "objectives");
    List<String> prerequisites = textList(root, "", "prerequisites");
    Setup setup = setup(root.get("setup"));
    List<Step> steps = new ArrayList<>();
    JsonNode stepsNode = root.get("steps");
    if (stepsNode == null || !stepsNode.isArray() || stepsNode.isEmpty()) {
      error("/steps", "\"steps\" must be a non-empty list");
    } else {
      for (int i = 0; i < stepsNode.size(); i++) steps.add(step(stepsNode.get(i), "/steps/" + i, i));
    }
    return new Lesson(id, title, summary, objectives, prerequisites, setup, steps, dir, sha256(text));
  }

  private Setup setup(JsonNode node) {
    if (node == null || node.isNull()) return Setup.EMPTY;
    if (!node.isObject()) {
      error("/setup", "\"setup\" must be a mapping");
      return Setup.EMPTY;
    }
    knownFields(node, "/setup", SETUP_FIELDS);
    List<String> manifests = textList(node, "/setup", "manifests");
    for (int i = 0; i < manifests.size(); i++) lessonFile(manifests.get(i), "/setup/manifests/" + i);
    Map<String, String> images = textMap(node, "/setup", "images");
    images.forEach((tag, path) -> lessonFile(path, "/setup/images/" + tag));
    Map<String, String> files = textMap(node, "/setup", "files");
    files.forEach((name, path) -> lessonFile(path, "/setup/files/" + name));
    long seed = 1;
    JsonNode s = node.get("seed");
    if (s != null) {
      if (s.canConvertToLong() && s.isIntegralNumber()) seed = s.asLong();
      else error("/setup/seed", "\"seed\" must be an integer");
    }
    return new Setup(manifests, images, files, seed);
  }

  private Step step(JsonNode node, String at, int index) {
    if (node == null || !node.isObject()) {
      error(at, "a step must be a mapping with title and text");
      return new Step("step-" + (index + 1), "", "", Map.of(), List.of(), List.of(), List.of(), null, 0);
    }
    knownFields(node, at, STEP_FIELDS);
    String id = optionalText(node, at, "id", "step-" + (index + 1));
    String title = requiredText(node, at, "title");
    String text = requiredText(node, at, "text");
    Map<String, String> files = textMap(node, at, "files");
    files.forEach((name, path) -> lessonFile(path, at + "/files/" + name));
    List<String> hints = textList(node, at, "hints");
    List<String> solution = textList(node, at, "solution");
    Question question = question(node.get("question"), at + "/question");
    List<Check> checks = new ArrayList<>();
    JsonNode checksNode = node.get("checks");
    if (checksNode != null && !checksNode.isNull()) {
      if (!checksNode.isArray()) {
        error(at + "/checks", "\"checks\" must be a list");
      } else {
        CheckParser parser = new CheckParser((p, m) -> error(p, m));
        for (int i = 0; i < checksNode.size(); i++) {
          Check c = parser.parse(checksNode.get(i), at + "/checks/" + i);
          if (c != null) checks.add(c);
        }
      }
    }
    if (question != null) checks.add(new AnswerCheck(question, null));
    int points = 1;
    JsonNode p = node.get("points");
    if (p != null) {
      if (p.isIntegralNumber() && p.asInt() >= 0) points = p.asInt();
      else error(at + "/points", "\"points\" must be a non-negative integer");
    }
    if (checks.isEmpty() && p == null) points = 0; // reading steps are worth nothing unless the author says so
    return new Step(id, title, text, files, hints, solution, List.copyOf(checks), question, points);
  }

  private Question question(JsonNode node, String at) {
    if (node == null || node.isNull()) return null;
    if (!node.isObject()) {
      error(at, "\"question\" must be a mapping with prompt and answer");
      return null;
    }
    knownFields(node, at, QUESTION_FIELDS);
    String prompt = requiredText(node, at, "prompt");
    List<String> choices = textList(node, at, "choices");
    List<String> accept = textList(node, at, "accept");
    String answer = optionalText(node, at, "answer", null);
    if (!choices.isEmpty()) {
      if (answer == null) {
        error(at, "a multiple-choice question needs \"answer\" (the letter of the right choice)");
      } else if (answer.length() != 1 || answer.charAt(0) - 'a' < 0 || answer.charAt(0) - 'a' >= choices.size()) {
        error(at + "/answer", "\"answer\" must be one of the letters a.." + Question.letter(choices.size() - 1));
      }
    } else if (accept.isEmpty()) {
      error(at, "a short-answer question needs \"accept\" (patterns of right answers), or \"choices\"");
    } else {
      for (int i = 0; i < accept.size(); i++) {
        try {
          java.util.regex.Pattern.compile(accept.get(i));
        } catch (java.util.regex.PatternSyntaxException e) {
          error(at + "/accept/" + i, "invalid pattern: " + e.getDescription());
        }
      }
    }
    return new Question(prompt, choices, answer == null ? "" : answer, accept);
  }

  // ---- helpers ----

  private void lessonFile(String path, String at) {
    Path p = dir.resolve(path).normalize();
    if (!p.startsWith(dir)) error(at, "\"" + path + "\" is outside the lesson folder");
    else if (!Files.isRegularFile(p)) error(at, "file \"" + path + "\" does not exist in the lesson folder");
  }

  private void knownFields(JsonNode node, String at, Set<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) error(at + "/" + name, "unknown field \"" + name + "\"");
    }
  }

  private String requiredText(JsonNode node, String at, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      error(at, "missing required field \"" + field + "\"");
      return "";
    }
    if (!v.isValueNode() || v.isBoolean()) {
      error(at + "/" + field, "\"" + field + "\" must be text");
      return "";
    }
    return v.asText();
  }

  private String optionalText(JsonNode node, String at, String field, String fallback) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) return fallback;
    if (!v.isValueNode()) {
      error(at + "/" + field, "\"" + field + "\" must be text");
      return fallback;
    }
    return v.asText();
  }

  private List<String> textList(JsonNode node, String at, String field) {
    JsonNode v = node.get(field);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) return out;
    if (!v.isArray()) {
      error(at + "/" + field, "\"" + field + "\" must be a list");
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isValueNode()) error(at + "/" + field + "/" + i, "items of \"" + field + "\" must be text");
      else out.add(v.get(i).asText());
    }
    return out;
  }

  private Map<String, String> textMap(JsonNode node, String at, String field) {
    JsonNode v = node.get(field);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null || v.isNull()) return out;
    if (!v.isObject()) {
      error(at + "/" + field, "\"" + field + "\" must be a mapping of name: path");
      return out;
    }
    v.fields().forEachRemaining(e -> {
      if (!e.getValue().isValueNode()) error(at + "/" + field + "/" + e.getKey(), "must be a path");
      else out.put(e.getKey(), e.getValue().asText());
    });
    return out;
  }

  private void error(String pointer, String message) {
    errors.add(new LessonException(file, lines == null ? 0 : lines.line(pointer), message));
  }

  static String sha256(String text) {
    return Hashes.sha256(text);
  }
}
