package io.kubetutor.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubetutor.cluster.ClusterException;

/**
 * The apiserver's and kubelet's answers to an exec request the simulator cannot serve, worded as
 * a real cluster words them, so the student sees the same errors on both backends.
 */
final class ExecChecks {

  private ExecChecks() {}

  /** Checks phase and container name as the apiserver does; returns the container (the first when null). */
  static String runningContainer(Pod pod, String container) {
    String podName = pod.getMetadata().getName();
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      throw ClusterException.badRequest("cannot exec into a container in a completed pod; current phase is " + phase);
    }
    String name = container != null ? container : pod.getSpec().getContainers().get(0).getName();
    if (pod.getSpec().getContainers().stream().noneMatch(c -> c.getName().equals(name))) {
      throw ClusterException.badRequest("container " + name + " is not valid for pod " + podName);
    }
    return name;
  }

  /** The kubelet has no running container of that name (still creating, crashed, or back-off). */
  static ClusterException notRunning(String container) {
    return ClusterException.badRequest("unable to upgrade connection: container not found (\"" + container + "\")");
  }

  /** The runtime could not find the program in the image. */
  static ClusterException notInPath(String program) {
    return new ClusterException(500, "InternalError", "Internal error occurred: error executing command in container: "
        + "failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to "
        + "start container process: exec: \"" + program + "\": executable file not found in $PATH: unknown");
  }
}
