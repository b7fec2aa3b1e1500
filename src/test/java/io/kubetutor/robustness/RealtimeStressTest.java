package io.kubetutor.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionHarness.Result;
import io.kubetutor.shell.SessionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator on the realtime clock: its ticker fires controller and kubelet timers (crash-looping
 * containers, rollouts, pulls) on its own thread while the student's commands run. Hundreds of
 * commands later every answer was whole, the store is consistent, and the cluster converges.
 */
class RealtimeStressTest {

  @TempDir Path dir;

  private static final String MANIFEST = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: crash
      spec:
        replicas: 12
        selector:
          matchLabels: {app: crash}
        template:
          metadata:
            labels: {app: crash}
          spec:
            containers:
            - name: c
              image: busybox:1.36
              command: ["sh", "-c", "echo up; sleep 1; exit 1"]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 4
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: web
              image: nginx:1.27
      """;

  @Test
  @Timeout(120)  // a guard against hanging, not a measurement
  void commandsWhileTimersFireLeaveAConsistentStoreAndWholeAnswers() throws Exception {
    Files.writeString(dir.resolve("app.yml"), MANIFEST);
    SessionOptions realtime = new SessionOptions("sim", null, 7, "realtime", Duration.ZERO, dir, false, false, false,
        false, null, dir.resolve("state"));
    try (SessionHarness sh = new SessionHarness(realtime)) {
      assertThat(sh.run("kubectl apply -f app.yml").exit()).isZero();
      Random random = new Random(42);
      for (int i = 0; i < 200; i++) {
        String line = switch (random.nextInt(8)) {
          case 0 -> "kubectl scale deploy/web --replicas=" + (1 + random.nextInt(6));
          case 1 -> "kubectl delete pod -l app=crash --wait=false";
          // 1.99 does not exist: a rollout that stalls in ImagePullBackOff is part of the load.
          case 2 -> "kubectl set image deploy/web web=nginx:" + List.of("1.25", "1.27", "1.99").get(random.nextInt(3));
          case 3 -> "kubectl apply -f app.yml";
          case 4 -> "kubectl get deploy,rs";
          case 5 -> "kubectl get events";
          case 6 -> "kubectl describe deploy web";
          default -> "kubectl get pods -o wide";
        };
        Result r = sh.run(line);
        assertThat(r.exit()).as(line + "\n" + r.err()).isZero();
        assertThat(r.err()).as(line).doesNotContain("internal error").doesNotContain("Exception");
        assertWholeTable(line, r.out());
        if (i % 50 == 0) assertConsistent(sh.session().cluster());
      }
      // Settle: the final image and scale hold and every web pod comes up.
      assertThat(sh.run("kubectl set image deploy/web web=nginx:1.27").exit()).isZero();
      assertThat(sh.run("kubectl scale deploy/web --replicas=3").exit()).isZero();
      assertThat(sh.run("kubectl rollout status deploy/web --timeout=60s").exit()).isZero();
      Cluster cluster = sh.session().cluster();
      assertConsistent(cluster);
      Deployment web = (Deployment) cluster.get(ResourceKind.DEPLOYMENT, "default", "web");
      assertThat(web.getStatus().getReadyReplicas()).isEqualTo(3);
      assertThat(web.getStatus().getUpdatedReplicas()).isEqualTo(3);
    }
  }

  /** Rows of a table printed while timers fired still have every column of the header. */
  private static void assertWholeTable(String line, String out) {
    if (!line.startsWith("kubectl get") || line.contains("events")) return;
    for (String block : out.split("\n\n")) {
      String[] rows = block.split("\n");
      if (rows.length == 0 || rows[0].isBlank()) continue;
      int columns = rows[0].trim().split(" {2,}").length;
      for (String row : rows) {
        assertThat(row.trim().split(" {2,}")).as(line + ": " + row).hasSizeGreaterThanOrEqualTo(columns - 1);
      }
    }
  }

  /** No two objects share a resourceVersion, and every pod and ReplicaSet's controller exists or it is going away. */
  private static void assertConsistent(Cluster cluster) {
    List<HasMetadata> pods = cluster.list(ResourceKind.POD, "default", Selector.EVERYTHING, FieldSelector.EVERYTHING);
    List<HasMetadata> sets = cluster.list(ResourceKind.REPLICASET, "default", Selector.EVERYTHING, FieldSelector.EVERYTHING);
    List<HasMetadata> deployments = cluster.list(ResourceKind.DEPLOYMENT, "default", Selector.EVERYTHING,
        FieldSelector.EVERYTHING);
    Set<String> versions = new HashSet<>();
    for (List<HasMetadata> list : List.of(pods, sets, deployments)) {
      for (HasMetadata o : list) {
        assertThat(versions.add(o.getMetadata().getResourceVersion()))
            .as("resourceVersion of " + o.getMetadata().getName()).isTrue();
      }
    }
    Set<String> setUids = uids(sets);
    Set<String> deploymentUids = uids(deployments);
    for (HasMetadata pod : pods) assertOwnedByOneOf(pod, setUids);
    for (HasMetadata rs : sets) assertOwnedByOneOf(rs, deploymentUids);
  }

  private static Set<String> uids(List<HasMetadata> objects) {
    Set<String> uids = new HashSet<>();
    for (HasMetadata o : objects) uids.add(o.getMetadata().getUid());
    return uids;
  }

  private static void assertOwnedByOneOf(HasMetadata o, Set<String> owners) {
    if (o.getMetadata().getDeletionTimestamp() != null) return;
    List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
    assertThat(refs).as(o.getMetadata().getName() + " owner").isNotEmpty();
    assertThat(owners).as(o.getMetadata().getName() + " owner exists").contains(refs.get(0).getUid());
  }
}
