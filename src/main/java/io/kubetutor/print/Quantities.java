package io.kubetutor.print;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Resource quantities as kubectl prints them: sums and maxima of pod requests/limits
 * ({@code resourcehelper.PodRequestsAndLimits}) and Go's canonical {@code Quantity.String()}
 * (largest exact suffix; a sum keeps the binary or decimal style of its first non-zero term).
 */
public final class Quantities {

  private Quantities() {}

  /** An exact amount and whether it prints with binary (Ki, Mi, ...) or decimal (m, k, M, ...) suffixes. */
  public record Amount(BigDecimal value, boolean binary) {
    public static final Amount ZERO = new Amount(BigDecimal.ZERO, false);

    static Amount of(Quantity q) {
      String format = q.getFormat() == null ? "" : q.getFormat();
      return new Amount(q.getNumericalAmount(), format.endsWith("i"));
    }

    Amount plus(Amount other) {
      // Go's Quantity.Add keeps the receiver's format unless the receiver is zero.
      boolean style = value.signum() == 0 ? other.binary : binary;
      return new Amount(value.add(other.value), style);
    }

    /** {@code MilliValue()}: rounded up to whole thousandths. */
    public long milli() {
      return value.movePointRight(3).setScale(0, RoundingMode.CEILING).longValue();
    }

    /** {@code Value()}: rounded up to a whole number. */
    public long whole() {
      return value.setScale(0, RoundingMode.CEILING).longValue();
    }

    @Override
    public String toString() {
      return canonical(value, binary);
    }
  }

  private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final BigInteger KI = BigInteger.valueOf(1024);

  /** Go's canonical text of a quantity. */
  public static String canonical(BigDecimal value, boolean binary) {
    if (value.signum() == 0) return "0";
    BigDecimal abs = value.abs();
    // Binary style only for whole byte counts of at least 1024; the rest prints decimal.
    if (binary && abs.compareTo(BigDecimal.valueOf(1024)) >= 0 && isWhole(value)) {
      BigInteger n = value.toBigIntegerExact();
      int power = 0;
      while (power < BINARY.length - 1 && n.mod(KI).signum() == 0) {
        n = n.divide(KI);
        power++;
      }
      return n + BINARY[power];
    }
    BigDecimal v = value.stripTrailingZeros();
    BigInteger mantissa = v.unscaledValue();
    int exponent = -v.scale();
    if (exponent < -9) {
      // Below nano precision Go rounds up to the next nano.
      mantissa = v.movePointRight(9).setScale(0, RoundingMode.CEILING).toBigInteger();
      exponent = -9;
    }
    while (Math.floorMod(exponent, 3) != 0) {
      mantissa = mantissa.multiply(BigInteger.TEN);
      exponent--;
    }
    while (exponent > 18) {
      mantissa = mantissa.multiply(BigInteger.valueOf(1000));
      exponent -= 3;
    }
    String suffix = switch (exponent) {
      case -9 -> "n";
      case -6 -> "u";
      case -3 -> "m";
      case 0 -> "";
      case 3 -> "k";
      case 6 -> "M";
      case 9 -> "G";
      case 12 -> "T";
      case 15 -> "P";
      default -> "E";
    };
    return mantissa + suffix;
  }

  private static boolean isWhole(BigDecimal v) {
    return v.signum() == 0 || v.scale() <= 0 || v.stripTrailingZeros().scale() <= 0;
  }

  /** The pod's effective requests: containers summed, init containers as a maximum, sidecars added, plus overhead. */
  public static Map<String, Amount> podRequests(Pod pod) {
    return podTotals(pod, c -> c.getResources() == null ? null : c.getResources().getRequests());
  }

  public static Map<String, Amount> podLimits(Pod pod) {
    return podTotals(pod, c -> c.getResources() == null ? null : c.getResources().getLimits());
  }

  private static Map<String, Amount> podTotals(Pod pod, Function<Container, Map<String, Quantity>> of) {
    Map<String, Amount> total = new TreeMap<>();
    var spec = pod.getSpec();
    if (spec == null) return total;
    for (Container c : nonNull(spec.getContainers())) add(total, of.apply(c));
    Map<String, Amount> sidecars = new TreeMap<>();
    Map<String, Amount> initMax = new TreeMap<>();
    for (Container c : nonNull(spec.getInitContainers())) {
      Map<String, Amount> step = new TreeMap<>();
      if ("Always".equals(c.getRestartPolicy())) {
        add(total, of.apply(c));
        add(sidecars, of.apply(c));
        step.putAll(sidecars);
      } else {
        add(step, of.apply(c));
        sidecars.forEach((k, v) -> step.merge(k, v, Amount::plus));
      }
      max(initMax, step);
    }
    max(total, initMax);
    add(total, spec.getOverhead());
    return total;
  }

  /** Adds every quantity into {@code into}, keeping the first term's style. */
  public static void add(Map<String, Amount> into, Map<String, Quantity> list) {
    if (list == null) return;
    list.forEach((k, q) -> into.merge(k, Amount.of(q), Amount::plus));
  }

  /** Adds amounts (already converted) into {@code into}. */
  public static void addAll(Map<String, Amount> into, Map<String, Amount> list) {
    list.forEach((k, a) -> into.merge(k, a, Amount::plus));
  }

  private static void max(Map<String, Amount> into, Map<String, Amount> candidate) {
    candidate.forEach((k, v) -> {
      Amount cur = into.get(k);
      if (cur == null || v.value().compareTo(cur.value()) > 0) into.put(k, v);
    });
  }

  private static <T> List<T> nonNull(List<T> l) {
    return l == null ? List.of() : l;
  }

  public static Amount of(Quantity q) {
    return q == null ? Amount.ZERO : Amount.of(q);
  }
}
