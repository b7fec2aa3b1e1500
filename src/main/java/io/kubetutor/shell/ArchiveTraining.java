package io.kubetutor.shell;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The training run behind the launcher's class-data archive ({@code kubetutor --archive-training}
 * under {@code -XX:ArchiveClassesAtExit}). A JVM archives only the classes a run loaded, and most of
 * the time to the prompt is jline's line reader: some 150 widget lambdas whose classes are spun at
 * run time unless archived. So this drives the real interactive shell, line reader, completion and
 * highlighting included, on a terminal made of in-memory streams (no pseudo-terminal needed), types
 * the commands of a first lesson, and waits for the background warm-up to finish. Everything it
 * writes goes to a temporary directory that is removed afterwards: the student's history and saved
 * simulator are never touched.
 */
public final class ArchiveTraining {

  /** What the student types; the tab exercises completion, every keystroke the highlighter. */
  static final String KEYSTROKES = String.join("\n",
      "help",
      "kubectl version --client",
      "kubectl apply -f deployment.yml",
      "kubectl get po\t",
      "kubectl get deployment training -o yaml",
      "kubectl describe deployment training",
      "kubectl get pods -o wide",
      "exit", "");

  static final String MANIFEST = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: training\n"
      + "  labels:\n    app: training\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: training\n"
      + "  template:\n    metadata:\n      labels:\n        app: training\n    spec:\n      containers:\n"
      + "      - name: web\n        image: nginx:1.27\n        ports:\n        - containerPort: 80\n";

  /**
   * Then the scripted path ({@code kubetutor run FILE}, {@code -c}, grading) on a session of its own:
   * a lent command tree, the script runner, a bare pod running a shell command, a re-apply (the
   * three-way merge), and deletes by label and by name, as in the course's transcript.
   */
  static final String SCRIPT = String.join("\n",
      "kubectl apply -f pod.yml",
      "kubectl apply -f deployment.yml",
      "kubectl get pods",
      "kubectl delete pods --selector app=training --wait=false",
      "kubectl delete pods hello",
      "kubectl apply -f scaled.yml",
      "kubectl get pods --selector app=training",
      "kubectl describe deployment training", "");

  static final String POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  containers:\n"
      + "    - name: hello\n      image: ubuntu:22.04\n      command: ['sh', '-c', 'echo \"Hello, Kubernetes!\" && sleep 3600']\n";

  private ArchiveTraining() {}

  /** Runs the training session, drawing its screen on {@code screen}; returns the shell's status. */
  public static int run(OutputStream screen) throws IOException {
    return run(screen, Files.createTempDirectory("kubetutor-training"));
  }

  /** The training session in {@code dir}, which is removed afterwards. */
  static int run(OutputStream screen, Path dir) throws IOException {
    try {
      Files.writeString(dir.resolve("deployment.yml"), MANIFEST);
      Files.writeString(dir.resolve("scaled.yml"), MANIFEST.replace("replicas: 2", "replicas: 4"));
      Files.writeString(dir.resolve("pod.yml"), POD);
      SessionOptions options = new SessionOptions("sim", null, 1, "virtual", Duration.ofSeconds(5), dir,
          true, false, true, false, null, dir.resolve("state"));
      CountDownLatch left = new CountDownLatch(1);
      try (Terminal terminal = TerminalBuilder.builder().system(false).name("kubetutor-training")
          .type("xterm-256color").size(new Size(120, 40)).encoding(StandardCharsets.UTF_8)
          .streams(new Keyboard(KEYSTROKES, left), screen)
          .build()) {
        int shell = new Shell(terminal, options).fresh(true).awaitWarmUpBeforeLeaving().run();
        int script = script(screen, dir);
        return shell != 0 ? shell : script;
      } finally {
        left.countDown();
      }
    } finally {
      delete(dir);
    }
  }

  private static int script(OutputStream screen, Path dir) throws IOException {
    SessionOptions options = new SessionOptions("sim", null, 1, "virtual", Duration.ofSeconds(5), dir,
        false, false, false, false, null, null);
    java.io.PrintWriter w = new java.io.PrintWriter(new java.io.OutputStreamWriter(screen, StandardCharsets.UTF_8));
    try (Session session = new Session(options, w, w, InputStream.nullInputStream())) {
      session.warmUpInBackground();
      return new ScriptRunner(session, true).run(new java.io.BufferedReader(new java.io.StringReader(SCRIPT)));
    } finally {
      w.flush();
    }
  }

  /**
   * The keystrokes, then silence until the shell has left. An input that ended at once would close
   * the terminal before the line reader had read what was typed ahead.
   */
  private static final class Keyboard extends InputStream {
    private final ByteArrayInputStream typed;
    private final CountDownLatch left;

    Keyboard(String keystrokes, CountDownLatch left) {
      this.typed = new ByteArrayInputStream(keystrokes.getBytes(StandardCharsets.UTF_8));
      this.left = left;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = typed.read(b, off, len);
      if (n > 0) return n;
      try {
        left.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return -1;
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
