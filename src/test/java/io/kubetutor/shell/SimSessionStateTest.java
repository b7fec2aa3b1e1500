package io.kubetutor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimSessionStateTest {

  @TempDir Path work;
  @TempDir Path state;

  private SessionOptions interactive() {
    return new SessionOptions("sim", null, 1, "virtual", Duration.ofSeconds(5), work, false, false, true, false,
        null, state);
  }

  private final List<String> asked = new ArrayList<>();

  private java.util.function.Function<String, String> answering(String answer) {
    return q -> {
      asked.add(q);
      return answer;
    };
  }

  private void leaveANamespace() {
    try (SessionHarness h = new SessionHarness(interactive())) {
      assertThat(h.run("kubectl create namespace left-behind").exit()).isZero();
      SimSessionState.saveAtExit(h.session());
    }
  }

  @Test
  void theNextSessionIsOfferedTheLastSimulatorAndYesRestoresIt() throws Exception {
    leaveANamespace();
    assertThat(state.resolve("sim-state.json")).isRegularFile();
    try (SessionHarness h = new SessionHarness(interactive())) {
      SimSessionState.offerRestore(h.session(), answering(""), ZoneOffset.UTC);
      assertThat(asked).hasSize(1);
      assertThat(asked.get(0)).matches(
          "Restore the simulator from your last session \\(saved \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\)\\? \\[Y/n\\] ");
      assertThat(h.run("kubectl get namespace left-behind").out()).startsWith("NAME          STATUS   AGE\nleft-behind   Active");
    }
  }

  @Test
  void noStartsFromTheSeed() {
    leaveANamespace();
    try (SessionHarness h = new SessionHarness(interactive())) {
      SimSessionState.offerRestore(h.session(), answering("n"), ZoneOffset.UTC);
      assertThat(h.run("kubectl get namespace left-behind").err()).contains("NotFound");
    }
    try (SessionHarness h = new SessionHarness(interactive())) {
      SimSessionState.offerRestore(h.session(), answering(null), ZoneOffset.UTC);  // Ctrl-D at the question
      assertThat(h.run("kubectl get namespace left-behind").err()).contains("NotFound");
    }
  }

  @Test
  void aCorruptFileIsReportedSetAsideAndTheShellStartsFresh() throws Exception {
    Files.writeString(state.resolve("sim-state.json"), "{\"format\":\"kubetutor-sim-state\",");
    try (SessionHarness h = new SessionHarness(interactive())) {
      SimSessionState.offerRestore(h.session(), answering("y"), ZoneOffset.UTC);
      assertThat(asked).isEmpty();
      var r = h.run("kubectl get namespaces -o name");
      assertThat(r.out()).contains("namespace/default");
    }
    assertThat(state.resolve("sim-state.json")).doesNotExist();
    try (var files = Files.list(state)) {
      assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString()
          .startsWith("sim-state.json.corrupt-");
    }
  }

  @Test
  void theWarningForACorruptFileSaysWhereItWent() throws Exception {
    Files.writeString(state.resolve("sim-state.json"), "not json");
    var err = new java.io.StringWriter();
    try (Session s = new Session(interactive(), new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(err), new java.io.ByteArrayInputStream(new byte[0]))) {
      SimSessionState.offerRestore(s, answering("y"), ZoneOffset.UTC);
    }
    assertThat(err.toString()).startsWith("warning: cannot restore the simulator from your last session: "
        + state.resolve("sim-state.json") + " is not valid JSON (")
        .contains("; it was moved to " + state.resolve("sim-state.json.corrupt-"))
        .endsWith("\nStarting with a fresh simulator.\n");
  }

  @Test
  void aSimulatorTooLargeToSaveIsNotSavedAndTheOlderSaveGoes() throws Exception {
    leaveANamespace();
    try (SessionHarness h = new SessionHarness(interactive())) {
      var sim = h.session().simulator();
      int have = io.kubetutor.sim.SimState.objectCount(sim);
      for (int i = 0; have + i <= io.kubetutor.sim.SimState.MAX_SAVED_OBJECTS; i++) {
        sim.create(new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata().withName("c" + i)
            .withNamespace("default").endMetadata().build(), io.kubetutor.cluster.Cluster.DryRun.NONE);
      }
      var err = new java.io.StringWriter();
      try (Session s = new Session(interactive(), new java.io.PrintWriter(new java.io.StringWriter()),
          new java.io.PrintWriter(err), new java.io.ByteArrayInputStream(new byte[0]))) {
        s.contextManager().replaceSimulator(sim);
        SimSessionState.saveAtExit(s);
      }
      assertThat(err.toString()).isEqualTo("note: the simulator was not saved: it holds "
          + (io.kubetutor.sim.SimState.MAX_SAVED_OBJECTS + 1) + " objects, more than "
          + io.kubetutor.sim.SimState.MAX_SAVED_OBJECTS + " (a large scale-up?); the previous save was removed."
          + " Your next session starts with a fresh simulator.\n");
    }
    assertThat(state.resolve("sim-state.json")).doesNotExist();
  }

  @Test
  void aFileTooLargeToRestoreIsSetAside() throws Exception {
    try (var f = new java.io.RandomAccessFile(state.resolve("sim-state.json").toFile(), "rw")) {
      f.setLength((64L << 20) + 1);  // sparse: no 64 MB written
    }
    var err = new java.io.StringWriter();
    try (Session s = new Session(interactive(), new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(err), new java.io.ByteArrayInputStream(new byte[0]))) {
      SimSessionState.offerRestore(s, answering("y"), ZoneOffset.UTC);
    }
    assertThat(asked).isEmpty();
    assertThat(err.toString()).startsWith("warning: cannot restore the simulator from your last session: "
        + state.resolve("sim-state.json") + " is too large to restore (64 MB; at most 64 MB)");
    assertThat(state.resolve("sim-state.json")).doesNotExist();
  }

  @Test
  void onlyInteractiveSessionsThatUsedTheSimulatorSave() throws Exception {
    try (SessionHarness h = new SessionHarness(interactive())) {
      SimSessionState.saveAtExit(h.session());  // never touched the simulator
    }
    assertThat(state.resolve("sim-state.json")).doesNotExist();
    try (SessionHarness h = new SessionHarness(SessionOptions.forTests(work))) {
      h.run("kubectl get pods");
      SimSessionState.saveAtExit(h.session());
    }
    assertThat(state.resolve("sim-state.json")).doesNotExist();
  }
}
