package io.kubetutor.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * jline's history, saved by writing a sibling file and renaming it over the history file, so a
 * crash or a full disk mid-save leaves the previous history intact instead of a torn last line.
 * (jline appends to the file in place.)
 */
final class AtomicHistory extends DefaultHistory {

  private LineReader reader;

  @Override
  public void attach(LineReader reader) {
    this.reader = reader;
    super.attach(reader);
  }

  @Override
  public void save() throws IOException {
    Object configured = reader == null ? null : reader.getVariable(LineReader.HISTORY_FILE);
    if (configured == null) return;
    Path file = configured instanceof Path p ? p : Path.of(configured.toString());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    write(tmp, false);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
