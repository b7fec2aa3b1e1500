package io.kubetutor.shell.pipe;

import java.util.List;
import java.util.function.Consumer;

/** {@code uniq [-c]}: adjacent repeated lines once, with {@code -c} their count in 7 columns. */
final class Uniq implements LineFilter {

  private final boolean count;
  private String current;
  private int repeats;

  Uniq(List<String> args) throws FilterException {
    FilterArgs a = new FilterArgs("uniq", args, "c", "");
    a.noFiles();
    count = a.has('c');
  }

  @Override
  public void line(String line, Consumer<String> emit) {
    if (line.equals(current)) {
      repeats++;
      return;
    }
    flush(emit);
    current = line;
    repeats = 1;
  }

  private void flush(Consumer<String> emit) {
    if (current != null) emit.accept(count ? String.format("%7d %s", repeats, current) : current);
  }

  @Override
  public void end(Consumer<String> emit) {
    flush(emit);
    current = null;
  }
}
