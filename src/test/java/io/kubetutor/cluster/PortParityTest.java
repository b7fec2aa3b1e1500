package io.kubetutor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubetutor.sim.SimCluster;
import io.kubetutor.sim.SimOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lesson checks and lesson clean-up go through the port only, so given the same objects the
 * simulator and a real API server (the mock) must answer the same reads: the same names for every
 * selector, and deleting by a lesson's label removes only what the lesson made.
 */
@Timeout(60)  // a guard against hanging, not a measurement
class PortParityTest {

  static final String LESSON_LABEL = "kubetutor.io/lesson";

  @TempDir Path dir;
  MockApiServer mock;
  Fabric8Cluster real;
  SimCluster sim;

  @BeforeEach
  void start() throws Exception {
    mock = new MockApiServer();
    real = mock.cluster(dir, Fabric8Cluster.Timeouts.DEFAULT);
    sim = new SimCluster(new SimOptions(1, false));
    for (Cluster c : List.of(real, sim)) {
      // A real apiserver (and a faithful simulator) only accepts objects in namespaces that exist.
      for (String ns : List.of("wallen", "other")) {
        c.create(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build(), Cluster.DryRun.NONE);
      }
      c.create(pod("wallen", "hello-1", Map.of("app", "hello", LESSON_LABEL, "deployments")), Cluster.DryRun.NONE);
      c.create(pod("wallen", "hello-2", Map.of("app", "hello", "tier", "front", LESSON_LABEL, "deployments")),
          Cluster.DryRun.NONE);
      c.create(pod("wallen", "student-own", Map.of("app", "mine")), Cluster.DryRun.NONE);
      c.create(pod("other", "hello-3", Map.of("app", "hello")), Cluster.DryRun.NONE);
    }
  }

  @AfterEach
  void stop() {
    real.close();
    sim.close();
    mock.close();
  }

  static Pod pod(String ns, String name, Map<String, String> labels) {
    return new PodBuilder().withNewMetadata().withNamespace(ns).withName(name).withLabels(labels).endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec().build();
  }

  static List<String> names(List<HasMetadata> objects) {
    return objects.stream().map(o -> o.getMetadata().getNamespace() + "/" + o.getMetadata().getName()).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "app=hello", "app!=hello", "app in (hello,mine)", "app notin (hello)", "tier",
      "!tier", "app=hello,tier=front", LESSON_LABEL + "=deployments"})
  void everySelectorSelectsTheSameObjectsInANamespace(String selector) {
    Selector s = Selector.parse(selector);
    assertThat(names(real.list(ResourceKind.POD, "wallen", s, FieldSelector.EVERYTHING)))
        .isEqualTo(names(sim.list(ResourceKind.POD, "wallen", s, FieldSelector.EVERYTHING)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "app=hello", "app notin (mine)"})
  void everySelectorSelectsTheSameObjectsInAllNamespaces(String selector) {
    Selector s = Selector.parse(selector);
    assertThat(names(real.list(ResourceKind.POD, null, s, FieldSelector.EVERYTHING)))
        .isEqualTo(names(sim.list(ResourceKind.POD, null, s, FieldSelector.EVERYTHING)));
  }

  @Test
  void theSelectionsAreWhatTheLabelsSay() {
    assertThat(names(real.list(ResourceKind.POD, "wallen", Selector.parse("app in (hello,mine)"),
        FieldSelector.EVERYTHING))).containsExactly("wallen/hello-1", "wallen/hello-2", "wallen/student-own");
    assertThat(names(real.list(ResourceKind.POD, null, Selector.parse("app=hello"), FieldSelector.EVERYTHING)))
        .containsExactly("other/hello-3", "wallen/hello-1", "wallen/hello-2");
  }

  @Test
  void getReturnsTheSameObjectOnBoth() {
    Pod fromReal = (Pod) real.get(ResourceKind.POD, "wallen", "hello-2");
    Pod fromSim = (Pod) sim.get(ResourceKind.POD, "wallen", "hello-2");
    assertThat(fromReal.getMetadata().getLabels()).isEqualTo(fromSim.getMetadata().getLabels());
    // The simulator defaults fields as an apiserver does (the CRUD mock does not): compare what the client sent.
    assertThat(fromSim.getSpec().getContainers()).extracting(c -> c.getName() + "=" + c.getImage())
        .isEqualTo(fromReal.getSpec().getContainers().stream().map(c -> c.getName() + "=" + c.getImage()).toList());
  }

  @Test
  void cleaningUpByTheLessonLabelLeavesTheStudentsOwnObjects() {
    for (Cluster c : List.of(real, sim)) {
      for (HasMetadata o : c.list(ResourceKind.POD, "wallen", Selector.parse(LESSON_LABEL + "=deployments"),
          FieldSelector.EVERYTHING)) {
        c.delete(ResourceKind.POD, o.getMetadata().getNamespace(), o.getMetadata().getName(), DeleteOptions.DEFAULT);
      }
    }
    // The simulator deletes pods gracefully, as an apiserver does (the mock server removes them at once):
    // they stay, terminating, until the kubelet has stopped their containers.
    for (String name : List.of("hello-1", "hello-2")) {
      assertThat(sim.get(ResourceKind.POD, "wallen", name).getMetadata().getDeletionTimestamp()).isNotNull();
    }
    assertThat(sim.get(ResourceKind.POD, "wallen", "student-own").getMetadata().getDeletionTimestamp()).isNull();
    sim.advance(java.time.Duration.ofSeconds(31));
    assertThat(names(real.list(ResourceKind.POD, null, Selector.EVERYTHING, FieldSelector.EVERYTHING)))
        .containsExactly("other/hello-3", "wallen/student-own")
        .isEqualTo(names(sim.list(ResourceKind.POD, null, Selector.EVERYTHING, FieldSelector.EVERYTHING)));
    for (Cluster c : List.of(real, sim)) {
      assertThatThrownBy(() -> c.get(ResourceKind.POD, "wallen", "hello-1"))
          .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.isNotFound()).isTrue());
    }
  }
}
