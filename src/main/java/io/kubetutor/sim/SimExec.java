package io.kubetutor.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kubectl exec} in the simulator: checks the pod and container as the apiserver and kubelet
 * do, then runs the command with a small interpreter (echo, pwd, cd, env, hostname, ls, cat, true,
 * false, exit; {@code sh -c} scripts joined by {@code ;} and {@code &&}). Nothing runs on the host.
 * This is the minimal hook; the node simulation's container interpreter is meant to replace it.
 */
public final class SimExec {

  private static final List<String> SHELLS = List.of("sh", "bash", "ash", "/bin/sh", "/bin/bash", "/bin/ash",
      "/usr/bin/bash");

  private SimExec() {}

  /** Checks that {@code container} of {@code pod} is running and returns its name (the default when null). */
  public static String runningContainer(Pod pod, String container) {
    String podName = pod.getMetadata().getName();
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      throw new ClusterException(400, "BadRequest",
          "cannot exec into a container in a completed pod; current phase is " + phase);
    }
    String name = container != null ? container : pod.getSpec().getContainers().get(0).getName();
    boolean known = pod.getSpec().getContainers().stream().anyMatch(c -> c.getName().equals(name));
    if (!known) throw ClusterException.badRequest("container " + name + " is not valid for pod " + podName);
    ContainerStatus status = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null ? null
        : pod.getStatus().getContainerStatuses().stream().filter(s -> name.equals(s.getName())).findFirst().orElse(null);
    if (status == null || status.getState() == null || status.getState().getRunning() == null) {
      throw new ClusterException(400, "BadRequest", "unable to upgrade connection: container not found (\"" + name + "\")");
    }
    return name;
  }

  /** Runs {@code command} in the (running) container; the pod gives hostname and environment. */
  public static Cluster.ExecResult run(Pod pod, String container, List<String> command) {
    Container spec = pod.getSpec().getContainers().stream().filter(c -> c.getName().equals(container))
        .findFirst().orElseThrow();
    Map<String, String> env = new TreeMap<>();
    env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("HOSTNAME", pod.getMetadata().getName());
    env.put("HOME", "/root");
    if (spec.getEnv() != null) {
      for (EnvVar e : spec.getEnv()) env.put(e.getName(), e.getValue() == null ? "" : e.getValue());
    }
    Interpreter in = new Interpreter(pod.getMetadata().getName(), env,
        spec.getWorkingDir() == null || spec.getWorkingDir().isEmpty() ? "/" : spec.getWorkingDir());
    if (command.isEmpty()) throw ClusterException.badRequest("you must specify at least one command for the container");
    String program = command.get(0);
    if (SHELLS.contains(program)) {
      String shell = program.substring(program.lastIndexOf('/') + 1);
      if (command.size() >= 3 && command.get(1).equals("-c")) return in.script(shell, command.get(2));
      return new Cluster.ExecResult("", "", 0);  // a shell with no input ends at once
    }
    int code = in.command(null, command);
    if (code == 127) {
      throw new ClusterException(500, "InternalError", "Internal error occurred: error executing command in container: "
          + "failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to "
          + "start container process: exec: \"" + program + "\": executable file not found in $PATH: unknown");
    }
    return in.result(code);
  }

  /** The little shell: state (cwd) lives for one exec, as in a fresh process. */
  private static final class Interpreter {
    private final String hostname;
    private final Map<String, String> env;
    private String cwd;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
      FILES.put("/etc/os-release", "NAME=\"Linux\"\nID=linux\n");
      FILES.put("/etc/resolv.conf", "search default.svc.cluster.local svc.cluster.local cluster.local\n"
          + "nameserver 10.96.0.10\noptions ndots:5\n");
    }

    Interpreter(String hostname, Map<String, String> env, String cwd) {
      this.hostname = hostname;
      this.env = env;
      this.cwd = cwd;
    }

    Cluster.ExecResult result(int code) {
      return new Cluster.ExecResult(out.toString(), err.toString(), code);
    }

    Cluster.ExecResult script(String shell, String script) {
      int code = 0;
      for (String statement : script.split(";|\\n")) {
        boolean ok = true;
        for (String part : statement.split("&&")) {
          if (!ok) break;
          List<String> argv = words(part);
          if (argv.isEmpty()) continue;
          if (argv.get(0).equals("exit")) {
            return result(argv.size() > 1 ? parse(argv.get(1)) : code);
          }
          code = command(shell, argv);
          if (code == 127) err.append(shell).append(": ").append(argv.get(0)).append(": command not found\n");
          ok = code == 0;
        }
      }
      return result(code);
    }

    int command(String shell, List<String> argv) {
      String name = argv.get(0);
      String program = name.substring(name.lastIndexOf('/') + 1);
      List<String> args = argv.subList(1, argv.size());
      switch (program) {
        case "echo" -> out.append(String.join(" ", args)).append('\n');
        case "pwd" -> out.append(cwd).append('\n');
        case "hostname" -> out.append(hostname).append('\n');
        case "env", "printenv" -> env.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        case "true" -> { }
        case "false" -> { return 1; }
        case "cd" -> {
          String target = args.isEmpty() ? env.getOrDefault("HOME", "/") : resolve(args.get(0));
          if (!isDirectory(target)) {
            err.append(shell == null ? "cd" : shell).append(": cd: ").append(args.get(0)).append(": No such file or directory\n");
            return 1;
          }
          cwd = target;
        }
        case "ls" -> {
          String dir = args.isEmpty() ? cwd : resolve(args.get(0));
          List<String> entries = list(dir);
          if (entries == null) {
            err.append("ls: cannot access '").append(args.get(0)).append("': No such file or directory\n");
            return 2;
          }
          for (String e : entries) out.append(e).append('\n');
        }
        case "cat" -> {
          int code = 0;
          for (String a : args) {
            String content = read(resolve(a));
            if (content == null) {
              err.append("cat: ").append(a).append(": No such file or directory\n");
              code = 1;
            } else {
              out.append(content);
            }
          }
          return code;
        }
        default -> { return 127; }
      }
      return 0;
    }

    private String read(String path) {
      if (path.equals("/etc/hostname")) return hostname + "\n";
      if (path.equals("/etc/hosts")) return "127.0.0.1\tlocalhost\n" + "::1\tlocalhost ip6-localhost ip6-loopback\n";
      return FILES.get(path);
    }

    private static final List<String> ROOT = List.of("bin", "boot", "dev", "etc", "home", "lib", "media", "mnt", "opt",
        "proc", "root", "run", "sbin", "srv", "sys", "tmp", "usr", "var");

    private List<String> list(String dir) {
      if (dir.equals("/")) return ROOT;
      if (dir.equals("/etc")) return List.of("hostname", "hosts", "os-release", "resolv.conf");
      if (isDirectory(dir)) return List.of();
      return null;
    }

    private boolean isDirectory(String path) {
      if (path.equals("/") || path.equals("/etc")) return true;
      return ROOT.contains(path.substring(1));
    }

    private String resolve(String p) {
      String abs = p.startsWith("/") ? p : (cwd.endsWith("/") ? cwd : cwd + "/") + p;
      List<String> parts = new ArrayList<>();
      for (String s : abs.split("/")) {
        if (s.isEmpty() || s.equals(".")) continue;
        if (s.equals("..")) {
          if (!parts.isEmpty()) parts.remove(parts.size() - 1);
        } else {
          parts.add(s);
        }
      }
      return "/" + String.join("/", parts);
    }

    private List<String> words(String text) {
      List<String> words = new ArrayList<>();
      StringBuilder w = new StringBuilder();
      boolean inWord = false;
      char quote = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quote != 0) {
          if (c == quote) quote = 0;
          else if (c == '$' && quote == '"') i = variable(text, i, w);
          else w.append(c);
        } else if (c == '\'' || c == '"') {
          quote = c;
          inWord = true;
        } else if (Character.isWhitespace(c)) {
          if (inWord) words.add(w.toString());
          w.setLength(0);
          inWord = false;
        } else if (c == '$') {
          i = variable(text, i, w);
          inWord = true;
        } else {
          w.append(c);
          inWord = true;
        }
      }
      if (inWord) words.add(w.toString());
      return words;
    }

    /** Appends the value of $NAME or ${NAME} starting at {@code i}; returns the index of its last character. */
    private int variable(String text, int i, StringBuilder w) {
      int start = i + 1;
      boolean braces = start < text.length() && text.charAt(start) == '{';
      int j = braces ? start + 1 : start;
      while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) j++;
      String name = text.substring(braces ? start + 1 : start, j);
      if (name.isEmpty()) {
        w.append('$');
        return i;
      }
      w.append(env.getOrDefault(name, ""));
      return braces && j < text.length() && text.charAt(j) == '}' ? j : j - 1;
    }

    private static int parse(String s) {
      try {
        return Integer.parseInt(s) & 0xff;
      } catch (NumberFormatException e) {
        return 2;
      }
    }
  }
}
