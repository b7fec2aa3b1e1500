package io.kubetutor.lesson;

import io.kubetutor.lesson.check.CheckContext;
import io.kubetutor.lesson.check.CheckResult;
import io.kubetutor.shell.Session;
import io.kubetutor.shell.Session.HistoryEntry;
import io.kubetutor.sim.SimCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lesson a session is following: current step, where the step's history begins, hints
 * revealed and answers given. One per session ({@link Session#extension}); the built-ins
 * {@code lesson}, {@code check}, {@code hint}, {@code solution}, {@code next}, {@code prev} drive it.
 */
public final class LessonRunner implements Session.Listener {

  private static final Duration SETTLE = Duration.ofSeconds(30);

  private final Session session;
  private Instant stepStartTime = Instant.EPOCH;
  private Lesson lesson;
  private int step;
  private int stepStart;
  private final Map<Integer, Integer> hintsShown = new HashMap<>();
  private final Map<Integer, String> answers = new HashMap<>();
  private boolean stepPassed;

  private LessonRunner(Session session) {
    this.session = session;
  }

  /** The session's runner, created (with its prompt part and quiet checking) on first use. */
  public static LessonRunner of(Session session) {
    return session.extension(LessonRunner.class, () -> {
      LessonRunner r = new LessonRunner(session);
      session.addListener(r);
      session.addPromptPart(r::promptPart);
      return r;
    });
  }

  public Lesson lesson() { return lesson; }
  public int stepIndex() { return step; }
  public Step currentStep() { return lesson.steps().get(step); }

  /** {@code deployments 3/7}: the lesson id's topic and the step, for the prompt. */
  String promptPart() {
    if (lesson == null) return "";
    String topic = lesson.id().replaceFirst("^\\d+-", "");
    return topic + " " + (step + 1) + "/" + lesson.steps().size();
  }

  /** Starts (or restarts) a lesson: workspace files, manifests, settle time, then the first step. */
  public void start(Lesson l) throws IOException {
    lesson = l;
    hintsShown.clear();
    answers.clear();
    for (Map.Entry<String, String> f : l.setup().files().entrySet()) {
      copyIntoWorkspace(l.dir().resolve(f.getValue()), f.getKey(), true);
    }
    for (String manifest : l.setup().manifests()) {
      // Through kubectl so the setup takes the same path on the simulator and on a real cluster.
      session.kubectl().execute(List.of("apply", "-f", l.dir().resolve(manifest).toString()));
    }
    // Let controllers settle on the virtual clock, so the first step starts from running pods.
    SimCluster sim = session.simulator();
    if (sim != null && !sim.realtime()) sim.advance(SETTLE);
    goTo(0);
  }

  public void goTo(int index) {
    step = index;
    stepStart = session.history().size();
    stepStartTime = session.cluster().clock().now();
    stepPassed = false;
  }

  /** Writes the step's files; a file that exists with other content is kept unless {@code overwrite}. */
  public List<String> handOutFiles(boolean overwrite) throws IOException {
    List<String> kept = new ArrayList<>();
    for (Map.Entry<String, String> f : currentStep().files().entrySet()) {
      if (!copyIntoWorkspace(lesson.dir().resolve(f.getValue()), f.getKey(), overwrite)) kept.add(f.getKey());
    }
    return kept;
  }

  private boolean copyIntoWorkspace(Path source, String name, boolean overwrite) throws IOException {
    Path target = session.workdir().resolve(name).normalize();
    if (!target.startsWith(session.workdir())) throw new IOException(name + ": outside the workspace");
    if (Files.exists(target) && !overwrite && Files.mismatch(source, target) != -1) return false;
    if (target.getParent() != null) Files.createDirectories(target.getParent());
    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    return true;
  }

  /** One check of the step and its outcome. */
  public record Outcome(io.kubetutor.lesson.check.Check check, CheckResult result) {
    public boolean passed() { return result.passed(); }
  }

  public List<Outcome> evaluate() {
    CheckContext ctx = new CheckContext(session.cluster(), session.namespace(), session.history(), stepStart,
        stepStartTime, session.workdir(), answers.get(step));
    return currentStep().checks().stream().map(c -> new Outcome(c, c.evaluate(ctx))).toList();
  }

  /** Next hint of the step, or null when all were shown. */
  public String nextHint() {
    List<String> hints = currentStep().hints();
    int shown = hintsShown.getOrDefault(step, 0);
    if (shown >= hints.size()) return null;
    hintsShown.put(step, shown + 1);
    return "Hint " + (shown + 1) + "/" + hints.size() + ": " + hints.get(shown);
  }

  public void answer(String text) { answers.put(step, text); }

  public int hintsUsed() { return hintsShown.values().stream().mapToInt(Integer::intValue).sum(); }

  /** Prints the step: heading, text, question. */
  public void show(PrintWriter out) {
    Step s = currentStep();
    out.println("# " + lesson.title() + " — step " + (step + 1) + "/" + lesson.steps().size() + ": " + s.title());
    out.println();
    out.println(s.text().strip());
    if (s.question() != null) {
      out.println();
      out.println("Question: " + s.question().prompt().strip());
      for (int i = 0; i < s.question().choices().size(); i++) {
        out.println("  " + Question.letter(i) + ") " + s.question().choices().get(i));
      }
      out.println("Answer with: lesson answer " + (s.question().multipleChoice() ? "LETTER" : "TEXT"));
    }
    if (!s.files().isEmpty()) out.println("Files for this step: lesson files");
  }

  /**
   * After every command: when the step's checks all pass for the first time, say so once. Quiet
   * otherwise, so the student is never nagged while working.
   */
  @Override
  public void afterCommand(Session s, HistoryEntry entry) {
    if (lesson == null || stepPassed || currentStep().checks().isEmpty()) return;
    if (entry.words().isEmpty() || List.of("check", "next", "prev", "lesson", "solution", "hint").contains(entry.words().get(0))) return;
    if (evaluate().stream().allMatch(Outcome::passed)) {
      stepPassed = true;
      s.out().println("✔ Step " + (step + 1) + " done. Type \"check\" to see why, or \"next\" to go on.");
    }
  }
}
