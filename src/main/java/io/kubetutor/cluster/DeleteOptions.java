package io.kubetutor.cluster;

/**
 * Options of a DELETE call. {@code gracePeriodSeconds == null} means the object's own
 * (a pod's {@code terminationGracePeriodSeconds}); 0 means immediately.
 */
public record DeleteOptions(Long gracePeriodSeconds, Propagation propagation, Cluster.DryRun dryRun) {

  /** How dependents are handled (the garbage collector's modes). */
  public enum Propagation { BACKGROUND, FOREGROUND, ORPHAN }

  public static final DeleteOptions DEFAULT = new DeleteOptions(null, Propagation.BACKGROUND, Cluster.DryRun.NONE);

  public DeleteOptions withGracePeriod(Long seconds) {
    return new DeleteOptions(seconds, propagation, dryRun);
  }
}
