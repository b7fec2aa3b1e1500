package io.kubetutor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.clock.SimClock;
import io.kubetutor.sim.controllers.Reconciler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A controller or timer that throws (a defect meeting an object it cannot handle) must not end the
 * student's command nor stop the rest of the control plane: it is traced and retried with back-off.
 */
class EngineFailureTest {

  /** Fails its first {@code failures} reconciles with an unexpected exception, then succeeds. */
  static final class Flaky implements Reconciler {
    final List<Long> attempts = new ArrayList<>();
    final Engine engine;
    int failures;

    Flaky(Engine engine, int failures) {
      this.engine = engine;
      this.failures = failures;
    }

    @Override public String name() { return "flaky-controller"; }

    @Override public void onChange(WatchEvent event, Consumer<ObjectKey> enqueue) { }

    @Override
    public void reconcile(ObjectKey key) {
      attempts.add(Duration.between(SimClock.EPOCH, engine.clock().now()).toSeconds());
      if (failures-- > 0) throw new NullPointerException("spec.volumes[0].name");
    }
  }

  /** Counts its reconciles: the controller after the failing one in drain order. */
  static final class Steady implements Reconciler {
    int runs;
    @Override public String name() { return "steady-controller"; }
    @Override public void onChange(WatchEvent event, Consumer<ObjectKey> enqueue) { }
    @Override public void reconcile(ObjectKey key) { runs++; }
  }

  @Test
  void aFailingReconcileIsRetriedWithBackOffAndTheOthersStillRun() {
    Engine engine = new Engine(1, SimClock.EPOCH);
    Flaky flaky = new Flaky(engine, 3);
    Steady steady = new Steady();
    engine.install(List.of(flaky, steady));
    List<String> trace = new ArrayList<>();
    engine.onTrace(trace::add);
    ObjectKey key = new ObjectKey(io.kubetutor.cluster.ResourceKind.POD, "default", "web");

    engine.enqueue(flaky, key);
    engine.enqueue(steady, key);
    engine.run(engine::drain);  // as after a command's write
    engine.advance(Duration.ofMinutes(1));

    // 1 s, 2 s, 4 s apart; the fourth attempt succeeds and nothing more is scheduled.
    assertThat(flaky.attempts).containsExactly(0L, 1L, 3L, 7L);
    assertThat(steady.runs).isEqualTo(1);
    assertThat(trace).anySatisfy(line -> assertThat(line)
        .contains("internal error reconciling").contains("NullPointerException").contains("retrying in 1s"));
  }

  @Test
  void aFailingTimerIsTracedAndTheOtherTimersOfItsInstantStillFire() {
    Engine engine = new Engine(1, SimClock.EPOCH);
    List<String> trace = new ArrayList<>();
    engine.onTrace(trace::add);
    List<String> fired = new ArrayList<>();
    engine.clock().schedule(Duration.ofSeconds(1), "kubelet start web", () -> {
      throw new IllegalStateException("no mount path");
    });
    engine.clock().schedule(Duration.ofSeconds(1), "kubelet start db", () -> fired.add("db"));

    engine.advance(Duration.ofSeconds(2));

    assertThat(fired).containsExactly("db");
    assertThat(trace).anySatisfy(line -> assertThat(line).contains("kubelet start web").contains("no mount path"));
  }
}
