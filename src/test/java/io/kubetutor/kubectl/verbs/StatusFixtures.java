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
    cluster.create(pod, Cluster.DryRun.NONE);
    for (int attempt = 0; ; attempt++) {
      // Controllers may touch the new pod first: write onto the latest version.
      Pod copy = Objects.copy((Pod) cluster.get(ResourceKind.POD, "default", pod.getMetadata().getName()));
      copy.setStatus(pod.getStatus());
      try {
        write(cluster, copy);
        return;
      } catch (ClusterException e) {
        if (!e.isConflict() || attempt == 3) throw e;
      }
    }
  }

  static void store(Cluster cluster, Deployment d) {
    cluster.create(d, Cluster.DryRun.NONE);
    setStatus(cluster, deployment(cluster, d.getMetadata().getName()), d);
  }

  /** Gives the stored deployment the status of {@code wanted}. */
  static void setStatus(Cluster cluster, Deployment current, Deployment wanted) {
    for (int attempt = 0; ; attempt++) {
      Deployment copy = Objects.copy(deployment(cluster, current.getMetadata().getName()));
      copy.setStatus(Objects.copy(wanted).getStatus());
      try {
        write(cluster, copy);
        return;
      } catch (ClusterException e) {
        if (!e.isConflict() || attempt == 3) throw e;
      }
    }
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
