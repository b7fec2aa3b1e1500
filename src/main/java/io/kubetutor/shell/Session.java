package io.kubetutor.shell;

import io.kubetutor.cluster.Cluster;
import io.kubetutor.kubectl.Kubectl;
import io.kubetutor.kubectl.KubectlEnv;
import io.kubetutor.kubectl.Suggest;
import io.kubetutor.lesson.HistoryEntry;
import io.kubetutor.lesson.LessonHost;
import io.kubetutor.shell.editor.Editors;
import io.kubetutor.shell.pipe.FilterException;
import io.kubetutor.shell.pipe.LineFilter;
import io.kubetutor.shell.pipe.LinePipe;
import io.kubetutor.shell.pipe.TextFilters;
import io.kubetutor.sim.SimCluster;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One student's session: the active backend, namespace, working directory, output streams, command
 * history, and the command dispatcher ({@code kubectl}/{@code k} and built-ins). The interactive
 * shell, {@code run FILE}, {@code -c} and the grader all execute lines through {@link #execute}, so
 * they print exactly the same thing.
 */
public final class Session implements KubectlEnv, LessonHost, AutoCloseable {

  private final SessionOptions options;
  /** Where commands print; a pipe or a redirection replaces them for one command. */
  private PrintWriter out;
  private PrintWriter err;
  private InputStream in;
  private final ContextManager contexts;
  /** Interactive sessions: their own tree, built by the warm-up thread or the first command. */
  private final java.util.concurrent.FutureTask<KubectlPool.BoundTree> ownTree;
  /**
   * Other sessions: a tree borrowed from {@link KubectlPool} at the first command and given back on
   * close, or (the warm-up's rehearsal) the tree of another session, used one command at a time.
   */
  private KubectlPool.BoundTree borrowed;
  private boolean treeOfAnotherSession;
  private boolean closed;
  private final Thread warmUp;
  private final Map<String, Builtin> builtins = new LinkedHashMap<>();
  private final List<HistoryEntry> history = Collections.synchronizedList(new ArrayList<>());
  /** Called after every command; lessons check quietly through this. */
  private final List<Consumer<HistoryEntry>> listeners = new CopyOnWriteArrayList<>();
  private final List<Supplier<String>> promptParts = new CopyOnWriteArrayList<>();
  private final Map<Class<?>, Object> extensions = new HashMap<>();
  private Path workdir;
  private String namespaceOverride;
  private boolean exitRequested;
  private int width = 80;

  public Session(SessionOptions options, PrintWriter out, PrintWriter err, InputStream in) {
    this.options = options;
    this.out = out;
    this.err = err;
    this.in = in;
    this.workdir = options.workdir().toAbsolutePath().normalize();
    this.namespaceOverride = options.namespace();
    this.contexts = new ContextManager(this, options);
    this.ownTree = new java.util.concurrent.FutureTask<>(() -> {
      KubectlPool.BoundTree tree = new KubectlPool.BoundTree();
      tree.bindTo(this);
      tree.kubectl.setDebug(options.debug());
      return tree;
    });
    for (Builtin b : Builtins.create()) register(b);
    if (options.interactive()) {
      // The prompt comes first: the command tree, the simulator and the JSON/YAML machinery load
      // on a background thread the shell starts once its line reader is built (startWarmUp), while the
      // student reads it and types. The first command waits for whatever is not ready.
      warmUp = new Thread(() -> {
        ownTree.run();
        contexts.warmUp();
        Warmup.serialization();
        Warmup.firstCommands(this);
      }, "kubetutor-warmup");
      warmUp.setDaemon(true);
    } else {
      warmUp = null;
    }
  }

  /**
   * Starts the background warm-up of an interactive session (once). Started only after the line
   * reader is built: on a busy machine a second thread would slow the way to the prompt itself.
   */
  synchronized void startWarmUp() {
    if (warmUp != null && warmUp.getState() == Thread.State.NEW) warmUp.start();
  }

  /**
   * Scripts ({@code run FILE}, {@code -c}, piped input): boots the simulator and loads the YAML and
   * model machinery on a second thread while this one builds the command tree and reads the first
   * command, so a cold run uses both cores for its start. The simulator is the one the commands use
   * (same seed, same objects, whichever thread boots it); the first command waits for it if needed.
   */
  public void warmUpInBackground() {
    Thread t = new Thread(() -> {
      try {
        contexts.warmUp();
        Warmup.serialization();
      } catch (RuntimeException | Error e) {
        // Only a head start: a simulator that cannot boot fails again, reported, at the first command.
      }
    }, "kubetutor-warmup");
    t.setDaemon(true);
    t.start();
    kubectl();  // meanwhile, on this thread: the first command needs the tree before the simulator
  }

  /**
   * Runs this (non-interactive) session's kubectl commands on {@code owner}'s tree, one command at a
   * time under the tree's lock: the warm-up rehearses the student's first commands on the tree the
   * student will use, instead of building a second one.
   */
  synchronized void useTreeOf(Session owner) {
    if (warmUp != null || borrowed != null) throw new IllegalStateException("this session already has a command tree");
    borrowed = owner.tree();
    treeOfAnotherSession = true;
  }

  /** Waits until the background warm-up (interactive sessions only) has finished. */
  void awaitWarmUp() {
    if (warmUp == null || warmUp.getState() == Thread.State.NEW) return;
    try {
      warmUp.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void register(Builtin builtin) {
    builtins.put(builtin.name(), builtin);
    for (String alias : builtin.aliases()) builtins.put(alias, builtin);
  }

  // ---- KubectlEnv ----

  @Override public Cluster cluster() { return contexts.cluster(); }

  @Override public String namespace() {
    return namespaceOverride != null ? namespaceOverride : contexts.defaultNamespace();
  }

  @Override public Path workdir() { return workdir; }

  @Override
  public Path readable(Path path) {
    if (options.grading() && !io.kubetutor.util.WorkspaceBounds.contains(options.workdir(), path)) {
      throw new io.kubetutor.kubectl.KubectlException("the path \"" + path.toAbsolutePath().normalize()
          + "\" is outside the workspace while grading");
    }
    return path;
  }
  @Override public PrintWriter out() { return out; }
  @Override public PrintWriter err() { return err; }
  @Override public InputStream in() { return in; }
  @Override public boolean color() { return options.color(); }
  @Override public int width() { return width; }
  @Override public boolean interactive() { return options.interactive(); }
  @Override public Contexts contexts() { return contexts; }

  /** {@code kubectl edit}: the editor the interactive shell installed ({@link Editors}); none elsewhere. */
  @Override public String edit(String fileName, String text) {
    return extension(Editors.class, Editors::none).forKubectlEdit().editText(fileName, text);
  }

  // ---- session state ----

  public SessionOptions options() { return options; }
  public Kubectl kubectl() {
    return tree().kubectl;
  }

  private KubectlPool.BoundTree tree() {
    if (warmUp == null) {
      synchronized (this) {
        if (!closed) {
          if (borrowed == null) borrowed = KubectlPool.borrow(this, options.debug());
          return borrowed;
        }
      }
      // Used after close (some tests read the tree afterwards): a tree of its own, built below.
    }
    ownTree.run();  // no-op when the warm-up thread already built it or is building it
    try {
      return ownTree.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the command tree", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
  public Map<String, Builtin> builtins() { return Collections.unmodifiableMap(builtins); }
  @Override public List<HistoryEntry> history() { synchronized (history) { return List.copyOf(history); } }
  public ContextManager contextManager() { return contexts; }
  public void setWidth(int width) { this.width = width; }
  public void setWorkdir(Path dir) { this.workdir = dir.toAbsolutePath().normalize(); }
  public void setNamespace(String ns) { this.namespaceOverride = ns; }
  @Override public void addPromptPart(Supplier<String> part) { promptParts.add(part); }

  // ---- LessonHost ----

  @Override public void afterEachCommand(Consumer<HistoryEntry> listener) {
    listeners.add(listener);
  }
  @Override public boolean onSimulatorContext() { return contexts.current().equals(ContextManager.SIM); }
  @Override public void replaceSimulator(SimCluster sim) { contexts.replaceSimulator(sim); }
  @Override public boolean realtime() { return options.realtime(); }
  @Override public Path stateDir() { return options.stateDir(); }
  @Override public boolean grading() { return options.grading(); }
  public boolean exitRequested() { return exitRequested; }
  public void requestExit() { exitRequested = true; }

  /** Per-session state of an extension (the lesson runner, ...), created on first use. */
  @SuppressWarnings("unchecked")
  @Override public synchronized <T> T extension(Class<T> type, Supplier<T> create) {
    return (T) extensions.computeIfAbsent(type, k -> create.get());
  }

  /** The simulator, when the active backend is one (for {@code sim} and lesson setup). */
  @Override public SimCluster simulator() {
    return cluster() instanceof SimCluster s ? s : null;
  }

  /** {@code kubetutor [sim:default] $ } plus what extensions add (the lesson step). */
  public String prompt() {
    StringBuilder sb = new StringBuilder("kubetutor [").append(contexts.current()).append(':').append(namespace()).append(']');
    for (Supplier<String> part : promptParts) {
      String p = part.get();
      if (p != null && !p.isEmpty()) sb.append(' ').append(p);
    }
    return sb.append(" $ ").toString();
  }

  /** Runs one line as the shell would; returns its exit status. Never throws. */
  public int execute(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) return 0;
    List<String> words;
    CommandLineSplitter.CommandLine commandLine;
    try {
      commandLine = CommandLineSplitter.pipeline(trimmed);
      words = commandLine.command();
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return record(trimmed, List.of(), 2);
    }
    if (words.isEmpty()) return 0;
    if (trimmed.indexOf('\0') >= 0) {
      // No shell can pass a NUL byte inside an argument; say so instead of failing deep inside a verb.
      err.println("error: the command line contains a NUL character");
      err.flush();
      return record(trimmed, words, 2);
    }
    int code;
    try {
      thinkTime();  // inside: time passing runs the simulator's controllers, and nothing may escape
      code = commandLine.plain() ? dispatch(words) : dispatchPiped(commandLine);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      code = 130;
    } catch (java.nio.file.InvalidPathException e) {
      err.println("error: invalid path \"" + e.getInput() + "\": " + e.getReason());
      code = 1;
    } catch (Exception | StackOverflowError e) {
      err.println("error: internal error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
          + " (run with --debug for details)");
      if (options.debug()) e.printStackTrace(err);
      code = 1;
    }
    if (Thread.currentThread().isInterrupted()) {
      // After "^C" what follows (a lesson's message, the next prompt) starts on its own line, as in
      // a POSIX shell. The interrupt stays set for the caller.
      out.println();
    }
    out.flush();
    err.flush();
    return record(trimmed, words, code);
  }

  /**
   * Runs a command whose output goes through {@code |} filters or to a file, and whose errors may go
   * to a file, nowhere ({@code 2>/dev/null}) or with the output ({@code 2>&1}). The status is the
   * last filter's, as in a shell without pipefail.
   */
  private int dispatchPiped(CommandLineSplitter.CommandLine line) throws Exception {
    List<LineFilter> filters = new ArrayList<>();
    for (List<String> stage : line.filters()) {
      try {
        filters.add(TextFilters.of(stage));
      } catch (FilterException e) {
        err.println(e.getMessage());
        return 2;
      }
    }
    Redirection output = Redirection.open(this, line.redirect(), line.append());
    Redirection errors = "&1".equals(line.errors()) ? null : Redirection.open(this, line.errors(), false);
    if (output == Redirection.REFUSED || errors == Redirection.REFUSED) return 1;
    InputStream input = Redirection.input(this, line.input());
    if (input == Redirection.NO_INPUT) return 1;
    PrintWriter terminalOut = out;
    PrintWriter terminalErr = err;
    InputStream terminalIn = in;
    if (input != null) in = input;
    LinePipe pipe = new LinePipe(filters, output == null ? terminalOut : output.writer());
    out = new PrintWriter(pipe);
    if ("&1".equals(line.errors())) err = out;
    else if (errors != null) err = errors.writer();
    int code;
    boolean saved = true;
    try {
      code = dispatch(line.command());
    } finally {
      out.flush();
      pipe.close();
      out = terminalOut;
      err = terminalErr;
      in = terminalIn;
      if (input != null) input.close();
      // Also when Ctrl-C ends a watch: what it printed so far goes to the file, as in a shell.
      if (output != null) saved = output.save(this);
      if (errors != null) saved &= errors.save(this);
    }
    if (!saved) return 1;
    return filters.isEmpty() ? code : pipe.status();
  }

  private int dispatch(List<String> words) throws Exception {
    String first = words.get(0);
    if (first.equals("kubectl") || first.equals("k")) {
      return tree().execute(this, words.subList(1, words.size()));
    }
    Builtin builtin = builtins.get(first);
    if (builtin != null) {
      if (options.grading() && !builtin.allowedInGrading()) {
        err.println("error: \"" + first + "\" is not available while grading");
        return 1;
      }
      return builtin.run(words.subList(1, words.size()), this);
    }
    if (first.startsWith("!") && builtins.containsKey("!")) {
      List<String> rest = new ArrayList<>(words);
      rest.set(0, first.substring(1));
      if (rest.get(0).isEmpty()) rest.remove(0);
      return dispatch(prepend("!", rest));
    }
    List<String> known = new ArrayList<>(builtins.keySet());
    known.add("kubectl");
    if (kubectl().verbNames().contains(first)) {
      err.println("error: unknown command \"" + first + "\"");
      err.println("Did you mean:  kubectl " + String.join(" ", words));
      return 127;
    }
    err.println("error: unknown command \"" + first + "\"");
    String suggestion = Suggest.closest(first, known);
    if (suggestion != null) err.println("Did you mean \"" + suggestion + "\"?");
    else err.println("Type \"help\" for the list of commands.");
    return 127;
  }

  private static List<String> prepend(String head, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(head);
    all.addAll(rest);
    return all;
  }

  /** In virtual mode, every command lets the student's think time pass on the simulated clock. */
  private void thinkTime() {
    SimCluster sim = simulator();
    Duration think = options.thinkTime();
    if (sim != null && !sim.realtime() && !think.isZero()) sim.advance(think);
  }

  private int record(String line, List<String> words, int code) {
    HistoryEntry entry = new HistoryEntry(line, List.copyOf(words), code, cluster().clock().now());
    history.add(entry);
    for (Consumer<HistoryEntry> l : listeners) {
      try {
        l.accept(entry);
      } catch (RuntimeException e) {
        if (options.debug()) e.printStackTrace(err);
      }
    }
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (borrowed != null && !treeOfAnotherSession) KubectlPool.giveBack(borrowed);
      borrowed = null;
    }
    contexts.close();
  }
}
