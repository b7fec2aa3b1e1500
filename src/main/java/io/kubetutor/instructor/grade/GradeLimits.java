package io.kubetutor.instructor.grade;

import java.time.Duration;

/**
 * How far one transcript may go while it is graded, so that a huge or hostile transcript (100,000
 * lines, {@code sim advance 24h} in a loop, a command that prints without end) costs bounded wall
 * time and memory. Whatever trips first stops the replay; the checks are scored on what ran, and the
 * report says which limit stopped it.
 *
 * @param maxCommands      commands replayed at most
 * @param maxSimulatedTime simulated time that may pass in total (think time, {@code sim advance}, waits)
 * @param maxOutputChars   characters the commands may print (stdout and stderr together); output is counted, not kept
 */
public record GradeLimits(int maxCommands, Duration maxSimulatedTime, long maxOutputChars) {

  /** Ample for any lesson of the course (about 40 commands, minutes of simulated time, a few KB of output). */
  public static final GradeLimits DEFAULT = new GradeLimits(2_000, Duration.ofHours(48), 16L * 1024 * 1024);

  public GradeLimits {
    if (maxCommands < 1 || maxSimulatedTime.isNegative() || maxSimulatedTime.isZero() || maxOutputChars < 1) {
      throw new IllegalArgumentException("grading limits must be positive");
    }
  }
}
