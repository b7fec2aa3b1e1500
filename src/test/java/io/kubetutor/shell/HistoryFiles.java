package io.kubetutor.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The shell's history file as the shell itself opens it (same sizes; an {@link AtomicHistory} attached to a
 * line reader whose history file is {@code file}), for tests outside this package.
 */
public final class HistoryFiles implements AutoCloseable {

  private final Terminal terminal;
  private final History history;

  public HistoryFiles(Path file, PrintWriter warnings) throws IOException {
    terminal = TerminalBuilder.builder().dumb(true)
        .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build();
    AtomicHistory h = new AtomicHistory(warnings);
    LineReader reader = LineReaderBuilder.builder().terminal(terminal).history(h)
        .variable(LineReader.HISTORY_FILE, file).variable(LineReader.HISTORY_SIZE, 5000)
        .variable(LineReader.HISTORY_FILE_SIZE, 5000).build();
    h.attach(reader);  // what readLine does first: loads the file
    history = h;
  }

  public History history() { return history; }

  @Override
  public void close() throws IOException {
    terminal.close();
  }
}
