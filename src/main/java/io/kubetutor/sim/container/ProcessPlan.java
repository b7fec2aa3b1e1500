package io.kubetutor.sim.container;

import java.time.Duration;
import java.util.List;

/**
 * What a simulated container process does over its life, worked out when it starts: the lines it
 * writes (stdout and stderr, as the runtime interleaves them into one log) at offsets from the
 * start, and whether and when it exits. {@code exitAfter == null} means it runs until killed.
 * {@code handlesSigterm} says whether SIGTERM stops it at once; a shell or an unknown program as
 * PID 1 has no handler, so the kernel ignores the signal and the kubelet waits the whole grace period.
 */
public record ProcessPlan(List<Line> output, Duration exitAfter, int exitCode, boolean handlesSigterm) {

  /** One log line at an offset from the process start. */
  public record Line(Duration at, String text) {}

  public ProcessPlan {
    output = List.copyOf(output);
  }

  public boolean runsForever() {
    return exitAfter == null;
  }
}
