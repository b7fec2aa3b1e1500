package io.kubetutor.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lesson built-ins in a session: start, prompt, check, hint, solution, files, quiet checks, status. */
class LessonBuiltinsTest {

  @TempDir Path dir;

  /**
   * Ctrl-C ends a command by interrupting the thread that runs it, and that thread then runs the
   * lesson's quiet check and saves progress. Both must happen, on a line of their own after "^C".
   */
  @Test
  void aCommandEndedByCtrlCStillSavesProgressOnItsOwnLine() throws Exception {
    SessionOptions options = SessionOptions.forTests(dir.resolve("ws"));
    Files.createDirectories(options.workdir());
    Path state = dir.resolve("state");
    SessionOptions withState = new SessionOptions(options.context(), null, 1, "virtual", options.thinkTime(),
        options.workdir(), false, false, false, false, null, state);
    try (SessionHarness sh = new SessionHarness(withState)) {
      sh.run("lesson start deployments");
      sh.run("lesson answer b");
      SessionHarness.Result r;
      Thread.currentThread().interrupt();  // as the shell's Ctrl-C handler does while the command runs
      try {
        r = sh.run("kubectl get pods");
      } finally {
        Thread.interrupted();
      }
      assertThat(r.err()).doesNotContain("could not save progress");
      assertThat(r.out()).endsWith("\n\n✔ Step 1 done: every check passes. Type \"check\" to continue.\n");
      assertThat(Files.readString(state.resolve("progress.json"))).contains("\"b\"");
    }
  }

  @Test
  void walksTheFirstStepsOfTheDeploymentsLesson() throws Exception {
    SessionOptions options = SessionOptions.forTests(dir.resolve("ws"));
    Files.createDirectories(options.workdir());
    SessionOptions withState = new SessionOptions(options.context(), null, 1, "virtual", options.thinkTime(),
        options.workdir(), false, false, false, false, null, dir.resolve("state"));
    try (SessionHarness sh = new SessionHarness(withState)) {
      assertThat(sh.run("check").err()).contains("needs an open lesson");
      SessionHarness.Result start = sh.run("lesson start deployments");
      assertThat(start.exit()).as(start.err()).isZero();
      assertThat(start.out()).startsWith("Desired state with Deployments — step 1/11: Why deployments?");
      assertThat(sh.session().prompt()).isEqualTo("kubetutor [sim:default] deployments 1/11 $ ");

      SessionHarness.Result fail = sh.run("check");
      assertThat(fail.exit()).isEqualTo(1);
      assertThat(fail.out()).contains("✘ answer the question with: lesson answer LETTER (not answered yet)");

      assertThat(sh.run("hint").out()).isEqualTo("Hint 1/1: Deployments are for programs that should always be running.\n");
      assertThat(sh.run("hint").out()).contains("No more hints");

      assertThat(sh.run("lesson answer a").exit()).isZero();
      assertThat(sh.run("check").out()).contains("✘ answer the question").contains("answer a is not right");
      sh.run("lesson answer b");
      SessionHarness.Result pass = sh.run("check");
      assertThat(pass.out()).contains("✔ answered the question").contains("Well done! On to the next step.")
          .contains("step 2/11: The manifest, field by field");
      assertThat(sh.session().prompt()).contains("deployments 2/11");

      // solution asks first, then shows the commands
      assertThat(sh.run("solution").out()).contains("type \"solution\" again");
      assertThat(sh.run("solution").out()).isEqualTo("Solution of step 2:\n  $ lesson files\n");

      // the quiet check after an ordinary command notices the step is done
      assertThat(sh.run("lesson files").out()).isEqualTo("wrote deployment-basic.yml\n");
      SessionHarness.Result cat = sh.run("cat deployment-basic.yml");
      assertThat(cat.out()).contains("name: hello-deployment").endsWith("✔ Step 2 done: every check passes. Type \"check\" to continue.\n");

      // a changed file is kept unless --force
      Files.writeString(options.workdir().resolve("deployment-basic.yml"), "changed\n");
      assertThat(sh.run("lesson files").out()).contains("kept your deployment-basic.yml");
      assertThat(Files.readString(options.workdir().resolve("deployment-basic.yml"))).isEqualTo("changed\n");

      assertThat(sh.run("lesson status").out()).contains("  [x] 1. Why deployments?  (1 hint, answered b)")
          .contains("> [x] 2. The manifest, field by field  (solution shown)");
      assertThat(sh.run("prev").out()).contains("step 1/11");
      assertThat(sh.run("prev").err()).contains("this is the first step");
      assertThat(sh.run("next").out()).contains("step 2/11");
    }
    // progress persisted atomically under the state directory
    assertThat(Files.readString(dir.resolve("state/progress.json"))).contains("\"deployments\"").contains("\"step\" : 1");
  }

  @Test
  void solutionIsRefusedWhileGrading() {
    try (SessionHarness sh = new SessionHarness(SessionOptions.forTests(dir).withGrading(true))) {
      assertThat(sh.run("solution").err()).contains("\"solution\" is not available while grading");
    }
  }
}
