package io.kubetutor.lesson;

import io.kubetutor.lesson.check.Check;
import io.kubetutor.lesson.check.CheckContext;
import io.kubetutor.lesson.check.CheckResult;
import io.kubetutor.lesson.markdown.MarkdownRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A session's lesson: which lesson and step are open, when the step began (history index and
 * cluster time, for checks scoped to the step), progress, and the quiet checks after every command.
 * One per session ({@link #of}); the lesson built-ins and the grader drive it.
 *
 * <p>While grading, check results latch: a check that passed after some command stays passed, and
 * the open step advances as soon as all of its checks have passed, as a student typing
 * {@code check} would. Steps never reached earn nothing.
 */
public final class LessonRunner {

  /** Built-ins that navigate the lesson: quiet checks do not run after them. */
  private static final Set<String> LESSON_COMMANDS = Set.of("lesson", "check", "hint", "solution", "next", "prev");

  private final LessonHost session;
  private final LessonCatalog catalog;
  private final ProgressStore store;
  private Lesson lesson;
  private int step;
  private int[] stepStartIndex;
  private Instant[] stepStartTime;
  private boolean[][] latched;
  private boolean announced;
  private boolean solutionConfirmPending;

  private LessonRunner(LessonHost session) {
    this.session = session;
    this.catalog = LessonCatalog.locate(session.workdir());
    Path state = session.stateDir();
    this.store = new ProgressStore(state == null || session.grading() ? null : state.resolve("progress.json"),
        session.err());
    session.afterEachCommand(this::afterCommand);
    session.addPromptPart(this::promptPart);
  }

  /** The runner of a session, created (and hooked into it) on first use. */
  public static LessonRunner of(LessonHost session) {
    return session.extension(LessonRunner.class, () -> new LessonRunner(session));
  }

  public LessonHost session() { return session; }
  public LessonCatalog catalog() { return catalog; }
  public ProgressStore store() { return store; }
  public Lesson lesson() { return lesson; }
  public int stepIndex() { return step; }
  public Step step() { return lesson == null ? null : lesson.steps().get(step); }
  public boolean grading() { return session.grading(); }

  public Progress.LessonProgress progress() {
    return store.get().of(lesson.id());
  }

  /**
   * Opens a lesson in its start state. With {@code resume}, at the step the progress file records;
   * otherwise at the first step (and the lesson's recorded progress is cleared).
   */
  public List<String> start(Lesson l, boolean resume) {
    return open(l, resume, SetupApplier.apply(l, session, !resume));
  }

  /**
   * Opens a lesson at its first step, in the start state {@code startState} holds (a snapshot of the
   * simulator right after this lesson's setup): the same state {@code start(l, false)} builds, without
   * building it again. The grader uses it for every transcript of a batch.
   */
  public List<String> start(Lesson l, io.kubetutor.sim.SimSnapshot startState) {
    return open(l, false, SetupApplier.applyFrom(l, session, startState));
  }

  private List<String> open(Lesson l, boolean resume, List<String> notes) {
    this.lesson = l;
    int n = l.steps().size();
    stepStartIndex = new int[n];
    stepStartTime = new Instant[n];
    latched = new boolean[n][];
    for (int i = 0; i < n; i++) latched[i] = new boolean[l.steps().get(i).checks().size()];
    Progress.LessonProgress p = store.get().of(l.id());
    if (!resume) {
      store.get().lessons.put(l.id(), new Progress.LessonProgress());
      p = store.get().of(l.id());
    }
    store.get().current = l.id();
    goTo(Math.min(Math.max(p.step, 0), n - 1));
    return notes;
  }

  /** Opens step {@code index}: the step's history and events start now. */
  public void goTo(int index) {
    step = index;
    stepStartIndex[index] = session.history().size();
    stepStartTime[index] = session.cluster().clock().now();
    announced = progress().passed.contains(step().id());
    solutionConfirmPending = false;
    progress().step = index;
    store.save();
  }

  /** Evaluates every check of step {@code index} now. */
  public List<CheckResult> evaluate(int index) {
    Step s = lesson.steps().get(index);
    CheckContext ctx = context(index);
    List<CheckResult> out = new ArrayList<>();
    for (Check c : s.checks()) {
      CheckResult r;
      try {
        r = c.evaluate(ctx);
      } catch (RuntimeException e) {
        r = CheckResult.fail("check could not run: " + e.getMessage());
      }
      out.add(r);
    }
    return out;
  }

  private CheckContext context(int index) {
    boolean reached = stepStartTime[index] != null;
    int from = reached ? index : step;
    Step s = lesson.steps().get(index);
    return new CheckContext(session.cluster(), session.namespace(), session.history(), stepStartIndex[from],
        stepStartTime[from], session.workdir(), progress().answers.get(s.id()));
  }

  /** Marks the open step passed in the progress file. */
  public void markPassed() {
    Progress.LessonProgress p = progress();
    if (!p.passed.contains(step().id())) p.passed.add(step().id());
    if (p.passed.size() >= lesson.steps().stream().filter(s -> !s.readingOnly()).count()) p.completed = true;
    store.save();
  }

  /** Writes lesson files into the workspace (see {@link SetupApplier#copyFiles}); returns what was done. */
  public List<String> writeFiles(java.util.Map<String, String> files, boolean overwrite) {
    return SetupApplier.copyFiles(lesson, files, session.workdir(), overwrite);
  }

  public void answer(String text) {
    progress().answers.put(step().id(), text);
    store.save();
  }

  /** Reveals the next hint of the open step; null when there is none left. */
  public String nextHint() {
    Step s = step();
    int used = progress().hints.getOrDefault(s.id(), 0);
    if (used >= s.hints().size()) return null;
    progress().hints.put(s.id(), used + 1);
    store.save();
    return "Hint " + (used + 1) + "/" + s.hints().size() + ": " + s.hints().get(used);
  }

  /** Two-step confirmation of {@code solution}: true when this call confirms an earlier request. */
  public boolean confirmSolution() {
    if (solutionConfirmPending) {
      solutionConfirmPending = false;
      if (!progress().solutionsShown.contains(step().id())) progress().solutionsShown.add(step().id());
      store.save();
      return true;
    }
    solutionConfirmPending = true;
    return false;
  }

  // ---- after every command ----

  private void afterCommand(HistoryEntry entry) {
    if (lesson == null) return;
    String first = entry.words().isEmpty() ? "" : entry.words().get(0);
    if (!first.equals("solution")) solutionConfirmPending = false;
    if (grading()) {
      latchAndAdvance();
      return;
    }
    if (LESSON_COMMANDS.contains(first)) return;
    if (announced || step().readingOnly()) return;
    if (evaluate(step).stream().allMatch(CheckResult::passed)) {
      announced = true;
      markPassed();
      PrintWriter out = session.out();
      out.println();
      out.println("✔ Step " + (step + 1) + " done: every check passes. Type \"check\" to continue.");
    }
  }

  private void latchAndAdvance() {
    while (true) {
      for (int i = 0; i <= step; i++) latch(i);
      boolean[] current = latched[step];
      boolean all = true;
      for (boolean b : current) all &= b;
      if (!all || step + 1 >= lesson.steps().size()) return;
      markPassed();
      goTo(step + 1);
    }
  }

  /**
   * Evaluates the checks of step {@code index} that have not passed yet. A latched check stays passed
   * whatever happens later, so evaluating it again could not change the grade (checks are pure
   * predicates); skipping it keeps grading from re-reading files and objects after every command.
   */
  private void latch(int index) {
    boolean[] passed = latched[index];
    boolean open = false;
    for (boolean b : passed) open |= !b;
    if (!open) return;
    Step s = lesson.steps().get(index);
    CheckContext ctx = context(index);
    for (int j = 0; j < passed.length; j++) {
      if (passed[j]) continue;
      try {
        passed[j] = s.checks().get(j).evaluate(ctx).passed();
      } catch (RuntimeException e) {
        // as in evaluate(): a check that cannot run has not passed
      }
    }
  }

  /**
   * Grading: whether each check of each step has passed. Steps the transcript never reached earn
   * nothing, even if some of their checks would hold on the final state (an untouched start state
   * must not score).
   */
  public boolean[][] finalResults() {
    for (int i = 0; i <= step; i++) latch(i);
    boolean[][] copy = new boolean[latched.length][];
    for (int i = 0; i < latched.length; i++) copy[i] = Arrays.copyOf(latched[i], latched[i].length);
    return copy;
  }

  // ---- display ----

  /** {@code deployments 3/7}: the lesson name without its number, and the step. */
  String promptPart() {
    if (lesson == null) return null;
    return shortName(lesson) + " " + (step + 1) + "/" + lesson.steps().size();
  }

  static String shortName(Lesson l) {
    String folder = l.dir().getFileName().toString();
    return folder.replaceFirst("^\\d+-", "");
  }

  /** Prints the open step: title, rendered text, question and files. */
  public void show() {
    PrintWriter out = session.out();
    Step s = step();
    out.println(lesson.title() + " — step " + (step + 1) + "/" + lesson.steps().size() + ": " + s.title());
    out.println();
    out.print(MarkdownRenderer.render(s.text(), session.width(), session.color()));
    if (!s.text().endsWith("\n")) out.println();
    if (s.question() != null) {
      out.println();
      out.println("Question: " + s.question().prompt());
      for (int i = 0; i < s.question().choices().size(); i++) {
        out.println("  " + Question.letter(i) + ") " + s.question().choices().get(i));
      }
      String given = progress().answers.get(s.id());
      out.println(given != null ? "Your answer: " + given
          : "Answer with: lesson answer " + (s.question().multipleChoice() ? "LETTER" : "TEXT"));
    }
    if (!s.files().isEmpty()) {
      out.println();
      out.println("Files for this step: " + String.join(", ", s.files().keySet()) + " (\"lesson files\" writes them)");
    }
  }
}
