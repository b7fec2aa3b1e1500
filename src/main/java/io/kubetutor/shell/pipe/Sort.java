package io.kubetutor.shell.pipe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/** {@code sort [-r] [-n] [-u]}: the input's lines in order (byte order, or by leading number with -n). */
final class Sort implements LineFilter {

  private final List<String> lines = new ArrayList<>();
  private final Comparator<String> order;
  private final boolean unique;

  Sort(List<String> args) throws FilterException {
    FilterArgs a = new FilterArgs("sort", args, "rnu", "");
    a.noFiles();
    Comparator<String> c = a.has('n') ? Comparator.comparingDouble(Sort::leadingNumber).thenComparing(Comparator.naturalOrder())
        : Comparator.naturalOrder();
    order = a.has('r') ? c.reversed() : c;
    unique = a.has('u');
  }

  private static double leadingNumber(String line) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*(-?[0-9]+(\\.[0-9]+)?)").matcher(line);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Override
  public void line(String line, Consumer<String> emit) {
    lines.add(line);
  }

  @Override
  public void end(Consumer<String> emit) {
    lines.sort(order);
    (unique ? new LinkedHashSet<>(lines) : lines).forEach(emit);
  }
}
