package io.kubetutor.shell;

import java.io.IOException;
import java.io.Writer;

/**
 * The interactive shell's stderr: lines that start like an error ({@code error:}, {@code Error from
 * server}) are red and warnings ({@code Warning:}) yellow. Only used on a terminal with colour on;
 * piped output never passes through it, so it stays byte-identical to kubectl's.
 */
final class ColoredErrors extends Writer {

  private static final String RED = "\u001B[31m";
  private static final String YELLOW = "\u001B[33m";
  private static final String RESET = "\u001B[0m";

  private final Writer target;
  private final StringBuilder line = new StringBuilder();

  ColoredErrors(Writer target) {
    this.target = target;
  }

  @Override
  public synchronized void write(char[] buf, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      char c = buf[i];
      if (c == '\n') {
        emit(true);
      } else {
        line.append(c);
      }
    }
  }

  /** Colour of a line by how it starts; null for plain. */
  static String colourOf(String line) {
    if (line.startsWith("error:") || line.startsWith("Error from server") || line.startsWith("Error:")
        || line.startsWith("error when") || line.contains(": error:")) {
      return RED;
    }
    if (line.startsWith("Warning:") || line.startsWith("warning:") || line.startsWith("W1")) return YELLOW;
    return null;
  }

  private void emit(boolean newline) throws IOException {
    String text = line.toString();
    line.setLength(0);
    String colour = colourOf(text);
    if (colour != null && !text.isEmpty()) target.write(colour + text + RESET);
    else target.write(text);
    if (newline) target.write('\n');
  }

  @Override
  public synchronized void flush() throws IOException {
    if (line.length() > 0) emit(false);
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    flush();
  }
}
