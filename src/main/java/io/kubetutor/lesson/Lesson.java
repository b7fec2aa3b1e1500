package io.kubetutor.lesson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A lesson as its author wrote it in {@code lesson.yaml} (format: {@code lessons/README.md}). Plain
 * data bound by Jackson; {@link LessonLoader} fills {@link #dir} and checks references.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class Lesson {
  public String id;
  public String title;
  public String summary = "";
  public List<String> objectives = new ArrayList<>();
  public List<String> prerequisites = new ArrayList<>();
  public Setup setup = new Setup();
  public List<Step> steps = new ArrayList<>();
  /** The folder the lesson was loaded from; relative file names resolve against it. */
  public transient Path dir;

  /** The state a lesson starts from. */
  public static final class Setup {
    /** Manifests (lesson-relative paths) applied before the first step. */
    public List<String> manifests = new ArrayList<>();
    /** Files copied into the student's workspace: workspace name → lesson-relative source. */
    public Map<String, String> files = Map.of();
    /** Simulated time to let pass after applying, so controllers settle (seconds). */
    public int settleSeconds = 30;
    public long seed = 1;
  }

  /** One step: text to read, things to do, checks that prove they were done. */
  public static final class Step {
    public String title;
    public String text = "";
    /** Files handed out by {@code lesson files}: workspace name → lesson-relative source. */
    public Map<String, String> files = Map.of();
    public List<String> hints = new ArrayList<>();
    public List<String> solution = new ArrayList<>();
    public List<Check> checks = new ArrayList<>();
    public Question question;
    public int points = 1;
  }

  /** A question the student answers with {@code answer TEXT}. */
  public static final class Question {
    public String prompt;
    /** Choices for multiple choice; empty for a short answer. */
    public List<String> choices = new ArrayList<>();
    /** The right choice (its letter, a, b, ...) or a regular expression for a short answer. */
    public String answer;
  }
}
