package io.kubetutor.shell.pipe;

import java.util.List;
import java.util.function.Consumer;

/** {@code head [-n N | -N]}: the first N lines (10 by default); the rest is read and dropped. */
final class Head implements LineFilter {

  private final int limit;
  private int seen;

  Head(List<String> args) throws FilterException {
    FilterArgs a = new FilterArgs("head", args, "", "n");
    a.noFiles();
    limit = a.count('n', 10, "lines");
  }

  @Override
  public void line(String line, Consumer<String> emit) {
    if (seen++ < limit) emit.accept(line);
  }
}
