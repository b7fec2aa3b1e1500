package io.kubetutor.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lesson built-ins in a session: start, prompt, check, hint, files, solution, next/prev. */
class LessonShellTest {

  @TempDir Path workspace;
  SessionHarness shell;
  final String pods = Path.of("lessons/01-pods").toAbsolutePath().toString();

  @BeforeEach
  void open() {
    shell = new SessionHarness(workspace);
  }

  @AfterEach
  void close() {
    shell.close();
  }

  @Test
  void startShowsTheFirstStepAndThePromptNamesLessonAndStep() {
    Result r = shell.run("lesson start " + pods);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("# Pods, the smallest unit — step 1/6: Your first pod\n");
    assertThat(shell.session().prompt()).isEqualTo("kubetutor [sim:default] pods 1/6 $ ");
  }

  @Test
  void checkFailsUntilTheStepIsDoneThenMovesOn() {
    shell.run("lesson start " + pods);
    Result before = shell.run("check");
    assertThat(before.exit()).isEqualTo(1);
    assertThat(before.out()).startsWith("✘ The pod \"hello\" exists");
    shell.run("lesson files");
    Result applied = shell.run("kubectl apply -f pod-basic.yml");
    assertThat(applied.out()).contains("pod/hello created").contains("✔ Step 1 done.");
    Result after = shell.run("check");
    assertThat(after.exit()).isZero();
    assertThat(after.out()).contains("Well done! On to step 2.").contains("step 2/6: Looking at pods");
    assertThat(shell.session().prompt()).isEqualTo("kubetutor [sim:default] pods 2/6 $ ");
  }

  @Test
  void commandChecksOnlyCountTheCurrentStep() {
    shell.run("lesson start " + pods);
    shell.run("kubectl get pods -o wide");
    shell.run("next");
    assertThat(shell.run("check").out()).contains("✘");
    // A failed command does not count: hello does not exist yet.
    shell.run("kubectl get pods hello -o wide");
    assertThat(shell.run("check").exit()).isEqualTo(1);
    shell.run("kubectl get pods -o wide");
    assertThat(shell.run("check").exit()).isZero();
  }

  @Test
  void hintsAreRevealedOneAtATime() {
    shell.run("lesson start " + pods);
    shell.run("next");
    shell.run("next");
    shell.run("next");
    assertThat(shell.run("hint").out()).isEqualTo("Hint 1/2: Run \"lesson files\" to get pod-labeled.yml.\n");
    assertThat(shell.run("hint").out()).startsWith("Hint 2/2: --selector");
    assertThat(shell.run("hint").out()).startsWith("No more hints");
  }

  @Test
  void lessonFilesKeepsAFileTheStudentChanged() throws Exception {
    shell.run("lesson start " + pods);
    Files.writeString(workspace.resolve("pod-basic.yml"), "# mine\n");
    Result r = shell.run("lesson files");
    assertThat(r.out()).contains("kept your changed pod-basic.yml");
    assertThat(Files.readString(workspace.resolve("pod-basic.yml"))).isEqualTo("# mine\n");
    shell.run("lesson files --force");
    assertThat(Files.readString(workspace.resolve("pod-basic.yml"))).contains("name: hello");
  }

  @Test
  void solutionAsksFirstAndRunReplaysIt() {
    shell.run("lesson start " + pods);
    Result declined = shell.run("solution");
    assertThat(declined.exit()).isEqualTo(1);
    assertThat(declined.out()).contains("Not shown.");
    assertThat(shell.run("solution --yes").out()).contains("  kubectl apply -f pod-basic.yml");
    shell.run("solution --yes --run");
    assertThat(shell.run("check").exit()).isZero();
  }

  @Test
  void withoutALessonTheBuiltinsSaySo() {
    Result r = shell.run("check");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: no lesson started (try: lesson list)\n");
    assertThat(shell.run("lesson start nope").err()).contains("lesson \"nope\" not found");
    shell.run("lesson start " + pods);
    assertThat(shell.run("prev").err()).isEqualTo("error: no previous step\n");
  }

  @Test
  void answersAreCheckedAgainstTheQuestion() {
    shell.run("lesson start " + Path.of("lessons/02-deployments").toAbsolutePath());
    shell.run("next");
    shell.run("lesson files");
    shell.run("lesson answer a");
    assertThat(shell.run("check").out()).contains("✘");
    shell.run("lesson answer b");
    assertThat(shell.run("check").exit()).isZero();
  }
}
