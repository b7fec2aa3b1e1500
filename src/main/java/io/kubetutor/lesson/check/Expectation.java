package io.kubetutor.lesson.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a value must be: equal to a text, match a regular expression (whole value), or compare
 * numerically ({@code gt}, {@code ge}, {@code lt}, {@code le}). Several conditions must all hold.
 * An expectation with no condition only requires the value to be present.
 */
public record Expectation(String equals, Pattern matches, BigDecimal gt, BigDecimal ge, BigDecimal lt, BigDecimal le) {

  public static final Expectation PRESENT = new Expectation(null, null, null, null, null, null);

  public static Expectation atLeast(long n) {
    return new Expectation(null, null, null, BigDecimal.valueOf(n), null, null);
  }

  public boolean isPresenceOnly() {
    return equals == null && matches == null && gt == null && ge == null && lt == null && le == null;
  }

  /** True when {@code value} (null: absent) satisfies every condition. */
  public boolean test(String value) {
    if (value == null) return false;
    if (equals != null && !equals.equals(value)) return false;
    if (matches != null && !matches.matcher(value).matches()) return false;
    if (gt != null || ge != null || lt != null || le != null) {
      BigDecimal n;
      try {
        n = new BigDecimal(value.strip());
      } catch (NumberFormatException e) {
        return false;
      }
      if (gt != null && n.compareTo(gt) <= 0) return false;
      if (ge != null && n.compareTo(ge) < 0) return false;
      if (lt != null && n.compareTo(lt) >= 0) return false;
      if (le != null && n.compareTo(le) > 0) return false;
    }
    return true;
  }

  /** {@code = 4}, {@code >= 2 and <= 5}, {@code matches ^rc[0-9]+$}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (equals != null) parts.add("= " + equals);
    if (matches != null) parts.add("matches " + matches.pattern());
    if (gt != null) parts.add("> " + gt.toPlainString());
    if (ge != null) parts.add(">= " + ge.toPlainString());
    if (lt != null) parts.add("< " + lt.toPlainString());
    if (le != null) parts.add("<= " + le.toPlainString());
    return parts.isEmpty() ? "is set" : String.join(" and ", parts);
  }
}
