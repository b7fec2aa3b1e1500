package io.kubetutor.shell.pipe;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/** {@code tail [-n N | -N]}: the last N lines (10 by default), printed when the input ends. */
final class Tail implements LineFilter {

  private final int limit;
  private final ArrayDeque<String> last = new ArrayDeque<>();

  Tail(List<String> args) throws FilterException {
    FilterArgs a = new FilterArgs("tail", args, "f", "n");
    if (a.has('f')) throw new FilterException("tail: -f is not available in a kubetutor pipe; use kubectl's -f or -w");
    a.noFiles();
    limit = a.count('n', 10, "lines");
  }

  @Override
  public void line(String line, Consumer<String> emit) {
    if (limit == 0) return;
    if (last.size() == limit) last.removeFirst();
    last.addLast(line);
  }

  @Override
  public void end(Consumer<String> emit) {
    last.forEach(emit);
  }
}
