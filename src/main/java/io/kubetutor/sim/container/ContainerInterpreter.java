package io.kubetutor.sim.container;

import io.kubetutor.sim.container.ShellParser.AndOr;
import io.kubetutor.sim.container.ShellParser.Loop;
import io.kubetutor.sim.container.ShellParser.Node;
import io.kubetutor.sim.container.ShellParser.Part;
import io.kubetutor.sim.container.ShellParser.Redirect;
import io.kubetutor.sim.container.ShellParser.Sequence;
import io.kubetutor.sim.container.ShellParser.Simple;
import io.kubetutor.sim.container.ShellParser.Word;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Works out what a container's process does, without running anything on the host: a small
 * POSIX-shell interpreter for {@code sh -c}/{@code bash -c} scripts (echo, printf, sleep, exit,
 * true/false, env, printenv, hostname, cat, date, pwd, cd, export and assignments, {@code &&},
 * {@code ||}, {@code ;}, while/until loops, {@code $VAR}/{@code ${VAR}}, {@code >}/{@code >>} into
 * the container's filesystem) plus the well-known programs of the catalogue images
 * ({@link ImagePrograms}). Anything else behaves as a long-running process that prints nothing.
 *
 * <p>Virtual time only moves on {@code sleep}; the plan lists each output line at its offset.
 */
public final class ContainerInterpreter {

  /** Loops stop being unrolled after this much virtual time or output; the process then just runs on. */
  static final Duration LOOP_HORIZON = Duration.ofHours(24);
  static final int MAX_LINES = 10_000;

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss 'UTC' yyyy", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private final ContainerContext ctx;
  private final Map<String, String> vars;
  private final List<ProcessPlan.Line> out = new ArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private String cwd;
  private Duration now = Duration.ZERO;
  private int status;
  /** Set when the process stops interpreting: exited (code) or blocks forever (null). */
  private boolean stopped;
  private Integer exitCode;
  private boolean handlesSigterm;
  /** Exec mode ({@code kubectl exec}): stdout and stderr are kept apart, and stdin can be read. */
  private StringBuilder execOut;
  private StringBuilder execErr;
  private String stdin;

  private ContainerInterpreter(ContainerContext ctx) {
    this.ctx = ctx;
    this.vars = new LinkedHashMap<>(ctx.env());
    this.vars.putIfAbsent("HOSTNAME", ctx.hostname());
    this.vars.putIfAbsent("HOME", "/root");
    this.cwd = ctx.workingDir();
  }

  /** Plans the process {@code argv} (the container's command + args, or the image default). */
  public static ProcessPlan start(List<String> argv, ContainerContext ctx) {
    ContainerInterpreter in = new ContainerInterpreter(ctx);
    in.execProgram(argv, true);
    if (!in.stopped) {
      in.stopped = true;
      in.exitCode = in.status;
    }
    in.flushPartial();
    return new ProcessPlan(in.out, in.exitCode == null ? null : in.now, in.exitCode == null ? 0 : in.exitCode,
        in.handlesSigterm);
  }

  /** What an exec'd command wrote and how it ended; {@code notFound}: the program is not in the image. */
  public record ExecOutcome(String stdout, String stderr, int exitCode, boolean notFound) {}

  /**
   * Runs {@code argv} as {@code kubectl exec} does, in the context (environment, filesystem) of a
   * running container; {@code stdin} (may be null) feeds {@code cat} and a bare shell's script.
   * A command that would run on forever is cut at the point where it blocks, exit code 0.
   */
  public static ExecOutcome exec(List<String> argv, ContainerContext ctx, String stdin) {
    ContainerInterpreter in = new ContainerInterpreter(ctx);
    in.execOut = new StringBuilder();
    in.execErr = new StringBuilder();
    in.stdin = stdin;
    seedEtc(ctx);
    String name = argv.isEmpty() ? "" : basename(argv.get(0));
    if (!isShell(name) && !isBuiltin(name) && ImagePrograms.lookup(name, List.of(), Map.of(), ctx).equals(UNKNOWN)) {
      return new ExecOutcome("", "", 127, true);
    }
    in.execProgram(argv, false);
    int code = in.stopped && in.exitCode != null ? in.exitCode : in.status;
    return new ExecOutcome(in.execOut.toString(), in.execErr.toString(), code, false);
  }

  /** The files the runtime writes into every container's /etc (hostname, hosts, DNS), unless already there. */
  private static void seedEtc(ContainerContext ctx) {
    ContainerFilesystem fs = ctx.filesystem();
    if (fs.read("/etc/hostname").isEmpty()) fs.write("/etc/hostname", ctx.hostname() + "\n", false);
    if (fs.read("/etc/hosts").isEmpty()) {
      fs.write("/etc/hosts", "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
          + (ctx.podIP() == null ? "" : ctx.podIP() + "\t" + ctx.hostname() + "\n"), false);
    }
    if (fs.read("/etc/resolv.conf").isEmpty()) {
      fs.write("/etc/resolv.conf", "search default.svc.cluster.local svc.cluster.local cluster.local\n"
          + "nameserver 10.96.0.10\noptions ndots:5\n", false);
    }
  }

  private static final ImagePrograms.Behaviour UNKNOWN = new ImagePrograms.Behaviour(List.of(), null, Duration.ZERO, false);

  private static final List<String> BUILTINS = List.of("echo", "printf", "sleep", "exit", "true", ":", "false", "env",
      "printenv", "hostname", "pwd", "cd", "export", "cat", "touch", "mkdir", "date", "ls");

  private static boolean isBuiltin(String name) {
    return BUILTINS.contains(name);
  }

  // ---- programs

  private void execProgram(List<String> argv, boolean pid1) {
    if (argv.isEmpty()) return;
    String name = basename(argv.get(0));
    List<String> args = argv.subList(1, argv.size());
    if (isShell(name)) {
      if (pid1) handlesSigterm = false;
      int c = args.indexOf("-c");
      if (c < 0) {
        if (args.isEmpty() || args.get(0).startsWith("-")) {
          if (stdin != null) {
            runScript(stdin);
            if (!stopped) finish(status);
            return;
          }
          finish(0); // no tty: stdin is at end of file, so an interactive shell exits at once
        } else {
          Optional<String> script = ctx.filesystem().read(ContainerFilesystem.normalise(args.get(0), cwd));
          if (script.isPresent()) {
            runScript(script.get());
          } else {
            stderr(name + ": 0: cannot open " + args.get(0) + ": No such file");
            finish(2);
          }
        }
        return;
      }
      if (c + 1 >= args.size()) {
        stderr(name + ": 0: -c requires an argument");
        finish(2);
        return;
      }
      if (c + 2 < args.size()) vars.put("0", args.get(c + 2));
      runScript(args.get(c + 1));
      return;
    }
    if (runBuiltin(name, args, null)) return;
    ImagePrograms.Behaviour b = ImagePrograms.lookup(name, args, vars, ctx);
    if (execErr != null && b.equals(UNKNOWN)) {
      // An exec'd shell looks the program up in PATH and reports it missing, as dash does.
      stderr("sh: 1: " + name + ": not found");
      status = 127;
      return;
    }
    if (pid1) handlesSigterm = b.handlesSigterm();
    for (ProcessPlan.Line l : b.lines()) emitLine(now.plus(l.at()), l.text());
    if (b.exitCode() == null) {
      forever();
    } else {
      now = now.plus(b.runFor());
      finish(b.exitCode());
    }
  }

  private static boolean isShell(String name) {
    return name.equals("sh") || name.equals("bash") || name.equals("ash") || name.equals("dash");
  }

  private void runScript(String script) {
    Node node;
    try {
      node = ShellParser.parse(script);
    } catch (ShellParser.SyntaxError e) {
      if (e.getMessage().startsWith("unsupported")) {
        forever(); // pipes, subshells, background jobs: beyond this interpreter, so run quietly
      } else {
        stderr("sh: 1: " + e.getMessage());
        finish(2);
      }
      return;
    }
    run(node);
  }

  private void run(Node node) {
    if (stopped) return;
    if (node instanceof Simple s) {
      simple(s);
    } else if (node instanceof Sequence seq) {
      for (Node n : seq.items()) {
        run(n);
        if (stopped) return;
      }
    } else if (node instanceof AndOr a) {
      run(a.left());
      if (stopped) return;
      if ((status == 0) == a.op().equals("&&")) run(a.right());
    } else if (node instanceof Loop l) {
      loop(l);
    }
  }

  private void loop(Loop l) {
    int lastStatus = 0;
    while (!stopped) {
      if (now.compareTo(LOOP_HORIZON) > 0 || out.size() > MAX_LINES) {
        forever();
        return;
      }
      Duration before = now;
      int lines = out.size();
      run(l.condition());
      if (stopped) return;
      if ((status == 0) == l.until()) break;
      run(l.body());
      lastStatus = status;
      if (!stopped && now.equals(before) && out.size() == lines) {
        forever(); // a busy loop that neither sleeps nor prints: it just spins
        return;
      }
    }
    status = lastStatus;
  }

  private void simple(Simple s) {
    List<String> words = new ArrayList<>();
    for (Word w : s.words()) words.addAll(expand(w));
    // Leading NAME=value words are assignments (for the shell when no command follows).
    int i = 0;
    Map<String, String> assignments = new LinkedHashMap<>();
    while (i < words.size() && words.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
      String a = words.get(i++);
      assignments.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    if (i == words.size()) {
      vars.putAll(assignments);
      status = 0;
      if (s.redirects().isEmpty()) return;
    }
    List<String> argv = words.subList(i, words.size());
    String[] targets = new String[3];
    boolean[] append = new boolean[3];
    for (Redirect r : s.redirects()) {
      List<String> t = expand(r.target());
      if (t.size() != 1) {
        stderr("sh: 1: " + r.target().literal() + ": ambiguous redirect");
        status = 2;
        return;
      }
      String path = ContainerFilesystem.normalise(t.get(0), cwd);
      targets[r.fd()] = path;
      append[r.fd()] = r.append();
      if (!r.append()) ctx.filesystem().write(path, "", false);
    }
    if (argv.isEmpty()) return;
    if (runBuiltin(basename(argv.get(0)), argv.subList(1, argv.size()), targets)) return;
    execProgram(argv, false);
  }

  /**
   * Runs a shell built-in or a small coreutils command; returns false for anything else. Output
   * goes to {@code targets[1]}/{@code targets[2]} when redirected, else to the log.
   */
  private boolean runBuiltin(String name, List<String> args, String[] targets) {
    Output stdout = text -> write(1, targets, text);
    Output stderr = text -> write(2, targets, text);
    switch (name) {
      case "echo" -> {
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        while (i < args.size() && args.get(i).matches("-[neE]+")) {
          for (char f : args.get(i).substring(1).toCharArray()) {
            if (f == 'n') newline = false;
            else escapes = f == 'e';
          }
          i++;
        }
        String text = String.join(" ", args.subList(i, args.size()));
        if (escapes) {
          Escaped e = unescape(text);
          text = e.text;
          if (e.stop) newline = false;
        }
        stdout.write(newline ? text + "\n" : text);
        status = 0;
      }
      case "printf" -> {
        if (args.isEmpty()) {
          stderr.write("printf: usage: printf format [arguments]\n");
          status = 2;
        } else {
          stdout.write(Printf.format(args.get(0), args.subList(1, args.size())));
          status = 0;
        }
      }
      case "sleep" -> sleep(args, stderr);
      case "exit" -> {
        int code = status;
        if (!args.isEmpty()) {
          try {
            code = Integer.parseInt(args.get(0)) & 0xff;
          } catch (NumberFormatException e) {
            stderr.write("sh: 1: exit: Illegal number: " + args.get(0) + "\n");
            code = 2;
          }
        }
        finish(code);
      }
      case "true", ":" -> status = 0;
      case "false" -> status = 1;
      case "env", "printenv" -> {
        if (name.equals("printenv") && !args.isEmpty()) {
          String v = vars.get(args.get(0));
          if (v != null) stdout.write(v + "\n");
          status = v == null ? 1 : 0;
        } else {
          StringBuilder b = new StringBuilder();
          vars.forEach((k, v) -> {
            if (!k.equals("0")) b.append(k).append('=').append(v).append('\n');
          });
          stdout.write(b.toString());
          status = 0;
        }
      }
      case "hostname" -> {
        stdout.write(ctx.hostname() + "\n");
        status = 0;
      }
      case "pwd" -> {
        stdout.write(cwd + "\n");
        status = 0;
      }
      case "cd" -> {
        cwd = ContainerFilesystem.normalise(args.isEmpty() ? vars.getOrDefault("HOME", "/") : args.get(0), cwd);
        status = 0;
      }
      case "export" -> {
        for (String a : args) {
          int eq = a.indexOf('=');
          if (eq > 0) vars.put(a.substring(0, eq), a.substring(eq + 1));
        }
        status = 0;
      }
      case "cat" -> {
        status = 0;
        if (args.isEmpty() && stdin != null) {
          stdout.write(stdin);
          stdin = "";  // read to end of file
        }
        for (String f : args) {
          if (f.equals("-") && stdin != null) {
            stdout.write(stdin);
            stdin = "";
            continue;
          }
          Optional<String> content = ctx.filesystem().read(ContainerFilesystem.normalise(f, cwd));
          if (content.isPresent()) {
            stdout.write(content.get());
          } else {
            stderr.write("cat: " + f + ": No such file or directory\n");
            status = 1;
          }
        }
      }
      case "ls" -> {
        status = 0;
        List<String> dirs = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (dirs.isEmpty()) dirs = List.of(cwd);
        for (String d : dirs) {
          String path = ContainerFilesystem.normalise(d, cwd);
          Optional<List<String>> names = ctx.filesystem().list(path);
          if (names.isPresent()) {
            if (dirs.size() > 1) stdout.write(d + ":\n");
            for (String n : names.get()) stdout.write(n + "\n");
          } else if (ctx.filesystem().read(path).isPresent()) {
            stdout.write(d + "\n");
          } else {
            stderr.write("ls: cannot access '" + d + "': No such file or directory\n");
            status = 2;
          }
        }
      }
      case "touch" -> {
        for (String f : args) {
          String p = ContainerFilesystem.normalise(f, cwd);
          if (ctx.filesystem().read(p).isEmpty()) ctx.filesystem().write(p, "", true);
        }
        status = 0;
      }
      case "mkdir" -> status = 0;
      case "date" -> {
        java.time.Instant t = ctx.startedAt().plus(now);
        stdout.write((args.isEmpty() || !args.get(0).startsWith("+") ? DATE.format(t) : DateFormat.format(args.get(0).substring(1), t)) + "\n");
        status = 0;
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private void sleep(List<String> args, Output stderr) {
    if (args.isEmpty()) {
      stderr.write("sleep: missing operand\nTry 'sleep --help' for more information.\n");
      status = 1;
      return;
    }
    Duration total = Duration.ZERO;
    for (String a : args) {
      if (a.equals("infinity") || a.equals("inf")) {
        forever();
        return;
      }
      var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)([smhd]?)").matcher(a);
      if (!m.matches()) {
        stderr.write("sleep: invalid time interval '" + a + "'\nTry 'sleep --help' for more information.\n");
        status = 1;
        return;
      }
      double unit = switch (m.group(2)) { case "m" -> 60; case "h" -> 3600; case "d" -> 86400; default -> 1; };
      total = total.plus(Duration.ofNanos(Math.round(Double.parseDouble(m.group(1)) * unit * 1e9)));
    }
    now = now.plus(total);
    status = 0;
  }

  // ---- expansion

  /** Expands $VAR/${VAR}/$?/$$ in bare and double-quoted parts; bare results are split into fields. */
  private List<String> expand(Word w) {
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean has = false;
    for (Part p : w.parts()) {
      if (p.quote() == '\'') {
        cur.append(p.text());
        has = true;
        continue;
      }
      String text = substitute(p.text(), p.quote() == '"');
      if (p.quote() == '"') {
        cur.append(text);
        has = true;
        continue;
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == ' ' || c == '\t' || c == '\n') {
          if (has) fields.add(cur.toString());
          cur.setLength(0);
          has = false;
        } else {
          cur.append(c);
          has = true;
        }
      }
    }
    if (has) fields.add(cur.toString());
    return fields;
  }

  private String substitute(String s, boolean quoted) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted && c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '$') {
        b.append('$');
        i++;
      } else if (c == '$' && i + 1 < s.length()) {
        char n = s.charAt(i + 1);
        if (n == '{') {
          int end = s.indexOf('}', i);
          if (end < 0) {
            b.append(c);
            continue;
          }
          String expr = s.substring(i + 2, end);
          int dash = expr.indexOf(":-");
          String value = dash >= 0 ? vars.get(expr.substring(0, dash)) : vars.get(expr);
          if ((value == null || value.isEmpty()) && dash >= 0) value = expr.substring(dash + 2);
          b.append(value == null ? "" : value);
          i = end;
        } else if (n == '?') {
          b.append(status);
          i++;
        } else if (n == '$') {
          b.append(1);
          i++;
        } else if (Character.isLetterOrDigit(n) || n == '_') {
          int j = i + 1;
          if (Character.isDigit(n)) {
            j = i + 2;
          } else {
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
          }
          String v = vars.get(s.substring(i + 1, j));
          b.append(v == null ? "" : v);
          i = j - 1;
        } else {
          b.append(c);
        }
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private record Escaped(String text, boolean stop) {}

  private static Escaped unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case '\\' -> b.append('\\');
        case 'a' -> b.append('\007');
        case 'r' -> b.append('\r');
        case 'c' -> {
          return new Escaped(b.toString(), true);
        }
        default -> b.append('\\').append(n);
      }
    }
    return new Escaped(b.toString(), false);
  }

  // ---- output and termination

  @FunctionalInterface
  private interface Output {
    void write(String text);
  }

  private void write(int fd, String[] targets, String text) {
    if (targets != null && targets[fd] != null) {
      ctx.filesystem().write(targets[fd], text, true);
    } else if (fd == 2 && execErr != null) {
      execErr.append(text);
    } else {
      emit(text);
    }
  }

  private void stderr(String line) {
    if (execErr != null) {
      execErr.append(line).append('\n');
      return;
    }
    emit(line + "\n");
  }

  /** Appends stdout text to the log, cutting it into lines stamped when their newline is written. */
  private void emit(String text) {
    if (execOut != null) {
      execOut.append(text);
      return;
    }
    for (char c : text.toCharArray()) {
      if (c == '\n') {
        out.add(new ProcessPlan.Line(now, partial.toString()));
        partial.setLength(0);
      } else {
        partial.append(c);
      }
    }
  }

  private void emitLine(Duration at, String text) {
    if (execOut != null) {
      execOut.append(text).append('\n');
      return;
    }
    out.add(new ProcessPlan.Line(at, text));
  }

  private void flushPartial() {
    if (partial.length() > 0) {
      out.add(new ProcessPlan.Line(now, partial.toString()));
      partial.setLength(0);
    }
  }

  private void finish(int code) {
    if (stopped) return;
    stopped = true;
    exitCode = code;
    status = code;
  }

  private void forever() {
    if (stopped) return;
    stopped = true;
    exitCode = null;
  }

  private static String basename(String path) {
    int slash = path.lastIndexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  }
}
