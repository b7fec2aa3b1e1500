package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;

/**
 * Stores hand-made objects with the status a test needs. An apiserver drops status on create, so
 * it is written afterwards through the status subresource (or a plain update where there is none).
 */
final class StatusFixtures {

  private StatusFixtures() {}

  static void store(Cluster cluster, Pod pod) {
    Pod created = (Pod) cluster.create(pod, Cluster.DryRun.NONE);
    Pod copy = Objects.copy(created);
    copy.setStatus(pod.getStatus());
    write(cluster, copy);
  }

  static void store(Cluster cluster, Deployment d) {
    Deployment created = (Deployment) cluster.create(d, Cluster.DryRun.NONE);
    setStatus(cluster, created, d);
  }

  /** Gives the stored deployment the status of {@code wanted}. */
  static void setStatus(Cluster cluster, Deployment current, Deployment wanted) {
    Deployment copy = Objects.copy(current);
    copy.setStatus(Objects.copy(wanted).getStatus());
    write(cluster, copy);
  }

  static Deployment deployment(Cluster cluster, String name) {
    return (Deployment) cluster.get(ResourceKind.DEPLOYMENT, "default", name);
  }

  private static void write(Cluster cluster, HasMetadata object) {
    try {
      cluster.updateStatus(object);
    } catch (ClusterException e) {
      if (e.code() != 405) throw e;
      cluster.update(object, Cluster.DryRun.NONE);
    }
  }
}
