package io.kubetutor.sim;

import java.util.random.RandomGenerator;

/**
 * The simulator's only random source: SplitMix64 over one {@code long} of state, so the state can be
 * saved with the simulator and restored exactly ({@code java.util.Random} hides its state).
 */
public final class SeededRandom implements RandomGenerator {

  private long state;

  public SeededRandom(long seed) {
    this.state = seed;
  }

  public long state() { return state; }

  public void restore(long state) { this.state = state; }

  @Override
  public long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
