package io.kubetutor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WarmupTest {

  @Test
  void theRehearsalAppliesItsManifestFromStandardInput() {
    assertThat(Warmup.firstCommands()).isZero();
  }

  @Test
  void theRehearsalOnTheStudentsTreeLeavesTheStudentsSessionAsItWas() throws Exception {
    Path dir = Files.createTempDirectory("kubetutor-warmup-test");
    SessionOptions interactive = new SessionOptions("sim", null, 1, "virtual", java.time.Duration.ofSeconds(5), dir,
        false, false, true, false, null, null);
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    try (Session student = new Session(interactive, new java.io.PrintWriter(out), new java.io.PrintWriter(err),
        java.io.InputStream.nullInputStream())) {
      var tree = student.kubectl();
      assertThat(Warmup.firstCommands(student)).isZero();
      assertThat(out.toString()).isEmpty();
      assertThat(err.toString()).isEmpty();
      assertThat(student.history()).isEmpty();
      assertThat(student.kubectl()).isSameAs(tree);
      // The tree is bound to the student again: their commands print to their session, on their simulator.
      assertThat(student.execute("kubectl get deployments")).isEqualTo(0);
      assertThat(err.toString()).isEqualTo("No resources found in default namespace.\n");
    } finally {
      Files.deleteIfExists(dir);
    }
  }

  @Test
  void anInteractiveSessionWarmsUpOnlyWhenTheShellSaysSoAndTheWaitEnds() throws Exception {
    Path dir = Files.createTempDirectory("kubetutor-warmup-test");
    SessionOptions interactive = new SessionOptions("sim", null, 1, "virtual", java.time.Duration.ofSeconds(5), dir,
        false, false, true, false, null, null);
    try (Session session = new Session(interactive, new java.io.PrintWriter(java.io.Writer.nullWriter()),
        new java.io.PrintWriter(java.io.Writer.nullWriter()), java.io.InputStream.nullInputStream())) {
      session.awaitWarmUp();  // not started yet: returns at once instead of waiting forever
      session.startWarmUp();
      session.startWarmUp();  // a second call must not try to start the thread again
      session.awaitWarmUp();
      assertThat(session.contextManager().startedSimulator()).as("the warm-up started the simulator").isNotNull();
    } finally {
      Files.deleteIfExists(dir);
    }
  }
}
