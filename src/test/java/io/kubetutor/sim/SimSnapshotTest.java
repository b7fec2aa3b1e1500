package io.kubetutor.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetutor.shell.SessionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulator restored from a snapshot answers every later command exactly as the original goes on
 * answering: the state before the snapshot includes a pushed registry image, pods mid-pull (pending
 * timers), a running container with logs, a clock well past the epoch, and a random generator that
 * has named pods already. Dropping any of these changes the outputs compared here.
 */
class SimSnapshotTest {

  @TempDir Path original;
  @TempDir Path restored;

  private static final List<String> BEFORE = List.of(
      "docker build -t student/app:dev .",
      "docker push student/app:dev",
      "kubectl apply -f web.yml",
      "kubectl apply -f hello.yml",
      "sim settle",
      "kubectl run app --image=student/app:dev",
      "kubectl scale deployment web --replicas=4",
      "sim advance 2s");

  /** Each reads state the snapshot must have kept: names, ages, logs, timers, events, the registry. */
  private static final List<String> AFTER = List.of(
      "kubectl get pods",
      "kubectl logs hello",
      "sim settle",
      "kubectl get pods -o wide",
      "kubectl logs app",
      "kubectl scale deployment web --replicas=6",
      "kubectl delete pod hello",
      "sim settle",
      "kubectl get pods",
      "kubectl get events",
      "kubectl describe pod app",
      "kubectl run again --image=student/app:dev",
      "sim advance 1h",
      "kubectl get pods",
      "kubectl logs again");

  @BeforeEach
  void files() throws Exception {
    for (Path dir : List.of(original, restored)) {
      Files.writeString(dir.resolve("Dockerfile"), "FROM ubuntu:22.04\nCMD [\"sh\", \"-c\", \"echo app ready && sleep 30\"]\n");
      Files.writeString(dir.resolve("web.yml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
          + "  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n"
          + "        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n");
      Files.writeString(dir.resolve("hello.yml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n"
          + "  containers:\n  - name: hello\n    image: ubuntu:22.04\n"
          + "    command: ['sh', '-c', 'echo \"Hello, Kubernetes!\" && sleep 3600']\n");
    }
  }

  @Test
  void aRestoredSimulatorGoesOnExactlyAsTheOriginal() {
    try (SessionHarness a = new SessionHarness(original); SessionHarness b = new SessionHarness(restored)) {
      for (String line : BEFORE) assertThat(a.run(line).exit()).as(line).isZero();
      SimSnapshot snapshot = SimSnapshot.of(a.session().simulator());
      b.session().contextManager().replaceSimulator(snapshot.restore());
      assertThat(SimState.toJson(b.session().simulator())).isEqualTo(SimState.toJson(a.session().simulator()));

      List<String> expected = new ArrayList<>();
      List<String> actual = new ArrayList<>();
      for (String line : AFTER) {
        expected.add(transcript(line, a.run(line)));
        actual.add(transcript(line, b.run(line)));
      }
      assertThat(actual).containsExactlyElementsOf(expected);
      assertThat(String.join("", expected)).contains("Hello, Kubernetes!").contains("app ready").contains("again");
      assertThat(SimState.toJson(b.session().simulator())).isEqualTo(SimState.toJson(a.session().simulator()));
    }
  }

  @Test
  void restoresAreIndependentOfEachOtherAndOfTheOriginal() {
    try (SessionHarness a = new SessionHarness(original); SessionHarness b = new SessionHarness(restored)) {
      for (String line : BEFORE) a.run(line);
      SimCluster sim = a.session().simulator();
      String taken = SimState.toJson(sim);
      SimSnapshot snapshot = SimSnapshot.of(sim);

      a.run("kubectl delete deployment web");
      a.run("sim advance 10m");
      b.session().contextManager().replaceSimulator(snapshot.restore());
      b.run("kubectl scale deployment web --replicas=9");
      b.run("sim settle");

      assertThat(SimState.toJson(snapshot.restore())).isEqualTo(taken);
      assertThat(SimState.toJson(b.session().simulator())).isNotEqualTo(taken);
      assertThat(SimState.toJson(sim)).isNotEqualTo(taken);
    }
  }

  @Test
  void aSimulatorWithSomethingOutsideAttachedIsRefused() {
    try (SessionHarness a = new SessionHarness(original)) {
      a.run("kubectl apply -f web.yml");
      assertThat(a.run("sim trace on").exit()).isZero();
      assertThatThrownBy(() -> SimSnapshot.of(a.session().simulator()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be snapshotted");
      a.run("sim trace off");
      assertThat(SimSnapshot.of(a.session().simulator()).restore()).isNotNull();
    }
  }

  @Test
  void aRealtimeSimulatorIsRefused() {
    try (SimCluster sim = new SimCluster(new SimOptions(1, true))) {
      assertThatThrownBy(() -> SimSnapshot.of(sim)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static String transcript(String line, SessionHarness.Result r) {
    return "$ " + line + "\n" + r.out() + r.err() + "(exit " + r.exit() + ")\n";
  }
}
