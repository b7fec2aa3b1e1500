package io.kubetutor.cluster;

import java.time.Instant;

/**
 * What {@code kubectl logs} asks for. {@code container == null} means the only (or default)
 * container; {@code sinceTime}/{@code tailLines} may be null.
 */
public record LogOptions(String container, boolean previous, boolean timestamps, Instant sinceTime, Integer tailLines) {
  public static final LogOptions DEFAULT = new LogOptions(null, false, false, null, null);
}
