package io.kubetutor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The daemonset controller registered in the real engine, with the kubelets running its pods on the virtual clock. */
class DaemonSetOnEngineTest {

  private static DaemonSet agent(String image) {
    return new DaemonSetBuilder().withNewMetadata().withName("agent").withNamespace("default").endMetadata()
        .withNewSpec().withNewSelector().withMatchLabels(Map.of("app", "agent")).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "agent")).endMetadata()
        .withNewSpec().addNewContainer().withName("agent").withImage(image).endContainer().endSpec()
        .endTemplate().endSpec().build();
  }

  private static List<Pod> pods(SimCluster sim) {
    return sim.list(ResourceKind.POD, "default", Selector.of(Map.of("app", "agent")), null).stream()
        .map(Pod.class::cast).filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
  }

  @Test
  void onePodOnEachWorkerNoneOnTheTaintedControlPlane() {
    try (SimCluster sim = new SimCluster(SimOptions.virtual(1))) {
      sim.create(agent("nginx:1.27"), Cluster.DryRun.NONE);
      sim.advance(Duration.ofSeconds(60));

      List<Pod> pods = pods(sim);
      assertThat(pods).extracting(p -> p.getSpec().getNodeName())
          .containsExactlyInAnyOrderElementsOf(Bootstrap.WORKERS).doesNotContain(Bootstrap.CONTROL_PLANE);
      for (Pod p : pods) {
        assertThat(p.getMetadata().getName()).matches("agent-[bcdfghjklmnpqrstvwxz2456789]{5}");
        assertThat(p.getMetadata().getLabels()).containsKey("controller-revision-hash")
            .containsEntry("pod-template-generation", "1");
        assertThat(p.getSpec().getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
            .getNodeSelectorTerms().get(0).getMatchFields().get(0).getValues()).containsExactly(p.getSpec().getNodeName());
        assertThat(p.getStatus().getPhase()).isEqualTo("Running");
      }
      DaemonSet ds = (DaemonSet) sim.get(ResourceKind.DAEMONSET, "default", "agent");
      int n = Bootstrap.WORKERS.size();
      assertThat(List.of(ds.getStatus().getDesiredNumberScheduled(), ds.getStatus().getCurrentNumberScheduled(),
          ds.getStatus().getNumberReady(), ds.getStatus().getUpdatedNumberScheduled(), ds.getStatus().getNumberAvailable(),
          ds.getStatus().getNumberMisscheduled())).containsExactly(n, n, n, n, n, 0);
      long creates = sim.list(ResourceKind.EVENT, "default", null, null).stream().map(Event.class::cast)
          .filter(e -> e.getInvolvedObject().getName().equals("agent") && e.getReason().equals("SuccessfulCreate"))
          .count();
      assertThat(creates).isEqualTo(n);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aDeletedPodIsReplacedAndANewNodeGetsAPod() {
    try (SimCluster sim = new SimCluster(SimOptions.virtual(1))) {
      sim.create(agent("nginx:1.27"), Cluster.DryRun.NONE);
      sim.advance(Duration.ofSeconds(30));
      Pod victim = pods(sim).get(0);
      sim.delete(ResourceKind.POD, "default", victim.getMetadata().getName(), DeleteOptions.DEFAULT);
      sim.advance(Duration.ofSeconds(40));
      List<Pod> after = pods(sim);
      assertThat(after).hasSize(Bootstrap.WORKERS.size())
          .noneMatch(p -> p.getMetadata().getName().equals(victim.getMetadata().getName()))
          .anyMatch(p -> p.getSpec().getNodeName().equals(victim.getSpec().getNodeName()));

      sim.create(new NodeBuilder().withNewMetadata().withName("extra-worker")
          .withLabels(Map.of("kubernetes.io/hostname", "extra-worker")).endMetadata().build(), Cluster.DryRun.NONE);
      sim.advance(Duration.ofSeconds(5));
      assertThat(pods(sim)).extracting(p -> p.getSpec().getNodeName()).contains("extra-worker")
          .hasSize(Bootstrap.WORKERS.size() + 1);
      DaemonSet ds = (DaemonSet) sim.get(ResourceKind.DAEMONSET, "default", "agent");
      assertThat(ds.getStatus().getDesiredNumberScheduled()).isEqualTo(Bootstrap.WORKERS.size() + 1);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aTemplateChangeRollsOutToEveryNode() {
    try (SimCluster sim = new SimCluster(SimOptions.virtual(1))) {
      sim.create(agent("nginx:1.25"), Cluster.DryRun.NONE);
      sim.advance(Duration.ofSeconds(60));
      String oldHash = pods(sim).get(0).getMetadata().getLabels().get("controller-revision-hash");
      DaemonSet ds = io.kubetutor.cluster.Objects.copy((DaemonSet) sim.get(ResourceKind.DAEMONSET, "default", "agent"));
      ds.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.27");
      sim.update(ds, Cluster.DryRun.NONE);
      sim.advance(Duration.ofSeconds(1));
      // maxUnavailable 1: one node at a time.
      assertThat(pods(sim)).filteredOn(p -> !oldHash.equals(p.getMetadata().getLabels().get("controller-revision-hash")))
          .hasSize(1);
      sim.advance(Duration.ofSeconds(300));
      List<Pod> pods = pods(sim);
      assertThat(pods).hasSize(Bootstrap.WORKERS.size())
          .allMatch(p -> p.getSpec().getContainers().get(0).getImage().equals("nginx:1.27"))
          .allMatch(p -> p.getMetadata().getLabels().get("pod-template-generation").equals("2"));
      DaemonSet done = (DaemonSet) sim.get(ResourceKind.DAEMONSET, "default", "agent");
      assertThat(done.getStatus().getUpdatedNumberScheduled()).isEqualTo(Bootstrap.WORKERS.size());
      assertThat(done.getStatus().getNumberAvailable()).isEqualTo(Bootstrap.WORKERS.size());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aTolerationAdmitsTheControlPlaneAndANodeSelectorNarrowsTheNodes() {
    try (SimCluster sim = new SimCluster(SimOptions.virtual(1))) {
      DaemonSet everywhere = agent("nginx:1.27");
      everywhere.getSpec().getTemplate().getSpec().setTolerations(List.of(new io.fabric8.kubernetes.api.model.Toleration(
          "NoSchedule", "node-role.kubernetes.io/control-plane", "Exists", null, null)));
      sim.create(everywhere, Cluster.DryRun.NONE);
      DaemonSet one = agent("nginx:1.27");
      one.getMetadata().setName("picky");
      one.getSpec().getSelector().setMatchLabels(Map.of("app", "picky"));
      one.getSpec().getTemplate().getMetadata().setLabels(Map.of("app", "picky"));
      one.getSpec().getTemplate().getSpec().setNodeSelector(Map.of("kubernetes.io/hostname", Bootstrap.WORKERS.get(1)));
      sim.create(one, Cluster.DryRun.NONE);
      sim.advance(Duration.ofSeconds(60));

      assertThat(pods(sim)).extracting(p -> p.getSpec().getNodeName())
          .containsExactlyInAnyOrder(Bootstrap.CONTROL_PLANE, Bootstrap.WORKERS.get(0), Bootstrap.WORKERS.get(1),
              Bootstrap.WORKERS.get(2));
      List<Pod> picky = sim.list(ResourceKind.POD, "default", Selector.of(Map.of("app", "picky")), null).stream()
          .map(Pod.class::cast).toList();
      assertThat(picky).extracting(p -> p.getSpec().getNodeName()).containsExactly(Bootstrap.WORKERS.get(1));
      DaemonSet status = (DaemonSet) sim.get(ResourceKind.DAEMONSET, "default", "picky");
      assertThat(status.getStatus().getDesiredNumberScheduled()).isEqualTo(1);
      assertThat(status.getStatus().getNumberReady()).isEqualTo(1);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
