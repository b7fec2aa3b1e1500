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
