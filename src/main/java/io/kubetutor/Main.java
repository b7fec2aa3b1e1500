package io.kubetutor;

import io.kubetutor.shell.ArchiveTraining;
import io.kubetutor.shell.ScriptRunner;
import io.kubetutor.shell.Session;
import io.kubetutor.shell.SessionOptions;
import io.kubetutor.shell.Shell;
import io.kubetutor.shell.SystemTerminal;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubetutor}: the interactive shell (default), {@code run FILE}, and the lesson and grading
 * commands. Global options choose the backend, the clock and the session's directory.
 */
@Command(name = "kubetutor", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "An interactive teaching shell for Kubernetes, on an embedded simulator or a real cluster.",
    subcommands = {Main.Run.class, io.kubetutor.instructor.cli.GradeCommand.class, io.kubetutor.instructor.cli.LessonCommand.class})
public final class Main implements Callable<Integer> {

  @Option(names = "--context", description = "Context to start in: sim (default) or a kubeconfig context.")
  String context;

  @Option(names = {"-n", "--namespace"}, description = "Namespace to start in (default: the context's).")
  String namespace;

  @Option(names = "--kubeconfig", description = "Path to the kubeconfig file (default: $KUBECONFIG, ~/.kube/config).")
  Path kubeconfig;

  @Option(names = "--seed", description = "Simulator seed: the same seed and commands give the same output.")
  long seed = 1;

  @Option(names = "--clock", description = "Simulator clock: realtime or virtual (default: realtime on a terminal).")
  String clock;

  @Option(names = "--think-time", description = "Virtual clock: time each command lets pass (default 5s).")
  String thinkTime = "5s";

  @Option(names = "--workdir", description = "The working directory for files (default: where you started).")
  Path workdir;

  @Option(names = "--no-color", description = "No colour (NO_COLOR is honoured too).")
  boolean noColor;

  @Option(names = "--debug", description = "Show Java stack traces of internal errors.")
  boolean debug;

  @Option(names = "--fresh", description = "Start the simulator from the seed; do not offer the last session's.")
  boolean fresh;

  @Option(names = "-c", paramLabel = "COMMAND", description = "Run one command and exit.")
  String command;

  /** The launcher's class-data archive training run (see {@link ArchiveTraining}); not for students. */
  @Option(names = "--archive-training", hidden = true)
  boolean archiveTraining;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Entry point without System.exit, for tests. */
  public static int run(String... args) {
    // Like a shell and kubectl, follow $HOME (Java takes user.home from the password database).
    String home = System.getenv("HOME");
    if (home != null && !home.isBlank()) System.setProperty("user.home", home);
    if (args.length == 0) {
      // The plain `kubetutor` a student types has nothing to parse. picocli would still reflect over
      // every option and subcommand, and its classes (Java 5 bytecode) are verified the slow way and
      // cannot be kept in the class-data archive: about a fifth of the time to the prompt.
      try {
        return new Main().call();
      } catch (Exception e) {
        return internalError(e);
      }
    }
    Run plainRun = plainRun(args);
    if (plainRun != null) {
      // `kubetutor run FILE`, the common scripted form: same reason, a fifth of a cold run's time.
      try {
        return plainRun.call();
      } catch (Exception e) {
        return internalError(e);
      }
    }
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> internalError(e));
    cl.setParameterExceptionHandler((e, args1) -> {
      System.err.println("error: " + e.getMessage());
      System.err.println("See 'kubetutor --help' for usage.");
      return 2;
    });
    return cl.execute(args);
  }

  /**
   * {@code run FILE}, {@code run --echo FILE} or {@code run FILE --echo} with nothing else, as picocli
   * would read them (every option at its default); null for anything else, which picocli then parses
   * (help, other options, {@code @file} arguments it expands, a FILE that looks like an option).
   */
  static Run plainRun(String[] args) {
    if (args.length < 2 || args.length > 3 || !args[0].equals("run")) return null;
    String file = null;
    boolean echo = false;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--echo") && !echo) {
        echo = true;
      } else if (file == null && !a.isEmpty() && (a.equals("-") || (!a.startsWith("-") && !a.startsWith("@")))) {
        file = a;
      } else {
        return null;
      }
    }
    if (file == null) return null;
    Run run = new Run();
    run.main = new Main();
    run.file = file;
    run.echo = echo;
    return run;
  }

  private static int internalError(Exception e) {
    System.err.println("error: internal error: " + e.getMessage() + " (run with --debug for details)");
    return 1;
  }

  @Override
  public Integer call() throws IOException {
    if (archiveTraining) return ArchiveTraining.run(java.io.OutputStream.nullOutputStream());
    boolean terminal = command == null && System.console() != null;
    SessionOptions options = options(terminal);
    if (command != null) {
      return runLines(options, new BufferedReader(new StringReader(command)), false);
    }
    if (terminal) {
      Terminal t = SystemTerminal.open();
      return new Shell(t, options).fresh(fresh).run();
    }
    return runLines(options, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), false);
  }

  SessionOptions options(boolean interactive) {
    String clockMode = clock != null ? clock : interactive ? "realtime" : "virtual";
    if (!clockMode.equals("realtime") && !clockMode.equals("virtual")) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--clock must be realtime or virtual");
    }
    Duration think = parseDuration(thinkTime);
    boolean color = interactive && !noColor && System.getenv("NO_COLOR") == null;
    Path dir = workdir != null ? workdir : Path.of(System.getProperty("kubetutor.workdir", System.getProperty("user.dir")));
    Path state = Path.of(System.getProperty("user.home"), ".kubetutor");
    return new SessionOptions(context, namespace, seed, clockMode, think, dir, color, debug, interactive, false,
        kubeconfig, state);
  }

  private int runLines(SessionOptions options, BufferedReader lines, boolean echo) throws IOException {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8));
    try (Session session = new Session(options, out, err, System.in)) {
      session.warmUpInBackground();
      return new ScriptRunner(session, echo).run(lines);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Parses {@code 5s}, {@code 1m30s}, {@code 2h}, {@code 500ms}, {@code 0}. */
  public static Duration parseDuration(String text) {
    String t = text.trim();
    if (t.equals("0")) return Duration.ZERO;
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|h|m|s)").matcher(t);
    Duration d = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) break;
      long n = Long.parseLong(m.group(1));
      d = d.plus(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofSeconds(n);
      });
      end = m.end();
    }
    if (end != t.length() || t.isEmpty()) throw new IllegalArgumentException("invalid duration \"" + text + "\"");
    return d;
  }

  /** {@code kubetutor run FILE [--echo]}: runs a script of commands, optionally echoing them as a transcript. */
  @Command(name = "run", description = "Run the commands of FILE (one per line) without a terminal.")
  static final class Run implements Callable<Integer> {
    @CommandLine.ParentCommand Main main;

    @Parameters(paramLabel = "FILE", description = "A file of commands, or - for standard input.")
    String file;

    @Option(names = "--echo", description = "Print each command as \"$ CMD\" before its output (a transcript).")
    boolean echo;

    @Override
    public Integer call() throws IOException {
      SessionOptions options = main.options(false);
      if (file.equals("-")) {
        return main.runLines(options, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), echo);
      }
      Path path = options.workdir().resolve(file);
      try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        return main.runLines(options, reader, echo);
      } catch (NoSuchFileException e) {
        System.err.println("error: the path \"" + file + "\" does not exist");
        return 1;
      }
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"kubetutor " + (v == null ? "dev" : v) + " (kubectl v1.31 behaviour)"};
    }
  }
}
