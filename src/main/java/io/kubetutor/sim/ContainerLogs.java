package io.kubetutor.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubetutor.cluster.LogOptions;

/**
 * Where {@code kubectl logs} reads a simulated container's output. The kubelet implements it (a
 * controller registered in {@code Controllers} that also implements this interface is used by
 * {@link SimCluster#logs}). Called under the engine lock with a pod that has a node.
 */
public interface ContainerLogs {

  /**
   * The log text of {@code container} (already resolved to a container of the pod) as the kubelet
   * serves it, honouring previous/timestamps/since/tail; throws a {@code ClusterException} such as
   * BadRequest "is waiting to start" when there is nothing to read yet.
   */
  String logs(Pod pod, String container, LogOptions options);
}
