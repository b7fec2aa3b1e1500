package io.kubetutor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.sim.store.MemoryStore;
import io.kubetutor.sim.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The store's index of objects by controller must always say what a scan of the store says: pods
 * relabelled, orphaned, adopted, moved between owners, deleted and recreated under the same name.
 * And the ReplicaSet controller, which counts from it pod by pod, must keep exact status.
 */
class OwnerIndexTest {

  private final SimCluster sim = new SimCluster(SimOptions.virtual(1));
  private final MemoryStore store = sim.engine().memoryStore();

  private static final List<String> OWNERS = List.of("uid-a", "uid-b", "uid-c");

  private static OwnerReference controller(String uid, boolean controller) {
    return new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet").withName("rs-" + uid)
        .withUid(uid).withController(controller).build();
  }

  private static Pod pod(String name, String ns) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec().build();
  }

  /** What the index must agree with: the store's default implementations, which scan. */
  private final Store scan = new Store() {
    @Override public HasMetadata get(ObjectKey key) { return store.get(key); }
    @Override public <T extends HasMetadata> T get(Class<T> type, String ns, String name) { return store.get(type, ns, name); }
    @Override public <T extends HasMetadata> List<T> list(Class<T> type, String ns, Selector s) { return store.list(type, ns, s); }
    @Override public HasMetadata create(HasMetadata o) { throw new UnsupportedOperationException(); }
    @Override public HasMetadata update(HasMetadata o) { throw new UnsupportedOperationException(); }
    @Override public HasMetadata updateStatus(HasMetadata o) { throw new UnsupportedOperationException(); }
    @Override public HasMetadata delete(ObjectKey k, DeleteOptions o) { throw new UnsupportedOperationException(); }
    @Override public void remove(ObjectKey key) { throw new UnsupportedOperationException(); }
    @Override public AutoCloseable watch(java.util.function.Consumer<io.kubetutor.cluster.WatchEvent> l) { return () -> {}; }
  };

  private static List<String> names(List<? extends HasMetadata> objects) {
    return objects.stream().map(o -> o.getMetadata().getNamespace() + "/" + o.getMetadata().getName()).toList();
  }

  private void assertIndexAgreesWithScan() {
    for (String uid : OWNERS) {
      assertThat(names(store.controlledBy(Pod.class, uid))).as("pods controlled by %s", uid)
          .isEqualTo(names(scan.controlledBy(Pod.class, uid)));
      assertThat(store.countControlledBy(ResourceKind.POD, uid)).isEqualTo(scan.controlledBy(Pod.class, uid).size());
    }
    for (String ns : List.of("default", "other")) {
      assertThat(names(store.withoutController(Pod.class, ns))).as("orphans in %s", ns)
          .isEqualTo(names(scan.withoutController(Pod.class, ns)));
    }
  }

  @Test
  void followsAdoptionOrphaningRelabellingAndDeletion() {
    sim.engine().run(() -> {
      store.create(pod("p1", "default"));
      Pod owned = pod("p2", "default");
      owned.getMetadata().setOwnerReferences(new ArrayList<>(List.of(controller("uid-a", true))));
      store.create(owned);
      Pod notController = pod("p3", "default");
      notController.getMetadata().setOwnerReferences(new ArrayList<>(List.of(controller("uid-b", false))));
      store.create(notController);
    });
    assertThat(names(store.controlledBy(Pod.class, "uid-a"))).containsExactly("default/p2");
    // An owner reference without controller: true does not make a controller.
    assertThat(names(store.withoutController(Pod.class, "default"))).containsExactly("default/p1", "default/p3");

    sim.engine().run(() -> {
      Pod adopted = Objects.copy(store.get(Pod.class, "default", "p1"));
      adopted.getMetadata().setOwnerReferences(new ArrayList<>(List.of(controller("uid-a", true))));
      store.update(adopted);
      Pod relabelled = Objects.copy(store.get(Pod.class, "default", "p2"));
      relabelled.getMetadata().setLabels(Map.of("app", "other"));
      store.update(relabelled);
    });
    assertThat(names(store.controlledBy(Pod.class, "uid-a"))).containsExactly("default/p1", "default/p2");
    // The indexed object is the stored one, not a stale earlier version.
    assertThat(store.controlledBy(Pod.class, "uid-a").get(1).getMetadata().getLabels()).containsEntry("app", "other");
    assertThat(names(store.withoutController(Pod.class, "default"))).containsExactly("default/p3");

    sim.engine().run(() -> {
      Pod orphaned = Objects.copy(store.get(Pod.class, "default", "p2"));
      orphaned.getMetadata().setOwnerReferences(null);
      store.update(orphaned);
      store.remove(new ObjectKey(ResourceKind.POD, "default", "p1"));
    });
    assertThat(store.controlledBy(Pod.class, "uid-a")).isEmpty();
    assertThat(names(store.withoutController(Pod.class, "default"))).containsExactly("default/p2", "default/p3");
    assertIndexAgreesWithScan();
  }

  @Test
  void agreesWithAScanAfterEveryOneOfManyRandomWrites() {
    Random random = new Random(42);
    sim.engine().run(() -> store.create(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
        .withNewMetadata().withName("other").endMetadata().build()));
    for (int step = 0; step < 600; step++) {
      String ns = random.nextBoolean() ? "default" : "other";
      String name = "p" + random.nextInt(12);
      int op = random.nextInt(4);
      sim.engine().run(() -> {
        Pod current = store.get(Pod.class, ns, name);
        List<OwnerReference> refs = new ArrayList<>();
        if (random.nextInt(3) > 0) refs.add(controller(OWNERS.get(random.nextInt(OWNERS.size())), random.nextInt(4) > 0));
        if (current == null) {
          Pod p = pod(name, ns);
          p.getMetadata().setOwnerReferences(refs.isEmpty() ? null : refs);
          store.create(p);
        } else if (op == 0) {
          store.remove(ObjectKey.of(current));
        } else if (op == 1) {
          Pod p = Objects.copy(current);
          p.getMetadata().setLabels(Map.of("step", String.valueOf(random.nextInt(3))));
          store.update(p);
        } else {
          Pod p = Objects.copy(current);
          p.getMetadata().setOwnerReferences(refs.isEmpty() ? null : refs);
          store.update(p);
        }
      });
      assertIndexAgreesWithScan();
    }
  }

  @Test
  void isRebuiltWhenASavedStateIsRestored() {
    sim.engine().run(() -> {
      Pod owned = pod("keep", "default");
      owned.getMetadata().setOwnerReferences(new ArrayList<>(List.of(controller("uid-c", true))));
      store.create(owned);
      store.create(pod("gone", "default"));
    });
    List<HasMetadata> saved = store.all().stream().filter(o -> !"gone".equals(o.getMetadata().getName())).toList();
    sim.engine().run(() -> store.restore(saved, store.resourceVersion()));
    assertThat(names(store.controlledBy(Pod.class, "uid-c"))).containsExactly("default/keep");
    assertThat(names(store.withoutController(Pod.class, "default"))).doesNotContain("default/gone");
    assertIndexAgreesWithScan();
  }

  // ---- the ReplicaSet controller counting from it ----

  private ReplicaSet replicaSet(int replicas) {
    return new ReplicaSetBuilder().withNewMetadata().withName("web").endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector()
          .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "web")).endMetadata()
            .withNewSpec().addNewContainer().withName("c").withImage("nginx:1.27").endContainer().endSpec()
          .endTemplate().endSpec().build();
  }

  private List<Pod> pods(String selector) {
    return sim.list(ResourceKind.POD, "default", Selector.parse(selector), FieldSelector.EVERYTHING).stream()
        .map(Pod.class::cast).toList();
  }

  /** The status the ReplicaSet shows, and the one a scan of the store gives, side by side. */
  private void assertStatusCountsTheStore() {
    ReplicaSet rs = (ReplicaSet) sim.get(ResourceKind.REPLICASET, "default", "web");
    List<Pod> counted = new ArrayList<>();
    for (Pod p : pods("app=web")) if (Owners.controlledBy(p, rs) && Owners.active(p)) counted.add(p);
    int ready = (int) counted.stream().filter(Owners::ready).count();
    assertThat(rs.getStatus().getReplicas()).as("status.replicas").isEqualTo(counted.size());
    assertThat(rs.getStatus().getReadyReplicas() == null ? 0 : rs.getStatus().getReadyReplicas()).as("readyReplicas")
        .isEqualTo(ready);
    assertThat(rs.getStatus().getAvailableReplicas() == null ? 0 : rs.getStatus().getAvailableReplicas())
        .as("availableReplicas").isEqualTo(ready);
  }

  @Test
  void replicaSetStatusStaysExactThroughReleaseAdoptionAndDeletion() {
    sim.create(replicaSet(3), io.kubetutor.cluster.Cluster.DryRun.NONE);
    sim.settle();
    assertThat(pods("app=web")).hasSize(3);
    assertStatusCountsTheStore();

    // Relabelled: released (no longer counted), and a replacement is made.
    Pod first = pods("app=web").get(0);
    Pod relabelled = Objects.copy(first);
    relabelled.getMetadata().setLabels(Map.of("app", "off"));
    sim.update(relabelled, io.kubetutor.cluster.Cluster.DryRun.NONE);
    sim.settle();
    Pod released = (Pod) sim.get(ResourceKind.POD, "default", first.getMetadata().getName());
    assertThat(Owners.controllerOf(released)).isNull();
    assertThat(pods("app=web")).hasSize(3);
    assertStatusCountsTheStore();

    // Labelled back: an orphan that matches is adopted, and the surplus pod deleted.
    Pod back = Objects.copy(released);
    back.getMetadata().setLabels(Map.of("app", "web"));
    sim.update(back, io.kubetutor.cluster.Cluster.DryRun.NONE);
    sim.advance(Duration.ofMillis(1));
    ReplicaSet rs = (ReplicaSet) sim.get(ResourceKind.REPLICASET, "default", "web");
    assertThat(Owners.controlledBy((Pod) sim.get(ResourceKind.POD, "default", first.getMetadata().getName()), rs))
        .isTrue();
    assertStatusCountsTheStore();
    sim.settle();
    assertThat(pods("app=web")).hasSize(3);
    assertStatusCountsTheStore();

    // Deleted at once (no grace): uncounted, then replaced.
    Pod victim = pods("app=web").get(1);
    sim.delete(ResourceKind.POD, "default", victim.getMetadata().getName(),
        new DeleteOptions(0L, DeleteOptions.Propagation.BACKGROUND, io.kubetutor.cluster.Cluster.DryRun.NONE));
    sim.settle();
    assertThat(pods("app=web")).extracting(p -> p.getMetadata().getName()).doesNotContain(victim.getMetadata().getName())
        .hasSize(3);
    assertStatusCountsTheStore();

    // Scaled down: the counts follow the deletions.
    ReplicaSet smaller = Objects.copy((ReplicaSet) sim.get(ResourceKind.REPLICASET, "default", "web"));
    smaller.getSpec().setReplicas(1);
    sim.update(smaller, io.kubetutor.cluster.Cluster.DryRun.NONE);
    sim.settle();
    assertThat(pods("app=web")).hasSize(1);
    assertStatusCountsTheStore();
  }
}
