package io.kubetutor.print;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * RFC 3339 timestamps as the API writes them. Almost every timestamp is the canonical
 * {@code 2026-01-05T10:00:00Z} (seconds, UTC); those are read by hand, because a table of ten
 * thousand pods parses ten thousand of them and the general ISO parser is the slowest step of a row.
 * Anything else goes to {@link Instant#parse}, so the accepted and rejected inputs stay the same.
 */
final class Timestamps {

  private Timestamps() {}

  /** Like {@link Instant#parse}, including its {@link java.time.format.DateTimeParseException}. */
  static Instant parse(String text) {
    if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
        && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 2);
      int day = digits(text, 8, 2);
      int hour = digits(text, 11, 2);
      int minute = digits(text, 14, 2);
      int second = digits(text, 17, 2);
      if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
          && second >= 0 && second < 60) {
        try {
          long days = LocalDate.of(year, month, day).toEpochDay();
          return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second);
        } catch (DateTimeException e) {
          // an impossible date: the general parser gives the precise error
        }
      }
    }
    return Instant.parse(text);
  }

  /** The non-negative number in {@code text[from, from+count)}, or -1 if a character is not an ASCII digit. */
  private static int digits(String text, int from, int count) {
    int n = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') return -1;
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
