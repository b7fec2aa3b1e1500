package io.kubetutor.shell;

import io.kubetutor.shell.completion.LiveNames;
import io.kubetutor.shell.completion.ShellCompleter;
import io.kubetutor.shell.completion.ShellHighlighter;
import io.kubetutor.shell.editor.Editors;
import io.kubetutor.shell.editor.NanoEditor;
import io.kubetutor.shell.editor.SystemEditor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

/**
 * The interactive shell: a jline prompt over a {@link Session}, with completion, highlighting,
 * grey suggestions from history (Right arrow accepts), and Alt-H / F1 for help on the command under
 * the cursor. Ctrl-C cancels the line being typed or the command running (a watch, a wait: the
 * command thread is interrupted) and never leaves; Ctrl-D, {@code exit} and {@code quit} leave.
 */
public final class Shell {

  private static final String HELP_WIDGET = "kubetutor-help";

  private final Terminal terminal;
  private final SessionOptions options;
  private boolean offerSavedSimulator = true;
  private boolean awaitWarmUp;

  public Shell(Terminal terminal, SessionOptions options) {
    this.terminal = terminal;
    this.options = options;
  }

  /** {@code --fresh}: start from the seed without offering the last session's simulator. */
  public Shell fresh(boolean fresh) {
    this.offerSavedSimulator = !fresh;
    return this;
  }

  /** The archive training run: leave only once the background warm-up has loaded everything. */
  Shell awaitWarmUpBeforeLeaving() {
    this.awaitWarmUp = true;
    return this;
  }

  /** Runs until the student leaves; returns the exit status of the shell (0). */
  public int run() throws IOException {
    PrintWriter out = terminal.writer();
    // Colour on stderr only here, on a terminal that wants it: piped output never sees escapes.
    PrintWriter err = options.color() ? new PrintWriter(new ColoredErrors(out), false) : out;
    try (Session session = new Session(options, out, err, terminal.input())) {
      session.setWidth(terminal.getWidth() > 0 ? terminal.getWidth() : 80);
      String chosen = System.getenv("KUBE_EDITOR") != null ? System.getenv("KUBE_EDITOR") : System.getenv("EDITOR");
      session.extension(Editors.class, () -> new Editors(new NanoEditor(terminal),
          new SystemEditor(SystemEditor.fromEnvironment(), true), chosen != null && !chosen.isBlank()));
      LineReader reader = buildReader(session);
      session.startWarmUp();
      Thread commandThread = Thread.currentThread();
      terminal.handle(Terminal.Signal.INT, signal -> commandThread.interrupt());
      terminal.handle(Terminal.Signal.WINCH, signal -> session.setWidth(Math.max(20, terminal.getWidth())));
      out.println("kubetutor: a Kubernetes teaching shell. Type \"help\" for commands, \"exit\" to leave.");
      out.flush();
      if (offerSavedSimulator) {
        SimSessionState.offerRestore(session, question -> askOnce(reader, question), java.time.ZoneId.systemDefault());
      }
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
        Thread.interrupted();  // the Ctrl-C that ended the command is spent
      }
      SimSessionState.saveAtExit(session);
      saveHistory(reader);
      if (awaitWarmUp) session.awaitWarmUp();
    }
    return 0;
  }

  private LineReader buildReader(Session session) {
    Path historyFile = options.stateDir() == null ? null : options.stateDir().resolve("history");
    DefaultParser parser = new DefaultParser();
    parser.setEofOnUnclosedQuote(true);
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("kubetutor")
        .parser(parser)
        .history(new AtomicHistory(session.err()))
        .completer(new ShellCompleter(session, new LiveNames()))
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
        .option(LineReader.Option.HISTORY_REDUCE_BLANKS, true)
        .option(LineReader.Option.AUTO_LIST, true)
        .option(LineReader.Option.AUTO_MENU, true)
        .variable(LineReader.HISTORY_SIZE, 5000)
        .variable(LineReader.HISTORY_FILE_SIZE, 5000);
    if (options.color()) builder.highlighter(new ShellHighlighter(session));
    if (historyFile != null) {
      try {
        Files.createDirectories(historyFile.getParent());
        builder.variable(LineReader.HISTORY_FILE, historyFile);
      } catch (IOException e) {
        session.err().println("warning: history will not be saved: " + e.getMessage());
      }
    }
    LineReader reader = builder.build();
    // Fish-style: the rest of a matching earlier command shows grey; Right arrow (or End) takes it.
    reader.setAutosuggestion(LineReader.SuggestionType.HISTORY);
    reader.getWidgets().put(HELP_WIDGET, () -> showHelp(reader, session));
    KeyMap<org.jline.reader.Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
    main.bind(new Reference(HELP_WIDGET), KeyMap.alt('h'), KeyMap.alt('H'));
    String f1 = KeyMap.key(terminal, InfoCmp.Capability.key_f1);
    if (f1 != null && !f1.isEmpty()) main.bind(new Reference(HELP_WIDGET), f1);
    return reader;
  }

  /** Prints help for the command under the cursor above the prompt, keeping the line as typed. */
  private static boolean showHelp(LineReader reader, Session session) {
    String buffer = reader.getBuffer().toString();
    String text = HelpTopic.helpFor(session, buffer.substring(0, reader.getBuffer().cursor()), buffer);
    reader.printAbove(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
    return true;
  }

  /** One answer, kept out of the history; Ctrl-C or Ctrl-D gives no answer (null). */
  private static String askOnce(LineReader reader, String question) {
    reader.setVariable(LineReader.DISABLE_HISTORY, true);
    try {
      return reader.readLine(question);
    } catch (UserInterruptException | EndOfFileException e) {
      return null;
    } finally {
      reader.setVariable(LineReader.DISABLE_HISTORY, false);
    }
  }

  private static void saveHistory(LineReader reader) {
    try {
      reader.getHistory().save();
    } catch (IOException | RuntimeException e) {
      // History is a convenience; a read-only home must not turn leaving into an error.
    }
  }
}
