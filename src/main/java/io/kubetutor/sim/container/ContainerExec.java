package io.kubetutor.sim.container;

import java.util.Optional;

/**
 * Where {@code SimCluster.exec} finds a running container's context: the kubelet that runs it hands
 * out the same environment and filesystem (volumes included) its main process got, so an exec'd
 * command reads what the container wrote.
 */
public interface ContainerExec {

  /** The context of the current run of {@code container}; empty when it is not running on this kubelet. */
  Optional<ContainerContext> execContext(String namespace, String pod, String container);
}
