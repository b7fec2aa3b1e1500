package io.kubetutor.sim.container;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/** {@code date +FORMAT} for the common strftime conversions, in UTC (containers have no zone set). */
final class DateFormat {

  private DateFormat() {}

  static String format(String fmt, Instant t) {
    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fmt.length(); i++) {
      char c = fmt.charAt(i);
      if (c != '%' || i + 1 >= fmt.length()) {
        b.append(c);
        continue;
      }
      char n = fmt.charAt(++i);
      switch (n) {
        case 'Y' -> b.append(z.getYear());
        case 'm' -> b.append(String.format("%02d", z.getMonthValue()));
        case 'd' -> b.append(String.format("%02d", z.getDayOfMonth()));
        case 'H' -> b.append(String.format("%02d", z.getHour()));
        case 'M' -> b.append(String.format("%02d", z.getMinute()));
        case 'S' -> b.append(String.format("%02d", z.getSecond()));
        case 's' -> b.append(t.getEpochSecond());
        case 'N' -> b.append(String.format("%09d", t.getNano()));
        case 'F' -> b.append(String.format("%d-%02d-%02d", z.getYear(), z.getMonthValue(), z.getDayOfMonth()));
        case 'T' -> b.append(String.format("%02d:%02d:%02d", z.getHour(), z.getMinute(), z.getSecond()));
        case 'Z' -> b.append("UTC");
        case 'z' -> b.append("+0000");
        case 'a' -> b.append(z.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT));
        case 'b' -> b.append(z.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT));
        case '%' -> b.append('%');
        default -> b.append('%').append(n);
      }
    }
    return b.toString();
  }
}
