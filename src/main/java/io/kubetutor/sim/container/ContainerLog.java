package io.kubetutor.sim.container;

import io.kubetutor.cluster.LogOptions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The log of one run of one container: every line with the time the runtime stamped it. Lines can
 * be planned ahead (a {@code sleep} then an {@code echo}); a read shows only those stamped at or
 * before {@code now}, so the log grows as virtual time passes.
 */
public final class ContainerLog {

  /** One line as the runtime stored it (without its trailing newline). */
  public record Entry(Instant time, String line) {}

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private final List<Entry> entries = new ArrayList<>();

  public synchronized void append(Instant time, String line) {
    entries.add(new Entry(time, line));
    entries.sort((a, b) -> a.time.compareTo(b.time));
  }

  /** Lines stamped at or before {@code now}. */
  public synchronized List<Entry> upTo(Instant now) {
    List<Entry> result = new ArrayList<>();
    for (Entry e : entries) if (!e.time.isAfter(now)) result.add(e);
    return result;
  }

  /** Drops lines planned after {@code at}: the process was killed before writing them. */
  public synchronized void truncateAfter(Instant at) {
    entries.removeIf(e -> e.time.isAfter(at));
  }

  /**
   * The text {@code kubectl logs} prints: {@code --since-time} keeps lines at or after it, then
   * {@code --tail} keeps the last N, and {@code --timestamps} prefixes each line with its
   * RFC 3339 time with nanoseconds, as the kubelet does.
   */
  public synchronized String render(LogOptions options, Instant now) {
    List<Entry> visible = new ArrayList<>();
    for (Entry e : upTo(now)) {
      if (options.sinceTime() != null && e.time.isBefore(options.sinceTime())) continue;
      visible.add(e);
    }
    if (options.tailLines() != null && options.tailLines() >= 0 && visible.size() > options.tailLines()) {
      visible = visible.subList(visible.size() - options.tailLines(), visible.size());
    }
    StringBuilder out = new StringBuilder();
    for (Entry e : visible) {
      if (options.timestamps()) out.append(rfc3339Nano(e.time)).append(' ');
      out.append(e.line).append('\n');
    }
    return out.toString();
  }

  /** Go's RFC3339Nano: fraction with trailing zeros dropped, no dot when it is zero. */
  static String rfc3339Nano(Instant t) {
    String base = SECONDS.format(t);
    int nanos = t.getNano();
    if (nanos == 0) return base + "Z";
    String frac = String.format("%09d", nanos).replaceAll("0+$", "");
    return base + "." + frac + "Z";
  }
}
