package io.kubetutor.kubectl.verbs;

import static io.kubetutor.print.Fixtures.ago;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubectl describe} of nodes, daemonsets and jobs: what the verb fetches through the port. */
class DescribeControllersVerbTest {

  @TempDir Path dir;

  private static PodBuilder pod(String ns, String name, String node, String phase) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(ns).addToLabels("app", "agent")
        .withCreationTimestamp(ago(60)).endMetadata()
        .withNewSpec().withNodeName(node).addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
        .withNewStatus().withPhase(phase).endStatus();
  }

  @Test
  void nodeListsOnlyItsNonTerminatedPodsAndItsEvents() {
    ReadFakeCluster cluster = new ReadFakeCluster().add(
        new NodeBuilder().withNewMetadata().withName("n1").withUid("uid-n1").withCreationTimestamp(ago(600)).endMetadata()
            .build(),
        pod("default", "b-running", "n1", "Running").build(),
        pod("default", "a-pending", "n1", "Pending").build(),
        pod("default", "done", "n1", "Succeeded").build(),
        pod("default", "elsewhere", "n2", "Running").build(),
        new EventBuilder().withNewMetadata().withName("e1").withNamespace("default").endMetadata().withType("Normal")
            .withReason("NodeReady").withMessage("Node n1 status is now: NodeReady").withNewSource()
            .withComponent("kubelet").endSource().withNewInvolvedObject().withKind("Node").withName("n1").withUid("n1")
            .endInvolvedObject().withFirstTimestamp(ago(30)).withLastTimestamp(ago(30)).withCount(1).build(),
        new EventBuilder().withNewMetadata().withName("e2").withNamespace("default").endMetadata().withType("Normal")
            .withReason("NodeReady").withMessage("other").withNewSource().withComponent("kubelet").endSource()
            .withNewInvolvedObject().withKind("Node").withName("n2").withUid("n2").endInvolvedObject()
            .withFirstTimestamp(ago(30)).withLastTimestamp(ago(30)).withCount(1).build());
    var r = new ReadVerbs(cluster, dir).run("kubectl describe node n1");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("""
        Non-terminated Pods:          (2 in total)
          Namespace                   Name         CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
          ---------                   ----         ------------  ----------  ---------------  -------------  ---
          default                     a-pending    0 (0%)        0 (0%)      0 (0%)           0 (0%)         60s
          default                     b-running    0 (0%)        0 (0%)      0 (0%)           0 (0%)         60s
        """);
    assertThat(r.out()).contains("Lease:              Failed to get lease: leases.coordination.k8s.io \"n1\" not found\n");
    assertThat(r.out()).endsWith("""
        Events:
          Type    Reason     Age   From     Message
          ----    ------     ----  ----     -------
          Normal  NodeReady  30s   kubelet  Node n1 status is now: NodeReady
        """);
    assertThat(new ReadVerbs(cluster, dir).run("kubectl describe no").out()).startsWith("Name:               n1\n");
  }

  @Test
  void daemonSetCountsOnlyPodsItControls() {
    var ds = new DaemonSetBuilder().withNewMetadata().withName("agent").withNamespace("default").withUid("ds-uid")
        .endMetadata().withNewSpec().withNewSelector().addToMatchLabels("app", "agent").endSelector()
        .withNewTemplate().withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
        .endTemplate().endSpec().build();
    var owned = pod("default", "agent-1", "n1", "Running").editMetadata().addNewOwnerReference().withKind("DaemonSet")
        .withName("agent").withUid("ds-uid").withController(true).withApiVersion("apps/v1").endOwnerReference()
        .endMetadata().build();
    var orphan = pod("default", "stray", "n1", "Running").build();
    var r = new ReadVerbs(new ReadFakeCluster().add(ds, owned, orphan), dir).run("kubectl describe ds agent");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Pods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed\n");
  }

  @Test
  void jobByPrefix() {
    var job = new JobBuilder().withNewMetadata().withName("pi-batch").withNamespace("default").endMetadata()
        .withNewSpec().withCompletions(3).withNewTemplate().withNewSpec().addNewContainer().withName("pi")
        .withImage("perl").endContainer().endSpec().endTemplate().endSpec()
        .withNewStatus().withActive(1).withSucceeded(2).endStatus().build();
    var r = new ReadVerbs(new ReadFakeCluster().add(job), dir).run("kubectl describe jobs pi");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("Name:           pi-batch\n").contains("Pods Statuses:  1 Active / 2 Succeeded / 0 Failed\n");
  }

  @Test
  void simulatorNodesDescribeWithTheirSystemPods() {
    var sh = new io.kubetutor.shell.SessionHarness(dir);
    var r = sh.run("kubectl describe nodes");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("Name:").contains("\nNon-terminated Pods:").contains("\nAllocated resources:\n");
  }
}
