package io.kubetutor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.sim.store.MemoryStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Deployment asking for more pods than the simulator holds (a typo such as {@code replicas:
 * 100000000}): the apiserver refuses pods past the limit, the ReplicaSet and the Deployment report
 * ReplicaFailure, and the failure clears once there is room again.
 */
class FullClusterTest {

  // Under client-go's spam burst of 25 events per object, so the FailedCreate event is still written.
  private static final int ROOM = 10;

  private final SimCluster sim = new SimCluster(SimOptions.virtual(1));
  private final int limit = pods(null) + ROOM;

  FullClusterTest() {
    ((MemoryStore) sim.engine().store()).setPodLimit(limit);
  }

  private int pods(String app) {
    return sim.list(ResourceKind.POD, null, app == null ? null : Selector.of(Map.of("app", app)), null).size();
  }

  private void deploy(String name, int replicas) {
    sim.create(SimStoreTest.deployment(name, Map.of("app", name), Map.of("app", name), replicas), Cluster.DryRun.NONE);
  }

  private void scale(String name, int replicas) {
    Deployment d = Objects.copy((Deployment) sim.get(ResourceKind.DEPLOYMENT, "default", name));
    d.getSpec().setReplicas(replicas);
    sim.update(d, Cluster.DryRun.NONE);
  }

  private ReplicaSet replicaSetOf(String name) {
    return (ReplicaSet) sim.list(ResourceKind.REPLICASET, "default", Selector.of(Map.of("app", name)), null).get(0);
  }

  private static ReplicaSetCondition failure(ReplicaSet rs) {
    var conditions = rs.getStatus().getConditions();
    return conditions == null ? null
        : conditions.stream().filter(c -> c.getType().equals("ReplicaFailure")).findFirst().orElse(null);
  }

  private DeploymentCondition failure(String deployment) {
    Deployment d = (Deployment) sim.get(ResourceKind.DEPLOYMENT, "default", deployment);
    return d.getStatus().getConditions().stream().filter(c -> c.getType().equals("ReplicaFailure")).findFirst()
        .orElse(null);
  }

  @Test
  void aHugeReplicaCountFillsTheClusterAndIsReportedAsReplicaFailure() {
    deploy("web", 100_000_000);
    sim.advance(Duration.ofSeconds(30));

    ReplicaSet rs = replicaSetOf("web");
    // 25% of 100 million overflowed an int product before; Go scales in float64.
    assertThat(rs.getSpec().getReplicas()).isEqualTo(100_000_000);
    assertThat(pods("web")).isEqualTo(ROOM);
    String refused = "pods \"" + rs.getMetadata().getName() + "-";
    ReplicaSetCondition rsFailure = failure(rs);
    assertThat(rsFailure.getStatus()).isEqualTo("True");
    assertThat(rsFailure.getReason()).isEqualTo("FailedCreate");
    assertThat(rsFailure.getMessage()).startsWith(refused)
        .endsWith("\" is forbidden: the simulated cluster is full: it holds at most " + limit + " pods");
    DeploymentCondition dFailure = failure("web");
    assertThat(List.of(dFailure.getStatus(), dFailure.getReason(), dFailure.getMessage()))
        .containsExactly("True", "FailedCreate", rsFailure.getMessage());
    assertThat(sim.list(ResourceKind.EVENT, "default", null, null)).map(Event.class::cast)
        .anyMatch(e -> e.getReason().equals("FailedCreate") && e.getType().equals("Warning")
            && e.getMessage().startsWith("Error creating: " + refused));
  }

  @Test
  void scalingBackWithinTheLimitClearsTheFailure() {
    deploy("web", 1_000);
    sim.advance(Duration.ofSeconds(30));
    assertThat(failure(replicaSetOf("web"))).isNotNull();

    scale("web", 5);
    sim.advance(Duration.ofSeconds(60));

    assertThat(pods("web")).isEqualTo(5);
    assertThat(failure(replicaSetOf("web"))).isNull();
    assertThat(failure("web")).isNull();
    Deployment d = (Deployment) sim.get(ResourceKind.DEPLOYMENT, "default", "web");
    assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(5);
  }

  @Test
  void aDeploymentThatFoundNoRoomGetsItsPodsWhenAnotherFreesSome() {
    deploy("hog", ROOM);
    sim.advance(Duration.ofSeconds(30));
    deploy("late", 3);
    sim.advance(Duration.ofSeconds(30));
    assertThat(pods("late")).isZero();
    assertThat(failure("late")).isNotNull();

    // Nothing about the late ReplicaSet changes when hog's pods go: only its retries find the room.
    sim.delete(ResourceKind.DEPLOYMENT, "default", "hog", DeleteOptions.DEFAULT);
    sim.advance(Duration.ofMinutes(20));

    assertThat(pods("hog")).isZero();
    assertThat(pods("late")).isEqualTo(3);
    assertThat(failure("late")).isNull();
  }
}
