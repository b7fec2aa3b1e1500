package io.kubetutor.lesson.check;

/**
 * A declarative predicate a step uses to decide whether the student did the exercise. Checks read
 * only the {@code Cluster} port, the session history and workspace files (through
 * {@link CheckContext}), so the same lesson grades on the simulator and on a real cluster.
 */
public interface Check {

  /** What is checked, in a few words, e.g. {@code 4 pods with app=hello-app are Running}. */
  String description();

  /** The instructor's message shown when the check fails (or a generated one). */
  String failureMessage();

  /** Evaluates the check now; never throws for an ordinary failure. */
  CheckResult evaluate(CheckContext context);
}
