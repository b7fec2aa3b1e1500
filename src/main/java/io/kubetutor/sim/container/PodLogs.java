package io.kubetutor.sim.container;

import java.util.Optional;

/**
 * Where {@code SimCluster.logs} reads container output: the kubelet keeps the log of the current
 * and the previous run of every container of the pods it runs.
 */
public interface PodLogs {

  /** The log of a container's current run ({@code previous == false}) or the run before it; empty if there is none. */
  Optional<ContainerLog> log(String namespace, String pod, String container, boolean previous);
}
