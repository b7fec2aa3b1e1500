package io.kubetutor.print;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Instant;

/** Objects for printer tests, built directly; every test uses the same fixed "now". */
public final class Fixtures {

  public static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

  private Fixtures() {}

  /** An RFC 3339 timestamp {@code seconds} before {@link #NOW}. */
  public static String ago(long seconds) {
    return NOW.minusSeconds(seconds).toString();
  }

  public static ContainerStatus running(String name, boolean ready, int restarts) {
    return new ContainerStatusBuilder().withName(name).withReady(ready).withRestartCount(restarts)
        .withNewState().withNewRunning().withStartedAt(ago(60)).endRunning().endState().build();
  }

  public static Pod pod(String name, long ageSeconds, ContainerStatus... statuses) {
    PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace("default")
        .withCreationTimestamp(ago(ageSeconds)).addToLabels("app", "hello").endMetadata()
        .withNewSpec().withNodeName("kubetutor-worker").endSpec()
        .withNewStatus().withPhase("Running").withPodIP("10.244.0.5").endStatus();
    for (ContainerStatus s : statuses) {
      b.editSpec().addNewContainer().withName(s.getName()).withImage("nginx:1.27").endContainer().endSpec();
      b.editStatus().addToContainerStatuses(s).endStatus();
    }
    return b.build();
  }

  public static Deployment deployment(String name, int replicas, int ready, long ageSeconds) {
    return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace("default")
        .withCreationTimestamp(ago(ageSeconds)).addToLabels("app", name).endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().addNewContainer().withName(name).withImage("nginx:1.27").endContainer().endSpec()
        .endTemplate().endSpec()
        .withNewStatus().withReplicas(replicas).withReadyReplicas(ready == 0 ? null : ready)
        .withUpdatedReplicas(replicas).withAvailableReplicas(ready == 0 ? null : ready).endStatus()
        .build();
  }
}
