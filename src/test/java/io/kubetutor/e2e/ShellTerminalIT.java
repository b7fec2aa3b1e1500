package io.kubetutor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar in a real pseudo-terminal (a detached tmux session): types with Tab and reads the
 * screen, as a student would. Skipped where tmux is not installed.
 */
class ShellTerminalIT {

  @TempDir Path dir;
  private final String session = "kubetutor-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

  @BeforeEach
  void start() throws Exception {
    assumeTrue(tmux("-V").exit == 0, "tmux is not installed");
    String jar = Path.of(System.getProperty("kubetutor.jar", "target/kubetutor.jar")).toAbsolutePath().toString();
    assumeTrue(Files.exists(Path.of(jar)), "the jar has not been built");
    Files.writeString(dir.resolve("deployment.yml"), "kind: Deployment\n");
    String cmd = "cd '" + dir + "' && HOME='" + dir + "' TERM=xterm-256color java -jar '" + jar + "'";
    assertThat(tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", cmd).exit).isZero();
    awaitScreen(s -> s.contains("] $"), "the prompt");
  }

  @AfterEach
  void stop() throws Exception {
    tmux("kill-session", "-t", session);
  }

  @Test
  void tabCompletesVerbAndFlagThenTheCommandRuns() throws Exception {
    tmux("send-keys", "-t", session, "kubectl vers", "Tab");
    awaitScreen(s -> s.contains("kubectl version"), "the completed verb");
    tmux("send-keys", "-t", session, "--", "--cli", "Tab");  // "--": the keys are not tmux options
    awaitScreen(s -> s.contains("kubectl version --client"), "the completed flag");
    tmux("send-keys", "-t", session, "Enter");
    String screen = awaitScreen(s -> s.contains("Client Version: v1.31.0"), "the command's output");
    assertThat(screen).contains("Kustomize Version: v5.4.2");
  }

  @Test
  void tabCompletesFilesAfterDashFAndCtrlCKeepsTheShell() throws Exception {
    tmux("send-keys", "-t", session, "cat depl", "Tab");
    awaitScreen(s -> s.contains("cat deployment.yml"), "the completed file name");
    tmux("send-keys", "-t", session, "C-c");
    // The interrupt is a signal, racing the keys typed after it: wait for the fresh prompt first.
    awaitScreen(s -> s.split("\\] \\$", -1).length > 2, "a fresh prompt after Ctrl-C");
    tmux("send-keys", "-t", session, "pwd", "Enter");
    awaitScreen(s -> s.contains(dir.toString()), "pwd after Ctrl-C");
    tmux("send-keys", "-t", session, "exit", "Enter");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (tmux("has-session", "-t", session).exit == 0 && System.nanoTime() < deadline) Thread.sleep(100);
    assertThat(tmux("has-session", "-t", session).exit).as("the shell left on exit").isNotZero();
  }

  /** Polls the screen until {@code done} holds; after a generous deadline, fails showing the screen as it was. */
  private String awaitScreen(Predicate<String> done, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String screen = "";
    do {
      screen = tmux("capture-pane", "-p", "-t", session).out;
      if (done.test(screen)) return screen;
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("waited for " + what + "; the screen is:\n" + screen);
  }

  private record Result(int exit, String out) {}

  private static Result tmux(String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("tmux"));
    cmd.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Result(127, e.getMessage());
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out);
  }
}
