package io.kubetutor.shell.pipe;

import java.util.function.Consumer;

/**
 * One stage after {@code |}: it sees the output line by line (without the line end) and passes on
 * what it keeps. Filters that need the whole input ({@code sort}, {@code tail}, {@code wc}) emit
 * at {@link #end}. The status is the stage's exit status, as the shell reports the last one.
 */
public interface LineFilter {

  void line(String line, Consumer<String> emit);

  default void end(Consumer<String> emit) {}

  default int status() { return 0; }
}
