package io.kubetutor.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.LogOptions;
import io.kubetutor.cluster.ResourceKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kubelet registered in the real engine: a pod bound to a worker runs, logs, and is deleted gracefully. */
class KubeletOnEngineTest {

  private static Pod hello(String name, String node) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withNewSpec().withNodeName(node)
        .addNewContainer().withName("hello").withImage("ubuntu:22.04")
        .withCommand(List.of("sh", "-c", "echo \"Hello, Kubernetes!\" && sleep 3600")).endContainer()
        .endSpec().build();
  }

  @Test
  void helloPodRunsLogsAndTakesItsGracePeriodToDelete() {
    try (SimCluster sim = new SimCluster(SimOptions.virtual(1))) {
      sim.create(hello("hello", Bootstrap.WORKERS.get(0)), Cluster.DryRun.NONE);
      assertThatThrownBy(() -> sim.logs("default", "hello", LogOptions.DEFAULT))
          .isInstanceOf(ClusterException.class)
          .hasMessageContaining("container \"hello\" in pod \"hello\" is waiting to start: ContainerCreating");

      sim.advance(Duration.ofSeconds(20));

      Pod pod = (Pod) sim.get(ResourceKind.POD, "default", "hello");
      assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
      assertThat(pod.getStatus().getPodIP()).startsWith("10.244.1.");
      assertThat(sim.logs("default", "hello", LogOptions.DEFAULT)).isEqualTo("Hello, Kubernetes!\n");
      assertThat(sim.images().tags()).containsKey("docker.io/library/ubuntu:22.04");

      sim.delete(ResourceKind.POD, "default", "hello", DeleteOptions.DEFAULT);
      sim.advance(Duration.ofSeconds(29));
      assertThat(sim.get(ResourceKind.POD, "default", "hello")).isNotNull();
      sim.advance(Duration.ofSeconds(2));
      assertThatThrownBy(() -> sim.get(ResourceKind.POD, "default", "hello")).isInstanceOf(ClusterException.class);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * A container that runs for an hour, exits and restarts: its back-off is reset by the long run, so every
   * restart is immediate (the kubelet's back-off entry expires), a day of it never fails, and the count grows.
   */
  @Test
  void longRunningContainerRestartsAtOnceEveryTimeItExits() {
    try (SimCluster sim = new SimCluster(SimOptions.virtual(1))) {
      sim.create(hello("hello", Bootstrap.WORKERS.get(0)), Cluster.DryRun.NONE);
      sim.advance(Duration.ofHours(24));

      Pod pod = (Pod) sim.get(ResourceKind.POD, "default", "hello");
      var status = pod.getStatus().getContainerStatuses().get(0);
      assertThat(status.getRestartCount()).isBetween(22, 24);
      assertThat(status.getState().getRunning()).isNotNull();
      assertThat(status.getLastState().getTerminated().getExitCode()).isZero();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
