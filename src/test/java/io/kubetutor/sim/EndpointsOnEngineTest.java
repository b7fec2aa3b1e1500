package io.kubetutor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.ResourceKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointsOnEngineTest {

  private static Pod pod(String name, String image, String node, String... command) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("default").withLabels(Map.of("app", "hello")).endMetadata()
        .withNewSpec().withNodeName(node)
        .addNewContainer().withName("c").withImage(image).withCommand(command.length == 0 ? null : List.of(command))
        .addNewPort().withName("http").withContainerPort(8000).endPort().endContainer()
        .endSpec().build();
  }

  @Test
  void readyPodsAreAddressesCrashingOnesNotReadyAndDeletedOnesLeave() {
    try (SimCluster sim = new SimCluster(SimOptions.virtual(1))) {
      sim.create(new ServiceBuilder().withNewMetadata().withName("hello-svc").withNamespace("default").endMetadata()
          .withNewSpec().withSelector(Map.of("app", "hello"))
          .addNewPort().withName("web").withPort(80).withTargetPort(new IntOrString("http")).endPort().endSpec().build(), Cluster.DryRun.NONE);
      sim.create(pod("a", "wjallen/hello-fastapi:1.0", Bootstrap.WORKERS.get(0)), Cluster.DryRun.NONE);
      sim.create(pod("b", "wjallen/hello-fastapi:1.0", Bootstrap.WORKERS.get(1)), Cluster.DryRun.NONE);
      sim.create(pod("crash", "ubuntu:22.04", Bootstrap.WORKERS.get(2)), Cluster.DryRun.NONE);
      sim.advance(Duration.ofSeconds(60));

      Endpoints ep = (Endpoints) sim.get(ResourceKind.ENDPOINTS, "default", "hello-svc");
      assertThat(ep.getSubsets()).hasSize(1);
      EndpointSubset s = ep.getSubsets().get(0);
      assertThat(s.getAddresses()).extracting(a -> a.getTargetRef().getName()).containsExactly("a", "b");
      assertThat(s.getAddresses()).extracting(a -> a.getIp()).allMatch(ip -> ip.startsWith("10.244."));
      assertThat(s.getNotReadyAddresses()).extracting(a -> a.getTargetRef().getName()).containsExactly("crash");
      assertThat(s.getPorts()).singleElement().satisfies(p -> {
        assertThat(p.getPort()).isEqualTo(8000);
        assertThat(p.getName()).isEqualTo("web");
        assertThat(p.getProtocol()).isEqualTo("TCP");
      });

      sim.delete(ResourceKind.POD, "default", "a", DeleteOptions.DEFAULT);
      sim.advance(Duration.ofSeconds(1));
      ep = (Endpoints) sim.get(ResourceKind.ENDPOINTS, "default", "hello-svc");
      assertThat(ep.getSubsets().get(0).getAddresses()).extracting(a -> a.getTargetRef().getName()).containsExactly("b");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
