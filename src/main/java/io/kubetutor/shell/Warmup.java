package io.kubetutor.shell;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubetutor.cluster.Objects;
import io.kubetutor.kubectl.manifest.ManifestReader;
import io.kubetutor.print.ObjectPrinter;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Loads what the first {@code apply} and {@code get -o yaml} need (Jackson's YAML parser, the fabric8
 * model's deserializers, the printers) on a background thread: measured, the first fabric8 YAML
 * parse costs most of a second on a cold JVM, which the student would otherwise wait for.
 */
final class Warmup {

  private Warmup() {}

  private static final String SAMPLE = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: warm\n"
      + "  labels: {app: warm}\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: warm}\n"
      + "  template:\n    metadata:\n      labels: {app: warm}\n    spec:\n      containers:\n"
      + "      - name: c\n        image: busybox\n        command: ['sh', '-c', 'sleep 1']\n";

  /**
   * Rehearses a student's first commands in a throwaway session (its own simulator, virtual clock,
   * output discarded): the classes, reflection accessors and compiled code of apply, the controllers
   * and get are then ready when the student's own first apply arrives. Nothing is shared with the
   * student's session but its command tree, lent one command at a time (a second tree would cost a
   * fifth of the warm-up). Nothing is written: the manifest comes on the rehearsal's standard input,
   * since the student may leave (ending this thread) at any moment.
   */
  /** Returns the rehearsed apply's exit status (0 when it worked). */
  static int firstCommands() {
    return firstCommands(null);
  }

  /** The same, on {@code student}'s command tree when given (see {@link Session#useTreeOf}). */
  static int firstCommands(Session student) {
    SessionOptions options = new SessionOptions("sim", null, 1, "virtual", Duration.ofSeconds(5),
        Path.of(System.getProperty("java.io.tmpdir")), false, false, false, false, null, null);
    PrintWriter discard = new PrintWriter(Writer.nullWriter());
    InputStream manifest = new ByteArrayInputStream(SAMPLE.getBytes(StandardCharsets.UTF_8));
    try (Session rehearsal = new Session(options, discard, discard, manifest)) {
      if (student != null) rehearsal.useTreeOf(student);
      int applied = rehearsal.execute("kubectl apply -f -");
      rehearsal.execute("kubectl get pods");
      rehearsal.execute("kubectl get deployments");
      return applied;
    } catch (RuntimeException | Error e) {
      return 1;  // only a head start, as below
    }
  }

  static void serialization() {
    try {
      HasMetadata d = Objects.fromTree(ManifestReader.parseDocument(SAMPLE), Deployment.class);
      Objects.toTree(Objects.copy(d));
      ObjectPrinter.forFormat("yaml", null).print(d);
    } catch (RuntimeException | Error e) {
      // Only a head start: whatever fails here fails again, properly reported, when a command needs it.
    }
  }
}
