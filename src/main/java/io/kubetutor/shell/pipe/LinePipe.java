package io.kubetutor.shell.pipe;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a command writes, cut into lines and sent through the filters to {@code target} as it
 * arrives, so {@code kubectl get pods -w | grep web} shows each match at once. Closing it ends the
 * input: a last line without its line end is sent, then the filters that wait for the end emit.
 */
public final class LinePipe extends Writer {

  private final List<LineFilter> filters;
  private final PrintWriter target;
  /** into.get(i) feeds stage i; the last one writes to the target. */
  private final List<Consumer<String>> into = new java.util.ArrayList<>();
  private final StringBuilder pending = new StringBuilder();
  private boolean closed;

  public LinePipe(List<LineFilter> filters, PrintWriter target) {
    this.filters = filters;
    this.target = target;
    Consumer<String> next = l -> target.print(l + "\n");
    into.add(next);
    for (int i = filters.size() - 1; i >= 0; i--) {
      LineFilter f = filters.get(i);
      Consumer<String> downstream = next;
      next = l -> f.line(l, downstream);
      into.add(0, next);
    }
  }

  @Override
  public synchronized void write(char[] buf, int off, int len) {
    if (closed) return;
    for (int i = off; i < off + len; i++) {
      char c = buf[i];
      if (c == '\n') {
        into.get(0).accept(pending.toString());
        pending.setLength(0);
      } else {
        pending.append(c);
      }
    }
  }

  @Override
  public synchronized void flush() {
    target.flush();
  }

  @Override
  public synchronized void close() {
    if (closed) return;
    if (pending.length() > 0) {
      into.get(0).accept(pending.toString());
      pending.setLength(0);
    }
    for (int i = 0; i < filters.size(); i++) filters.get(i).end(into.get(i + 1));
    closed = true;
    target.flush();
  }

  /** The exit status of the pipe: the last filter's. */
  public int status() {
    return filters.isEmpty() ? 0 : filters.get(filters.size() - 1).status();
  }
}
