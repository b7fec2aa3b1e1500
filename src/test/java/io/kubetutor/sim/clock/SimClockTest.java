package io.kubetutor.sim.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimClockTest {

  @Test
  void firesEveryTimerOfAnInstantInOrderBeforeTheDrainOfThatInstant() {
    SimClock clock = new SimClock();
    List<String> log = new ArrayList<>();
    clock.schedule(Duration.ofMillis(300), "b1", () -> log.add("b1@" + clock.now().toEpochMilli() % 1000));
    clock.schedule(Duration.ofMillis(100), "a", () -> log.add("a"));
    clock.schedule(Duration.ofMillis(300), "b2", () -> {
      log.add("b2");
      // Scheduled for the same instant from a timer of that instant: fires before its drain.
      clock.schedule(Duration.ZERO, "b3", () -> log.add("b3"));
    });
    clock.schedule(Duration.ofMillis(500), "c", () -> log.add("c"));
    clock.advanceTo(SimClock.EPOCH.plusMillis(400), () -> log.add("drain@" + clock.now().toEpochMilli() % 1000));
    assertThat(log).containsExactly("a", "drain@100", "b1@300", "b2", "b3", "drain@300");
    assertThat(clock.now()).isEqualTo(SimClock.EPOCH.plusMillis(400));
    assertThat(clock.peek().label()).isEqualTo("c");
  }

  @Test
  void aTimerTheDrainSchedulesForTheSameInstantFiresThenAndIsDrainedAgain() {
    SimClock clock = new SimClock();
    List<String> log = new ArrayList<>();
    clock.schedule(Duration.ofSeconds(1), "first", () -> log.add("first"));
    boolean[] once = {true};
    clock.advanceTo(SimClock.EPOCH.plusSeconds(2), () -> {
      log.add("drain");
      if (once[0]) {
        once[0] = false;
        clock.schedule(Duration.ZERO, "requeue", () -> log.add("requeue"));
      }
    });
    assertThat(log).containsExactly("first", "drain", "requeue", "drain");
  }

  @Test
  void cancelledTimersDoNotFireNorCauseADrain() {
    SimClock clock = new SimClock();
    List<String> log = new ArrayList<>();
    SimClock.Timer t = clock.schedule(Duration.ofSeconds(1), "gone", () -> log.add("gone"));
    t.cancel();
    clock.advanceTo(SimClock.EPOCH.plusSeconds(5), () -> log.add("drain"));
    assertThat(log).isEmpty();
    assertThat(clock.now()).isEqualTo(SimClock.EPOCH.plusSeconds(5));
  }
}
