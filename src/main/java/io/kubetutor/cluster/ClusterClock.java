package io.kubetutor.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as the backend sees it. For a real cluster this is the wall clock; for the simulator it is
 * the simulated clock, which in virtual mode only moves when told. Waiting verbs ({@code delete},
 * {@code rollout status}, {@code get -w}, {@code logs -f}) wait through this, so a script on a
 * virtual clock completes at once while a student in realtime mode sees the real pace.
 */
public interface ClusterClock {

  Instant now();

  /** Lets {@code d} of cluster time pass: sleeps in realtime, advances the simulation in virtual mode. */
  void sleep(Duration d) throws InterruptedException;

  /**
   * True when waiting longer cannot change anything: a virtual simulator with no timer pending. A
   * watch on such a clock ends instead of blocking forever. Always false for a real cluster.
   */
  default boolean quiescent() { return false; }

  ClusterClock SYSTEM = new ClusterClock() {
    @Override public Instant now() { return Instant.now(); }
    @Override public void sleep(Duration d) throws InterruptedException { Thread.sleep(d.toMillis()); }
  };
}
