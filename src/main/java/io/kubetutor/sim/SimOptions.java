package io.kubetutor.sim;

/**
 * How the simulator runs: the seed for names, IPs and hashes, and the clock mode (realtime follows
 * the wall clock in the background; virtual moves only when told).
 */
public record SimOptions(long seed, boolean realtime) {
  public static SimOptions virtual(long seed) {
    return new SimOptions(seed, false);
  }
}
