package io.kubetutor.sim.images;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a Dockerfile that decide how a simulated image starts: FROM, ENTRYPOINT, CMD
 * (exec and shell form), EXPOSE, ENV, WORKDIR. RUN/COPY/ADD only count as build steps; nothing is
 * executed.
 */
public record Dockerfile(String from, List<String> entrypoint, List<String> cmd, List<Integer> exposedPorts,
                         Map<String, String> env, String workingDir, List<String> steps) {

  /** Thrown for a Dockerfile BuildKit would reject; the message is BuildKit's. */
  public static final class Invalid extends Exception {
    public Invalid(String message) {
      super(message);
    }
  }

  public static Dockerfile parse(String text) throws Invalid {
    String from = null;
    List<String> entrypoint = null;
    List<String> cmd = null;
    List<Integer> ports = new ArrayList<>();
    Map<String, String> env = new LinkedHashMap<>();
    String workdir = null;
    List<String> steps = new ArrayList<>();
    String joined = text.replace("\\\r\n", " ").replace("\\\n", " ");
    int lineNo = 0;
    for (String raw : joined.split("\n")) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      int sp = line.indexOf(' ');
      String instr = (sp < 0 ? line : line.substring(0, sp)).toUpperCase();
      String rest = sp < 0 ? "" : line.substring(sp + 1).strip();
      if (from == null && !instr.equals("FROM") && !instr.equals("ARG")) {
        throw new Invalid("failed to solve: no build stage in current context");
      }
      switch (instr) {
        case "FROM" -> {
          from = rest.split("\\s+")[0];
          entrypoint = null;
          cmd = null;
        }
        case "CMD" -> cmd = command(rest);
        case "ENTRYPOINT" -> entrypoint = command(rest);
        case "EXPOSE" -> {
          for (String p : rest.split("\\s+")) {
            try {
              ports.add(Integer.parseInt(p.replaceAll("/(tcp|udp)$", "")));
            } catch (NumberFormatException e) {
              throw new Invalid("failed to solve: failed to process \"" + p + "\": invalid containerPort: " + p);
            }
          }
        }
        case "ENV" -> {
          if (rest.contains("=")) {
            for (String kv : rest.split("\\s+")) {
              int eq = kv.indexOf('=');
              if (eq > 0) env.put(kv.substring(0, eq), kv.substring(eq + 1).replaceAll("^\"|\"$", ""));
            }
          } else if (rest.contains(" ")) {
            env.put(rest.substring(0, rest.indexOf(' ')), rest.substring(rest.indexOf(' ') + 1).strip());
          }
        }
        case "WORKDIR" -> workdir = rest;
        case "RUN", "COPY", "ADD", "ARG", "LABEL", "USER", "VOLUME", "SHELL", "HEALTHCHECK", "STOPSIGNAL", "ONBUILD" -> { }
        default -> throw new Invalid("failed to solve: dockerfile parse error on line " + lineNo + ": unknown instruction: " + instr);
      }
      steps.add(instr + (rest.isEmpty() ? "" : " " + rest));
    }
    if (from == null) throw new Invalid("failed to solve: the Dockerfile cannot be empty");
    return new Dockerfile(from, entrypoint, cmd, ports, env, workdir, steps);
  }

  /** Exec form {@code ["a","b"]} as is; shell form wrapped in {@code /bin/sh -c}. */
  private static List<String> command(String rest) throws Invalid {
    if (rest.startsWith("[")) {
      try {
        List<String> argv = new ArrayList<>();
        for (var node : io.kubetutor.cluster.Objects.JSON.readTree(rest)) argv.add(node.asText());
        return argv;
      } catch (Exception e) {
        // Docker falls back to the shell form when the JSON does not parse.
      }
    }
    return List.of("/bin/sh", "-c", rest);
  }
}
