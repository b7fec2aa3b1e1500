package io.kubetutor.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.lesson.Progress;
import io.kubetutor.lesson.ProgressStore;
import io.kubetutor.shell.HistoryFiles;
import io.kubetutor.shell.SimSessionState;
import io.kubetutor.sim.SimCluster;
import io.kubetutor.sim.SimState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History, progress and the saved simulator survive the process dying at any moment of a write: a
 * child JVM saves all three in a loop and is killed ({@code destroyForcibly}, SIGKILL) at seeded
 * random moments; every time, each file must load and hold one complete version.
 */
class CrashSafetyTest {

  /** Child JVMs started: each costs a JVM start and a simulator boot, so the count is bounded. */
  private static final int KILLS = 4;

  @TempDir Path root;

  @Test
  void killingTheWriterAtRandomMomentsLeavesEveryFileWholeAndLoadable() throws Exception {
    Random random = new Random(8);
    int interruptedWrites = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      Path dir = Files.createDirectories(root.resolve("run-" + kill));
      Process child = startWriter(dir);
      try {
        awaitReady(child);
        // The kill moment; the writer saves continuously, so any delay lands somewhere in some write.
        Thread.sleep(random.nextInt(600));
      } finally {
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
      }
      assertThat(child.isAlive()).isFalse();
      interruptedWrites += leftoverTemporaryFiles(dir);
      String where = "after kill " + kill;
      assertHistoryWhole(dir.resolve(StateWriterProcess.HISTORY), where);
      assertProgressWhole(dir.resolve(StateWriterProcess.PROGRESS), where);
      assertSimulatorWhole(dir.resolve(SimSessionState.FILE), where);
    }
    System.out.println("CrashSafetyTest: " + KILLS + " kills, " + interruptedWrites + " of them mid-write");
  }

  private static Process startWriter(Path dir) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(java.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), StateWriterProcess.class.getName(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static void awaitReady(Process child) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (java.io.IOException e) {
        return null;
      }
    }).get(120, TimeUnit.SECONDS);
    assertThat(line).as("the writer wrote every file once").isEqualTo("ready");
  }

  /** Temporary files a killed write left behind: evidence that the kill landed inside a write. */
  private static int leftoverTemporaryFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return (int) files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count();
    }
  }

  private static void assertHistoryWhole(Path file, String where) throws Exception {
    StringWriter warnings = new StringWriter();
    List<String> lines = new ArrayList<>();
    try (HistoryFiles h = new HistoryFiles(file, new PrintWriter(warnings))) {
      h.history().forEach(e -> lines.add(e.line()));
    }
    assertThat(warnings.toString()).as(where).isEmpty();
    assertThat(Files.readString(file)).as(where).endsWith("\n");
    assertThat(lines.size()).as(where).isGreaterThan(StateWriterProcess.PREFILL);
    int first = Integer.parseInt(lines.get(0).substring("kubectl get pods # ".length()));
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i)).as(where + ", history entry " + i).isEqualTo("kubectl get pods # " + (first + i));
    }
  }

  private static void assertProgressWhole(Path file, String where) {
    StringWriter warnings = new StringWriter();
    Progress p = new ProgressStore(file, new PrintWriter(warnings)).get();
    assertThat(warnings.toString()).as(where).isEmpty();
    assertThat(p.lessons).as(where).hasSize(StateWriterProcess.LESSONS);
    HashSet<Integer> steps = new HashSet<>();
    p.lessons.values().forEach(l -> {
      steps.add(l.step);
      assertThat(l.answers).as(where).containsEntry("q", "answer " + l.step);
    });
    assertThat(steps).as(where + ": one version, all lessons on the same step").hasSize(1);
  }

  private static void assertSimulatorWhole(Path file, String where) throws Exception {
    try (SimCluster sim = SimState.load(file, false)) {
      ConfigMap counter = (ConfigMap) sim.get(ResourceKind.CONFIGMAP, "default", "counter");
      assertThat(counter.getData()).as(where).hasSize(StateWriterProcess.KEYS);
      assertThat(new HashSet<>(counter.getData().values())).as(where + ": one version").hasSize(1);
    }
  }
}
