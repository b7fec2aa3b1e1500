package io.kubetutor.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive shell: a jline prompt over a {@link Session}. Ctrl-C cancels the line being typed
 * or the command running (a watch, a wait) and never leaves; Ctrl-D, {@code exit} and
 * {@code quit} leave.
 */
public final class Shell {

  private final Terminal terminal;
  private final SessionOptions options;

  public Shell(Terminal terminal, SessionOptions options) {
    this.terminal = terminal;
    this.options = options;
  }

  /** Runs until the student leaves; returns the exit status of the shell (0). */
  public int run() throws IOException {
    PrintWriter out = terminal.writer();
    try (Session session = new Session(options, out, out, terminal.input())) {
      session.setWidth(terminal.getWidth() > 0 ? terminal.getWidth() : 80);
      LineReader reader = buildReader(session);
      Thread commandThread = Thread.currentThread();
      terminal.handle(Terminal.Signal.INT, signal -> commandThread.interrupt());
      terminal.handle(Terminal.Signal.WINCH, signal -> session.setWidth(Math.max(20, terminal.getWidth())));
      out.println("kubetutor: a Kubernetes teaching shell. Type \"help\" for commands, \"exit\" to leave.");
      out.flush();
      while (!session.exitRequested()) {
        String line;
        try {
          line = reader.readLine(session.prompt());
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        Thread.interrupted();  // a Ctrl-C that arrived between commands must not cancel the next one
        session.execute(line);
        Thread.interrupted();
      }
      saveHistory(reader);
    }
    return 0;
  }

  private LineReader buildReader(Session session) {
    Path historyFile = options.stateDir() == null ? null : options.stateDir().resolve("history");
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("kubetutor")
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
        .option(LineReader.Option.HISTORY_REDUCE_BLANKS, true)
        .variable(LineReader.HISTORY_SIZE, 5000)
        .variable(LineReader.HISTORY_FILE_SIZE, 5000);
    if (historyFile != null) {
      try {
        Files.createDirectories(historyFile.getParent());
        builder.variable(LineReader.HISTORY_FILE, historyFile);
      } catch (IOException e) {
        session.err().println("warning: history will not be saved: " + e.getMessage());
      }
    }
    return builder.build();
  }

  private static void saveHistory(LineReader reader) {
    try {
      reader.getHistory().save();
    } catch (IOException | RuntimeException e) {
      // History is a convenience; a read-only home must not turn leaving into an error.
    }
  }
}
