package io.kubetutor.sim;

import java.time.Instant;

/**
 * Timestamps as the API server writes them. {@code metav1.Time} serializes as RFC 3339 with whole
 * seconds, so an object read back from a real cluster never shows milliseconds; the simulator's
 * clock does carry them (timers are jittered), and they are cut here before they reach an object.
 */
public final class ApiTime {
  private ApiTime() {}

  /** The last second formatted: thousands of objects are stamped within one simulated second. */
  private record Formatted(long second, String text) {}

  private static volatile Formatted last = new Formatted(Long.MIN_VALUE, null);

  public static String format(Instant t) {
    if (t == null) return null;
    long second = t.getEpochSecond();
    Formatted f = last;  // an immutable pair, so threads sharing it never see a torn one
    if (f.second() != second) {
      f = new Formatted(second, Instant.ofEpochSecond(second).toString());
      last = f;
    }
    return f.text();
  }
}
