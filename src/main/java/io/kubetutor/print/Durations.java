package io.kubetutor.print;

import java.time.Duration;
import java.time.Instant;

/** apimachinery's duration formatting (reference §3), used for AGE, RESTARTS "ago" and events. */
public final class Durations {

  private Durations() {}

  /** {@code HumanDuration}: {@code 119s}, {@code 4m54s}, {@code 179m}, {@code 3h5m}, {@code 2d5h}, {@code 2y30d}. */
  public static String human(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < -1) return "<invalid>";
    if (seconds < 0) return "0s";
    if (seconds < 60 * 2) return seconds + "s";
    long minutes = seconds / 60;
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    }
    if (minutes < 60 * 3) return minutes + "m";
    long hours = minutes / 60;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    }
    if (hours < 48) return hours + "h";
    if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? (hours / 24) + "d" : (hours / 24) + "d" + h + "h";
    }
    if (hours < 24 * 365 * 2) return (hours / 24) + "d";
    if (hours < 24 * 365 * 8) {
      long dy = (hours / 24) % 365;
      return dy == 0 ? (hours / 24 / 365) + "y" : (hours / 24 / 365) + "y" + dy + "d";
    }
    return (hours / 24 / 365) + "y";
  }

  /** {@code ShortHumanDuration}: one unit only. */
  public static String shortHuman(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < -1) return "<invalid>";
    if (seconds < 0) return "0s";
    if (seconds < 60) return seconds + "s";
    long minutes = d.toMinutes();
    if (minutes < 60) return minutes + "m";
    long hours = d.toHours();
    if (hours < 24) return hours + "h";
    if (hours < 24 * 365) return (hours / 24) + "d";
    return (hours / 24 / 365) + "y";
  }

  /** AGE of a timestamp ({@code translateTimestampSince}): {@code <unknown>} when absent. */
  public static String since(String rfc3339, Instant now) {
    if (rfc3339 == null || rfc3339.isEmpty()) return "<unknown>";
    try {
      return human(Duration.between(Timestamps.parse(rfc3339), now));
    } catch (java.time.format.DateTimeParseException e) {
      return "<unknown>";
    }
  }
}
