package io.kubetutor.lesson;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.Objects;
import java.time.Instant;

/** Objects created directly through the port, with the status a test needs. */
final class Fixtures {

  private Fixtures() {}

  static Pod pod(String name, String app, String phase) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("default").addToLabels("app", app).endMetadata()
        // No scheduler serves this name, so no kubelet ever overwrites the status the test sets.
        .withNewSpec().withSchedulerName("lesson-test-unscheduled").addNewContainer().withName("c").withImage("busybox")
        .endContainer().endSpec()
        .withNewStatus().withPhase(phase).endStatus().build();
  }

  static Deployment deployment(String name, int replicas) {
    return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata().withNewSpec().addNewContainer()
        .withName("c").withImage("busybox").endContainer().endSpec().endTemplate().endSpec().build();
  }

  static HasMetadata event(String name, String reason, String kind, String object, Instant at) {
    return new EventBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withReason(reason).withNewInvolvedObject().withKind(kind).withName(object).withNamespace("default")
        .endInvolvedObject().withLastTimestamp(at.toString()).withFirstTimestamp(at.toString()).build();
  }

  /** Creates the object and makes its status stick on backends where create resets it. */
  static HasMetadata put(Cluster cluster, HasMetadata object) {
    HasMetadata created = cluster.create(object, Cluster.DryRun.NONE);
    if (object instanceof Pod p && p.getStatus() != null) {
      Pod withStatus = (Pod) Objects.copy(cluster.get(io.kubetutor.cluster.ResourceKind.POD,
          created.getMetadata().getNamespace(), created.getMetadata().getName()));
      withStatus.setStatus(p.getStatus());
      try {
        return cluster.updateStatus(withStatus);
      } catch (ClusterException e) {
        if (e.code() != 405) throw e; // a backend without the status subresource kept the status on create
      }
    }
    return created;
  }
}
