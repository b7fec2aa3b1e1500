package io.kubetutor.sim.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * The simulator's clock and its timer queue (a discrete-event simulation). Timers fire in time
 * order, ties in scheduling order, on the thread that advances the clock, so a run is
 * deterministic. The clock never moves by itself: the engine advances it (virtual mode: when told;
 * realtime mode: from a background ticker following the wall clock).
 */
public final class SimClock {

  /** A scheduled action; cancel it with {@link #cancel()}. */
  public static final class Timer implements Comparable<Timer> {
    private final Instant at;
    private final long seq;
    private final String label;
    private final Runnable action;
    private boolean cancelled;

    private Timer(Instant at, long seq, String label, Runnable action) {
      this.at = at;
      this.seq = seq;
      this.label = label;
      this.action = action;
    }

    public Instant at() { return at; }
    public String label() { return label; }
    public void cancel() { cancelled = true; }
    public boolean cancelled() { return cancelled; }

    @Override
    public int compareTo(Timer o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** The simulation epoch: a fixed start, so ages and timestamps are reproducible. */
  public static final Instant EPOCH = Instant.parse("2026-01-05T09:00:00Z");

  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private Instant now;
  private long seq;

  public SimClock() {
    this(EPOCH);
  }

  public SimClock(Instant start) {
    this.now = start;
  }

  public Instant now() { return now; }

  /** Schedules {@code action} after {@code delay} (zero or positive); {@code label} is for traces and settle. */
  public Timer schedule(Duration delay, String label, Runnable action) {
    Duration d = delay.isNegative() ? Duration.ZERO : delay;
    Timer t = new Timer(now.plus(d), seq++, label, action);
    timers.add(t);
    return t;
  }

  /** The next live timer, or null. */
  public Timer peek() {
    while (!timers.isEmpty() && timers.peek().cancelled) timers.poll();
    return timers.peek();
  }

  public int pending() {
    peek();
    return (int) timers.stream().filter(t -> !t.cancelled).count();
  }

  /** The next {@code n} live timers in firing order (for {@code sim status}). */
  public java.util.List<Timer> upcoming(int n) {
    return timers.stream().filter(t -> !t.cancelled).sorted().limit(n).toList();
  }

  /**
   * Advances to {@code target}, firing due timers in order. Every timer due at one instant fires
   * before {@code afterInstant} runs (the engine drains its reconcile queues there), as the
   * controllers of a real cluster see the changes of one moment together: 10,000 pods whose pulls
   * end, jittered by the millisecond, within 1.5 s start in about 1,500 instants, so the ReplicaSet
   * and Deployment sync about 1,500 times, not 10,000. Timers a drain schedules for the same
   * instant fire next, then another drain.
   * Ends with the clock at {@code target}.
   */
  /** Where a timer action's failure goes; by default it propagates (tests of the clock alone see it). */
  private java.util.function.BiConsumer<String, RuntimeException> onFailure = (label, e) -> {
    throw e;
  };

  public void onFailure(java.util.function.BiConsumer<String, RuntimeException> handler) {
    this.onFailure = handler;
  }

  public void advanceTo(Instant target, Runnable afterInstant) {
    while (true) {
      Timer next = peek();
      if (next == null || next.at.isAfter(target)) break;
      if (next.at.isAfter(now)) now = next.at;
      do {
        timers.poll();
        try {
          next.action.run();
        } catch (RuntimeException e) {
          onFailure.accept(next.label, e);
        }
        next = peek();
      } while (next != null && !next.at.isAfter(now));
      afterInstant.run();
    }
    if (target.isAfter(now)) now = target;
  }
}
