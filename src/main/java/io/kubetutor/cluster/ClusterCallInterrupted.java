package io.kubetutor.cluster;

/**
 * A call to the cluster abandoned because the user pressed Ctrl-C. kubectl dies of SIGINT there and
 * prints nothing, so this carries no text for the user: the dispatcher turns it into status 130.
 */
public final class ClusterCallInterrupted extends ClusterException {
  public ClusterCallInterrupted() {
    super(0, "", "interrupted");
  }
}
