package io.kubetutor.sim;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as the API server writes them. {@code metav1.Time} serializes as RFC 3339 with whole
 * seconds, so an object read back from a real cluster never shows milliseconds; the simulator's
 * clock does carry them (timers are jittered), and they are cut here before they reach an object.
 */
public final class ApiTime {
  private ApiTime() {}

  public static String format(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
