package io.kubetutor.shell;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a session runs: the global command-line options after defaults are applied.
 *
 * @param clock      {@code realtime} or {@code virtual}; null picks realtime on a terminal, else virtual
 * @param grading    true inside the grader: built-ins that reach the host are refused
 */
public record SessionOptions(
    String context,
    String namespace,
    long seed,
    String clock,
    Duration thinkTime,
    Path workdir,
    boolean color,
    boolean debug,
    boolean interactive,
    boolean grading,
    Path kubeconfig,
    Path stateDir) {

  public static SessionOptions forTests(Path workdir) {
    return new SessionOptions("sim", null, 1, "virtual", Duration.ofSeconds(5), workdir, false, false, false, false,
        null, null);
  }

  public boolean realtime() {
    return "realtime".equals(clock);
  }

  public SessionOptions withGrading(boolean grading) {
    return new SessionOptions(context, namespace, seed, clock, thinkTime, workdir, color, debug, interactive, grading,
        kubeconfig, stateDir);
  }
}
