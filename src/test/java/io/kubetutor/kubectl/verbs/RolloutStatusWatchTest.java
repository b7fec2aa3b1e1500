package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.cluster.WatchEvent.Type;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rollout status} as kubectl's watch loop: one line per ADDED/MODIFIED event, bursts and
 * repeats included, on scripted watch events (so every event's line can be pinned).
 */
class RolloutStatusWatchTest {

  @TempDir Path dir;

  /** Deployment "web" (3 replicas, revision 2) at resourceVersion {@code rv} with the given status counts. */
  private static Deployment web(int rv, int updated, int total, int available) {
    return web(rv, "2", updated, total, available);
  }

  private static Deployment web(int rv, String revision, int updated, int total, int available) {
    return new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("default")
        .withResourceVersion(String.valueOf(rv)).withGeneration(2L)
        .addToAnnotations(RolloutTarget.REVISION, revision).endMetadata()
        .withNewSpec().withReplicas(3).endSpec()
        .withStatus(new DeploymentStatusBuilder().withObservedGeneration(2L).withReplicas(total)
            .withUpdatedReplicas(updated).withAvailableReplicas(available).build())
        .build();
  }

  private static WatchEvent modified(Deployment d) {
    return new WatchEvent(Type.MODIFIED, d);
  }

  private ReadVerbs.Result run(ReadFakeCluster cluster, String line) {
    return new ReadVerbs(cluster, dir).run(line);
  }

  @Test
  void everyEventOfABurstPrintsItsLineRepeatsIncluded() {
    ReadFakeCluster cluster = new ReadFakeCluster().add(web(10, 1, 4, 3))
        // Three changes inside one wait: each is its own watch event, so each prints (two alike).
        .burst(modified(web(11, 2, 4, 3)), modified(web(12, 2, 4, 3)), modified(web(13, 3, 4, 3)))
        .script(modified(web(14, 3, 3, 2)), modified(web(15, 3, 3, 3)), modified(web(16, 3, 3, 3)));
    assertThat(run(cluster, "kubectl rollout status deployment/web")).isEqualTo(new ReadVerbs.Result(0, """
        Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
        Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
        Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
        Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
        Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...
        deployment "web" successfully rolled out
        """, ""));
  }

  @Test
  void eventsOlderThanTheSyncedStateAreSkipped() {
    ReadFakeCluster cluster = new ReadFakeCluster().add(web(10, 2, 4, 3))
        .burst(modified(web(9, 1, 4, 3)), modified(web(10, 2, 4, 3)), modified(web(11, 3, 3, 3)));
    assertThat(run(cluster, "kubectl rollout status deploy web").out()).isEqualTo("""
        Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
        deployment "web" successfully rolled out
        """);
  }

  @Test
  void watchFalsePrintsTheCurrentStateOnly() {
    ReadFakeCluster cluster = new ReadFakeCluster().add(web(10, 1, 4, 3)).script(modified(web(11, 3, 3, 3)));
    assertThat(run(cluster, "kubectl rollout status deployment/web --watch=false")).isEqualTo(new ReadVerbs.Result(0,
        "Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...\n", ""));
    assertThat(run(new ReadFakeCluster().add(web(10, 1, 4, 3)), "kubectl rollout status deployment/web -w=false").out())
        .isEqualTo("Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...\n");
  }

  @Test
  void deletionDuringTheWatchIsAnError() {
    ReadFakeCluster cluster = new ReadFakeCluster().add(web(10, 1, 4, 3))
        .script(modified(web(11, 2, 4, 3)), new WatchEvent(Type.DELETED, web(12, 2, 4, 3)));
    assertThat(run(cluster, "kubectl rollout status deployment/web")).isEqualTo(new ReadVerbs.Result(1, """
        Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
        Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
        """, "error: object has been deleted\n"));
  }

  @Test
  void timeoutEndsTheWatchOnTheClusterClock() {
    // Events arrive one per 100ms wait; a 200ms timeout sees the synced state and the two changes
    // made before the deadline, then gives up although the rollout was about to finish.
    ReadFakeCluster cluster = new ReadFakeCluster().add(web(10, 1, 4, 3))
        .script(modified(web(11, 2, 4, 3)), modified(web(12, 3, 4, 3)), modified(web(13, 3, 3, 3)),
            modified(web(14, 3, 3, 3)));
    assertThat(run(cluster, "kubectl rollout status deployment/web --timeout=200ms")).isEqualTo(new ReadVerbs.Result(1, """
        Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
        Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
        Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
        """, "error: timed out waiting for the condition\n"));
  }

  @Test
  void revisionPinsTheRolloutAndANewerOneAbortsTheWatch() {
    ReadFakeCluster cluster = new ReadFakeCluster().add(web(10, 1, 4, 3))
        .script(modified(web(11, "3", 0, 4, 3)));
    assertThat(run(cluster, "kubectl rollout status deployment/web --revision=2")).isEqualTo(new ReadVerbs.Result(1,
        "Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...\n",
        "error: desired revision (2) is different from the running revision (3)\n"));
    assertThat(run(new ReadFakeCluster().add(web(10, 1, 4, 3)), "kubectl rollout status deployment/web --revision=-1"))
        .isEqualTo(new ReadVerbs.Result(1, "", "error: revision must be a positive integer: -1\n"));
  }

  @Test
  void kindsWithoutAStatusViewer() {
    ReadFakeCluster cluster = new ReadFakeCluster().add(new PodBuilder().withNewMetadata().withName("p")
        .withNamespace("default").endMetadata().build());
    assertThat(run(cluster, "kubectl rollout status pod/p"))
        .isEqualTo(new ReadVerbs.Result(1, "", "error: no status viewer has been implemented for Pod\n"));
    assertThat(run(cluster, "kubectl rollout status pod/q").err())
        .isEqualTo("Error from server (NotFound): pods \"q\" not found\n");
  }

  private static DaemonSet agent(int rv, String strategy, int desired, int updated, int available) {
    return new DaemonSetBuilder().withNewMetadata().withName("agent").withNamespace("default")
        .withResourceVersion(String.valueOf(rv)).withGeneration(1L).endMetadata()
        .withNewSpec().withNewUpdateStrategy().withType(strategy).endUpdateStrategy().endSpec()
        .withNewStatus().withObservedGeneration(1L).withDesiredNumberScheduled(desired)
        .withUpdatedNumberScheduled(updated).withNumberAvailable(available).endStatus()
        .build();
  }

  @Test
  void daemonSetRolloutMessages() {
    ReadFakeCluster cluster = new ReadFakeCluster().add(agent(5, "RollingUpdate", 2, 1, 1))
        .script(new WatchEvent(Type.MODIFIED, agent(6, "RollingUpdate", 2, 2, 1)),
            new WatchEvent(Type.MODIFIED, agent(7, "RollingUpdate", 2, 2, 2)));
    assertThat(run(cluster, "kubectl rollout status ds/agent").out()).isEqualTo("""
        Waiting for daemon set "agent" rollout to finish: 1 out of 2 new pods have been updated...
        Waiting for daemon set "agent" rollout to finish: 1 of 2 updated pods are available...
        daemon set "agent" successfully rolled out
        """);
    assertThat(run(new ReadFakeCluster().add(agent(5, "OnDelete", 2, 1, 1)), "kubectl rollout status ds/agent"))
        .isEqualTo(new ReadVerbs.Result(1, "", "error: rollout status is only available for RollingUpdate strategy type\n"));
  }
}
