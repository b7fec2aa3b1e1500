package io.kubetutor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar in a real pseudo-terminal, made by {@code script(1)} (util-linux, on every Debian
 * machine): types keys with Tab and Ctrl-C and reads what the terminal shows, as a student would.
 */
class ShellTerminalIT {

  /** One escape sequence: CSI with its parameters and final letter, or a two-byte keypad mode switch. */
  private static final Pattern ESCAPE = Pattern.compile("\u001b\\[([0-9;?]*)([A-Za-z])|\u001b[=>]");

  @TempDir Path dir;
  private Process shell;
  private OutputStream keys;
  private final StringBuffer screen = new StringBuffer();

  @BeforeEach
  void start() throws Exception {
    String jar = Path.of(System.getProperty("kubetutor.jar", "target/kubetutor.jar")).toAbsolutePath().toString();
    assumeTrue(Files.exists(Path.of(jar)), "the jar has not been built");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")) || Files.isExecutable(Path.of("/bin/script")),
        "script(1) is not installed");
    Files.writeString(dir.resolve("deployment.yml"), "kind: Deployment\n");
    // A pseudo-terminal has no size until told; jline needs one to lay out the line.
    String cmd = "stty cols 120 rows 40; cd '" + dir + "' && HOME='" + dir + "' TERM=xterm-256color exec java -jar '"
        + jar + "'";
    shell = new ProcessBuilder("script", "-q", "-e", "-c", cmd, "/dev/null").redirectErrorStream(true).start();
    keys = shell.getOutputStream();
    Thread reader = new Thread(() -> copy(shell.getInputStream()), "pty reader");
    reader.setDaemon(true);
    reader.start();
    awaitScreen(s -> s.contains("] $"), "the prompt");
  }

  @AfterEach
  void stop() {
    if (shell != null) shell.destroyForcibly();
  }

  @Test
  void tabCompletesVerbAndFlagThenTheCommandRuns() throws Exception {
    type("kubectl vers\t");
    awaitScreen(s -> s.contains("kubectl version"), "the completed verb");
    type("--cli\t");
    awaitScreen(s -> s.contains("--client"), "the completed flag");
    type("\r");
    String shown = awaitScreen(s -> s.contains("Client Version: v1.31.0"), "the command's output");
    assertThat(shown).contains("Kustomize Version: v5.4.2");
  }

  @Test
  void tabCompletesFilesAfterCatAndCtrlCKeepsTheShell() throws Exception {
    type("cat depl\t");
    awaitScreen(s -> s.contains("cat deployment.yml"), "the completed file name");
    type("\u0003");
    // Ctrl-C drops the line and gives a fresh prompt; the shell stays.
    awaitScreen(s -> s.split("\\] \\$", -1).length > 2, "a fresh prompt after Ctrl-C");
    type("pwd\r");
    awaitScreen(s -> s.contains(dir.toString()), "pwd after Ctrl-C");
    type("exit\r");
    assertThat(shell.waitFor(30, TimeUnit.SECONDS)).as("the shell left on exit").isTrue();
    assertThat(shell.exitValue()).isZero();
  }

  private void type(String text) throws IOException {
    keys.write(text.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  private void copy(InputStream in) {
    byte[] buf = new byte[4096];
    try {
      for (int n; (n = in.read(buf)) > 0; ) screen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
    } catch (IOException closed) {
      // the shell ended
    }
  }

  /**
   * What a terminal would show for {@code output}, as lines: enough of a terminal for a line editor
   * (characters overwrite at the cursor; carriage return, backspace, cursor left/right and
   * erase-to-end-of-line move and clear; colours and modes are dropped).
   */
  static String render(String output) {
    java.util.List<StringBuilder> lines = new java.util.ArrayList<>();
    lines.add(new StringBuilder());
    int col = 0;
    java.util.regex.Matcher m = ESCAPE.matcher(output);
    int i = 0;
    while (i < output.length()) {
      char c = output.charAt(i);
      StringBuilder line = lines.get(lines.size() - 1);
      if (c == '\u001b' && m.find(i) && m.start() == i) {
        String letter = m.group(2) == null ? "" : m.group(2);
        int n = m.group(1) == null || m.group(1).isEmpty() || m.group(1).contains(";") || m.group(1).contains("?")
            ? 1 : Integer.parseInt(m.group(1));
        switch (letter) {
          case "D" -> col = Math.max(0, col - n);
          case "C" -> col += n;
          case "K" -> { if (col < line.length()) line.setLength(col); }
          default -> { }
        }
        i = m.end();
        continue;
      }
      switch (c) {
        case '\r' -> col = 0;
        case '\n' -> { lines.add(new StringBuilder()); col = 0; }
        case '\b' -> col = Math.max(0, col - 1);
        default -> {
          while (line.length() < col) line.append(' ');
          if (col < line.length()) line.setCharAt(col, c); else line.append(c);
          col++;
        }
      }
      i++;
    }
    return String.join("\n", lines);
  }

  /** Polls what the terminal showed until {@code done} holds; after a generous deadline, fails showing it. */
  private String awaitScreen(Predicate<String> done, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String shown;
    do {
      shown = render(screen.toString());
      if (done.test(shown)) return shown;
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("waited for " + what + "; the terminal shows:\n" + shown);
  }
}
