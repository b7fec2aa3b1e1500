package io.kubetutor.shell.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimBuiltinTest {

  @TempDir Path dir;

  @Test
  void durationsParseAndBadOnesAreRefused() {
    assertThat(SimBuiltin.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(SimBuiltin.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(SimBuiltin.parse("5x")).isNull();
    assertThat(SimBuiltin.parse("m5")).isNull();
  }

  @Test
  void advanceMovesTheClockAndStatusReportsIt() {
    try (SessionHarness h = new SessionHarness(dir)) {
      var r = h.run("sim advance 2m");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).startsWith("clock: 2026-01-05T09:02:");
      var s = h.run("sim status");
      assertThat(s.out()).contains("(virtual, ").contains("seed:    1\n").contains("4 nodes").contains("4 namespaces");
      var bad = h.run("sim advance soon");
      assertThat(bad.exit()).isEqualTo(1);
      assertThat(bad.err()).startsWith("error: sim advance needs a duration");
    }
  }

  @Test
  void traceShowsControllerActions() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.run("sim trace on");
      var r = h.run("kubectl create deployment web --image=nginx");
      assertThat(r.out()).containsPattern("replicaset-controller: web-[456789bcdf]+ has 0 of 1 pods, creating web-");
      h.run("sim trace off");
      assertThat(h.run("kubectl scale deployment web --replicas=2").out()).doesNotContain("replicaset-controller:");
    }
  }
}
