package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Session;
import java.nio.file.Path;

/** Path handling shared by the file built-ins: relative to the session's directory, kept inside it while grading. */
final class Workspace {

  private Workspace() {}

  /** Thrown for a path a built-in may not touch; the message is printed after the command name. */
  static final class Refused extends Exception {
    Refused(String message) { super(message); }
  }

  /** Resolves {@code arg} against the working directory ({@code ~} is the home directory). */
  static Path resolve(Session session, String arg) throws Refused {
    Path p;
    if (arg.equals("~") || arg.startsWith("~/")) {
      p = Path.of(System.getProperty("user.home")).resolve(arg.length() > 2 ? arg.substring(2) : "");
    } else {
      p = session.workdir().resolve(arg);
    }
    p = p.toAbsolutePath().normalize();
    if (session.options().grading() && !io.kubetutor.util.WorkspaceBounds.contains(session.options().workdir(), p)) {
      throw new Refused(arg + ": outside the workspace while grading");
    }
    return p;
  }

  /** Splits {@code -abc} style flags from operands; {@code --} ends flags. Unknown flags are reported by the caller. */
  record Parsed(String flags, java.util.List<String> operands) {
    boolean has(char c) { return flags.indexOf(c) >= 0; }
  }

  static Parsed parse(java.util.List<String> args) {
    StringBuilder flags = new StringBuilder();
    java.util.List<String> operands = new java.util.ArrayList<>();
    boolean done = false;
    for (String a : args) {
      if (!done && a.equals("--")) {
        done = true;
      } else if (!done && a.startsWith("-") && a.length() > 1) {
        flags.append(a, 1, a.length());
      } else {
        operands.add(a);
      }
    }
    return new Parsed(flags.toString(), operands);
  }

  /** The first flag not in {@code allowed}, or 0. */
  static char unknownFlag(Parsed p, String allowed) {
    for (char c : p.flags().toCharArray()) if (allowed.indexOf(c) < 0) return c;
    return 0;
  }
}
