package io.kubetutor.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Median and spread of repeated measurements, in milliseconds. */
final class Stats {

  private final List<Double> samples = new ArrayList<>();

  void add(double millis) {
    samples.add(millis);
  }

  boolean isEmpty() {
    return samples.isEmpty();
  }

  double median() {
    List<Double> s = sorted();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  double min() { return sorted().get(0); }

  double max() { return sorted().get(samples.size() - 1); }

  private List<Double> sorted() {
    List<Double> s = new ArrayList<>(samples);
    Collections.sort(s);
    return s;
  }

  String describe(String unit) {
    if (samples.isEmpty()) return "no samples (the command failed; run it by hand to see why)";
    double scale = unit.equals("s") ? 1000.0 : 1.0;
    return String.format(Locale.ROOT, "median %.1f %s (min %.1f, max %.1f, n=%d)",
        median() / scale, unit, min() / scale, max() / scale, samples.size());
  }
}
