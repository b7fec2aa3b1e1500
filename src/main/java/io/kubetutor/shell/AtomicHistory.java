package io.kubetutor.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import io.kubetutor.util.AtomicFiles;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * jline's history, saved whole by writing a sibling file and renaming it over the history file, so
 * a crash or a full disk mid-save leaves the previous history intact instead of a torn last line
 * (jline appends to the file in place). Same line format as jline's, so jline reads it back.
 */
final class AtomicHistory extends DefaultHistory {

  private final PrintWriter warnings;
  private LineReader reader;

  AtomicHistory() {
    this(null);
  }

  /** {@code warnings}: where a history file that cannot be read is reported (null: nowhere). */
  AtomicHistory(PrintWriter warnings) {
    this.warnings = warnings;
  }

  @Override
  public void attach(LineReader reader) {
    this.reader = reader;
    super.attach(reader);
  }

  /**
   * jline fails with an unchecked exception on a file it cannot decode (binary, not UTF-8), which would
   * end the shell at its first prompt; instead the file is reported and set aside, and history starts empty.
   */
  @Override
  public void load() throws IOException {
    try {
      super.load();
    } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
      Object configured = reader == null ? null : reader.getVariable(LineReader.HISTORY_FILE);
      if (configured == null) throw new IOException(e);
      Path file = configured instanceof Path p ? p : Path.of(configured.toString());
      if (!Files.exists(file)) throw new IOException(e);
      Path aside = AtomicFiles.setAside(file);
      if (warnings != null) {
        warnings.println("warning: the history file " + file + " could not be read; it was moved to " + aside);
        warnings.flush();
      }
    }
  }

  @Override
  public void save() throws IOException {
    Object configured = reader == null ? null : reader.getVariable(LineReader.HISTORY_FILE);
    if (configured == null) return;
    Path file = configured instanceof Path p ? p : Path.of(configured.toString());
    int max = reader.getVariable(LineReader.HISTORY_FILE_SIZE) instanceof Number n ? n.intValue() : 10_000;
    boolean timestamped = reader.isSet(LineReader.Option.HISTORY_TIMESTAMPED);
    List<String> lines = new ArrayList<>();
    for (Entry e : this) {
      lines.add((timestamped ? e.time().toEpochMilli() + ":" : "") + escape(e.line()));
    }
    List<String> kept = lines.subList(Math.max(0, lines.size() - max), lines.size());
    AtomicFiles.writeString(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
  }

  /** The escaping jline's reader expects: backslash, newline and carriage return. */
  static String escape(String line) {
    StringBuilder sb = new StringBuilder();
    for (char c : line.toCharArray()) {
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
