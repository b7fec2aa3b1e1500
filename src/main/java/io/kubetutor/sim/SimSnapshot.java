package io.kubetutor.sim;

/**
 * A virtual-clock simulator frozen at one moment, from which any number of identical simulators can
 * be started. The grader takes one after a lesson's setup and starts every transcript from it,
 * instead of booting a simulator and replaying the setup per transcript.
 *
 * <p>Unlike {@link SimState} (a file: stored objects, clock, seed and registry, then every controller
 * re-derives its work), a snapshot keeps everything: pending timers, the kubelet's containers with
 * their logs and files, the controllers' queues and caches, the event recorder's merge windows and
 * the random generator's position. A simulator restored from it therefore answers every later
 * command byte for byte as the original would have.
 */
public final class SimSnapshot {

  /** Never run: each {@link #restore()} copies it, so it stays as it was taken. */
  private final SimCluster frozen;

  private SimSnapshot(SimCluster frozen) {
    this.frozen = frozen;
  }

  /**
   * Freezes a copy of {@code sim} as it is now; {@code sim} itself is untouched and may go on. Call
   * it between commands, with no other thread using {@code sim}.
   *
   * @throws IllegalArgumentException for a realtime simulator (its clock is a thread) or one that
   *     something outside the simulator is attached to (a {@code sim trace} sink, a watch)
   */
  public static SimSnapshot of(SimCluster sim) {
    if (sim.realtime()) throw new IllegalArgumentException("a realtime simulator cannot be snapshotted");
    try {
      return new SimSnapshot(GraphCopy.of(sim, SimSnapshot::outside));
    } catch (GraphCopy.Uncopyable e) {
      throw new IllegalArgumentException("the simulator cannot be snapshotted: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      // A cycle that runs through a record or a lambda (built only after their parts): refuse, do not crash.
      throw new IllegalArgumentException("the simulator cannot be snapshotted: its object graph is too deep", e);
    }
  }

  /** A new simulator in the state the snapshot was taken in; each call gives an independent one. */
  public synchronized SimCluster restore() {
    return GraphCopy.of(frozen, SimSnapshot::outside);
  }

  /** Our classes a simulator's graph must not reach: anything above the cluster port (a session, a verb). */
  private static boolean outside(Class<?> c) {
    String name = c.getName();
    return name.startsWith("io.kubetutor.") && !name.startsWith("io.kubetutor.sim.") && !name.startsWith("io.kubetutor.cluster.");
  }
}
