package io.kubetutor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubetutor.cluster.Cluster.DryRun;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.sim.controllers.DeploymentController;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Deployments course at the API level. Until the kubelet exists, {@link #kubelet} stands in for
 * it: scheduled pods become Running and Ready, pods being deleted are removed.
 */
class CourseFlowTest {

  static final String DEPLOYMENT_BASIC = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: hello-deployment
        labels:
          app: hello-app
      spec:
        replicas: 1
        selector:
          matchLabels:
            app: hello-app
        template:
          metadata:
            labels:
              app: hello-app
          spec:
            containers:
              - name: hellos
                image: ubuntu:22.04
                command: ['sh', '-c', 'echo "Hello, Kubernetes!" && sleep 3600']
      """;

  private final SimCluster sim = new SimCluster(SimOptions.virtual(1));

  static Deployment basic() {
    try {
      return Objects.YAML.readValue(DEPLOYMENT_BASIC, Deployment.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Lets the real kubelet work: 31 s of virtual time pulls and starts scheduled pods and finishes
   * deletions (a {@code sh -c} container takes its whole 30 s grace period).
   */
  void kubelet() {
    sim.advance(java.time.Duration.ofSeconds(31));
  }

  List<Pod> pods(String namespace) {
    return sim.list(ResourceKind.POD, namespace, Selector.EVERYTHING, FieldSelector.EVERYTHING).stream()
        .map(o -> (Pod) o).toList();
  }

  List<String> names(ResourceKind kind) {
    return sim.list(kind, "default", Selector.EVERYTHING, FieldSelector.EVERYTHING).stream()
        .map(o -> o.getMetadata().getName()).toList();
  }

  List<String> events(String reason) {
    return sim.list(ResourceKind.EVENT, "default", Selector.EVERYTHING, FieldSelector.EVERYTHING).stream()
        .map(o -> (Event) o).filter(e -> reason.equals(e.getReason())).map(Event::getMessage).toList();
  }

  Deployment deployment() {
    return (Deployment) sim.get(ResourceKind.DEPLOYMENT, "default", "hello-deployment");
  }

  void apply(java.util.function.Consumer<Deployment> change) {
    Deployment d = Objects.copy(deployment());
    change.accept(d);
    sim.update(d, DryRun.NONE);
  }

  @Test
  void applyingTheCourseDeploymentMakesOneReplicaSetAndOnePod() {
    sim.create(basic(), DryRun.NONE);
    List<String> rs = names(ResourceKind.REPLICASET);
    assertThat(rs).hasSize(1);
    String rsName = rs.get(0);
    assertThat(rsName).matches("hello-deployment-[456789bcdf]{6,10}");
    String hash = rsName.substring("hello-deployment-".length());
    ReplicaSet replicaSet = (ReplicaSet) sim.get(ResourceKind.REPLICASET, "default", rsName);
    assertThat(replicaSet.getMetadata().getLabels()).containsEntry("pod-template-hash", hash);
    assertThat(replicaSet.getSpec().getSelector().getMatchLabels()).containsEntry("pod-template-hash", hash);
    assertThat(replicaSet.getMetadata().getAnnotations()).containsEntry(DeploymentController.REVISION, "1")
        .containsEntry(DeploymentController.DESIRED, "1").containsEntry(DeploymentController.MAX, "2");
    List<Pod> pods = pods("default");
    assertThat(pods).hasSize(1);
    Pod pod = pods.get(0);
    assertThat(pod.getMetadata().getName()).matches(rsName + "-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(pod.getSpec().getNodeName()).startsWith("kubetutor-worker");
    assertThat(events("ScalingReplicaSet")).containsExactly("Scaled up replica set " + rsName + " to 1");
    assertThat(events("SuccessfulCreate")).containsExactly("Created pod: " + pod.getMetadata().getName());
    assertThat(events("Scheduled")).containsExactly("Successfully assigned default/" + pod.getMetadata().getName()
        + " to " + pod.getSpec().getNodeName());

    kubelet();
    Deployment d = deployment();
    assertThat(d.getStatus().getReplicas()).isEqualTo(1);
    assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(1);
    assertThat(d.getStatus().getReadyReplicas()).isEqualTo(1);
    assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(1);
    assertThat(d.getStatus().getConditions()).extracting(c -> c.getType() + "/" + c.getReason() + "/" + c.getMessage())
        .containsExactly("Available/MinimumReplicasAvailable/Deployment has minimum availability.",
            "Progressing/NewReplicaSetAvailable/ReplicaSet \"" + rsName + "\" has successfully progressed.");
    assertThat(d.getMetadata().getAnnotations()).containsEntry(DeploymentController.REVISION, "1");
  }

  @Test
  void aDeletedDeploymentPodIsReplacedButABarePodStaysGone() {
    sim.create(basic(), DryRun.NONE);
    sim.create(new PodBuilder().withNewMetadata().withName("hello").endMetadata().withNewSpec().addNewContainer()
        .withName("hello").withImage("ubuntu:22.04").endContainer().endSpec().build(), DryRun.NONE);
    kubelet();
    String rsName = names(ResourceKind.REPLICASET).get(0);
    String first = pods("default").stream().map(p -> p.getMetadata().getName()).filter(n -> n.startsWith(rsName))
        .findFirst().orElseThrow();
    Pod marked = (Pod) sim.delete(ResourceKind.POD, "default", first, DeleteOptions.DEFAULT);
    assertThat(marked.getMetadata().getDeletionTimestamp()).isEqualTo("2026-01-05T09:01:01Z");
    assertThat(marked.getMetadata().getDeletionGracePeriodSeconds()).isEqualTo(30L);
    // The terminating pod no longer counts: a replacement is already there.
    assertThat(pods("default")).hasSize(3);
    kubelet();
    List<String> after = pods("default").stream().map(p -> p.getMetadata().getName()).toList();
    assertThat(after).hasSize(2).contains("hello").doesNotContain(first);
    assertThat(after.stream().filter(n -> n.startsWith(rsName + "-"))).hasSize(1);

    sim.delete(ResourceKind.POD, "default", "hello", DeleteOptions.DEFAULT);
    kubelet();
    sim.advance(Duration.ofMinutes(5));
    assertThat(pods("default")).extracting(p -> p.getMetadata().getName()).doesNotContain("hello").hasSize(1);
  }

  @Test
  void scalingToFourThenOneKeepsTheOldestReadyPod() {
    sim.create(basic(), DryRun.NONE);
    kubelet();
    String original = pods("default").get(0).getMetadata().getName();
    sim.advance(Duration.ofMinutes(20));
    apply(d -> d.getSpec().setReplicas(4));
    assertThat(pods("default")).hasSize(4);
    assertThat(events("ScalingReplicaSet")).last().asString().matches("Scaled up replica set .* to 4 from 1");
    kubelet();
    assertThat(deployment().getStatus().getAvailableReplicas()).isEqualTo(4);
    sim.advance(Duration.ofSeconds(9));
    apply(d -> d.getSpec().setReplicas(1));
    kubelet();
    assertThat(pods("default")).extracting(p -> p.getMetadata().getName()).containsExactly(original);
    assertThat(events("SuccessfulDelete")).hasSize(3);
    assertThat(events("ScalingReplicaSet")).last().asString().matches("Scaled down replica set .* to 1 from 4");
  }

  @Test
  void anImageChangeRollsOutStepByStepWithTheRealEventSequence() {
    Deployment three = basic();
    three.getSpec().setReplicas(3);
    sim.create(three, DryRun.NONE);
    kubelet();
    String oldRs = names(ResourceKind.REPLICASET).get(0);
    apply(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("ubuntu:24.04"));
    for (int i = 0; i < 10; i++) {
      sim.advance(Duration.ofSeconds(5));
      kubelet();
    }
    String newRs = names(ResourceKind.REPLICASET).stream().filter(n -> !n.equals(oldRs)).findFirst().orElseThrow();
    assertThat(events("ScalingReplicaSet")).containsExactly(
        "Scaled up replica set " + oldRs + " to 3",
        "Scaled up replica set " + newRs + " to 1",
        "Scaled down replica set " + oldRs + " to 2 from 3",
        "Scaled up replica set " + newRs + " to 2 from 1",
        "Scaled down replica set " + oldRs + " to 1 from 2",
        "Scaled up replica set " + newRs + " to 3 from 2",
        "Scaled down replica set " + oldRs + " to 0 from 1");
    Deployment d = deployment();
    assertThat(d.getMetadata().getAnnotations()).containsEntry(DeploymentController.REVISION, "2");
    assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(3);
    assertThat(pods("default")).allSatisfy(p -> assertThat(p.getMetadata().getName()).startsWith(newRs));
    assertThat(names(ResourceKind.REPLICASET)).containsExactlyInAnyOrder(oldRs, newRs);
  }

  @Test
  void revertingTheTemplateReusesTheOldReplicaSetWithANewRevision() {
    sim.create(basic(), DryRun.NONE);
    kubelet();
    String first = names(ResourceKind.REPLICASET).get(0);
    apply(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("ubuntu:24.04"));
    for (int i = 0; i < 4; i++) kubelet();
    apply(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("ubuntu:22.04"));
    for (int i = 0; i < 4; i++) kubelet();
    ReplicaSet rs = (ReplicaSet) sim.get(ResourceKind.REPLICASET, "default", first);
    assertThat(rs.getMetadata().getAnnotations()).containsEntry(DeploymentController.REVISION, "3")
        .containsEntry(DeploymentController.REVISION_HISTORY, "1");
    assertThat(rs.getSpec().getReplicas()).isEqualTo(1);
  }

  @Test
  void recreateScalesTheOldReplicaSetToZeroBeforeTheNewOne() {
    Deployment d = basic();
    d.getSpec().setReplicas(2);
    d.getSpec().setStrategy(new io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder().withType("Recreate")
        .build());
    sim.create(d, DryRun.NONE);
    kubelet();
    String oldRs = names(ResourceKind.REPLICASET).get(0);
    apply(x -> x.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("ubuntu:24.04"));
    assertThat(names(ResourceKind.REPLICASET)).containsExactly(oldRs);  // old pods still terminating
    kubelet();
    String newRs = names(ResourceKind.REPLICASET).stream().filter(n -> !n.equals(oldRs)).findFirst().orElseThrow();
    assertThat(events("ScalingReplicaSet")).containsExactly("Scaled up replica set " + oldRs + " to 2",
        "Scaled down replica set " + oldRs + " to 0 from 2", "Scaled up replica set " + newRs + " to 2");
  }

  @Test
  void oldReplicaSetsBeyondTheHistoryLimitAreDeleted() {
    Deployment d = basic();
    d.getSpec().setRevisionHistoryLimit(1);
    sim.create(d, DryRun.NONE);
    kubelet();
    for (String tag : List.of("23.04", "23.10", "24.04")) {
      apply(x -> x.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("ubuntu:" + tag));
      for (int i = 0; i < 4; i++) kubelet();
    }
    List<String> rs = names(ResourceKind.REPLICASET);
    assertThat(rs).hasSize(2);
    assertThat(rs.stream().map(n -> DeploymentController.revision(
        sim.get(ResourceKind.REPLICASET, "default", n)))).containsExactlyInAnyOrder(3, 4);
  }

  @Test
  void deletingADeploymentCascadesToReplicaSetsAndPods() {
    sim.create(basic(), DryRun.NONE);
    kubelet();
    sim.delete(ResourceKind.DEPLOYMENT, "default", "hello-deployment", DeleteOptions.DEFAULT);
    assertThat(names(ResourceKind.REPLICASET)).isEmpty();
    assertThat(pods("default")).allSatisfy(p -> assertThat(p.getMetadata().getDeletionTimestamp()).isNotNull());
    kubelet();
    assertThat(pods("default")).isEmpty();
  }

  @Test
  void orphanDeletionKeepsTheReplicaSet() {
    sim.create(basic(), DryRun.NONE);
    kubelet();
    sim.delete(ResourceKind.DEPLOYMENT, "default", "hello-deployment",
        new DeleteOptions(null, DeleteOptions.Propagation.ORPHAN, DryRun.NONE));
    assertThat(names(ResourceKind.DEPLOYMENT)).isEmpty();
    String rs = names(ResourceKind.REPLICASET).get(0);
    assertThat(sim.get(ResourceKind.REPLICASET, "default", rs).getMetadata().getOwnerReferences()).isNull();
    assertThat(pods("default")).hasSize(1);
  }

  @Test
  void deletingANamespaceEmptiesItWhileTerminating() {
    sim.create(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName("team").endMetadata()
        .build(), DryRun.NONE);
    assertThat(sim.get(ResourceKind.SERVICEACCOUNT, "team", "default")).isNotNull();
    assertThat(sim.get(ResourceKind.CONFIGMAP, "team", "kube-root-ca.crt")).isNotNull();
    Deployment d = basic();
    d.getMetadata().setNamespace("team");
    sim.create(d, DryRun.NONE);
    kubelet();
    sim.delete(ResourceKind.NAMESPACE, null, "team", DeleteOptions.DEFAULT);
    var ns = (io.fabric8.kubernetes.api.model.Namespace) sim.get(ResourceKind.NAMESPACE, null, "team");
    assertThat(ns.getStatus().getPhase()).isEqualTo("Terminating");
    Pod late = new PodBuilder().withNewMetadata().withName("late").withNamespace("team").endMetadata().withNewSpec()
        .addNewContainer().withName("c").withImage("nginx").endContainer().endSpec().build();
    try {
      sim.create(late, DryRun.NONE);
      throw new AssertionError("created in a terminating namespace");
    } catch (io.kubetutor.cluster.ClusterException e) {
      assertThat(e.toKubectlMessage()).isEqualTo("Error from server (Forbidden): pods \"late\" is forbidden: unable to "
          + "create new content in namespace team because it is being terminated");
    }
    kubelet();
    assertThat(sim.list(ResourceKind.NAMESPACE, null, Selector.EVERYTHING, FieldSelector.EVERYTHING))
        .extracting(o -> o.getMetadata().getName()).doesNotContain("team");
  }

  @Test
  void aPodWithAMissingClaimStaysPendingUntilTheClaimExists() {
    Pod pod = new PodBuilder().withNewMetadata().withName("data").endMetadata().withNewSpec()
        .addNewContainer().withName("c").withImage("redis:7").endContainer()
        .addNewVolume().withName("d").withNewPersistentVolumeClaim().withClaimName("x").endPersistentVolumeClaim()
        .endVolume().endSpec().build();
    sim.create(pod, DryRun.NONE);
    Pod pending = (Pod) sim.get(ResourceKind.POD, "default", "data");
    assertThat(pending.getSpec().getNodeName()).isNull();
    String message = "0/4 nodes are available: persistentvolumeclaim \"x\" not found. preemption: 0/4 nodes are "
        + "available: 4 Preemption is not helpful for scheduling.";
    assertThat(events("FailedScheduling")).containsExactly(message);
    assertThat(Owners.condition(pending, "PodScheduled").getReason()).isEqualTo("Unschedulable");
    sim.create(new PersistentVolumeClaimBuilder().withNewMetadata().withName("x").endMetadata().withNewSpec()
        .withAccessModes("ReadWriteOnce").withNewResources().withRequests(Map.of("storage", new Quantity("1Gi")))
        .endResources().endSpec().build(), DryRun.NONE);
    assertThat(((Pod) sim.get(ResourceKind.POD, "default", "data")).getSpec().getNodeName()).startsWith("kubetutor-worker");
  }

  @Test
  void aPodAskingForTooMuchCpuGetsTheFitError() {
    Pod pod = new PodBuilder().withNewMetadata().withName("big").endMetadata().withNewSpec()
        .addNewContainer().withName("c").withImage("nginx").withNewResources()
        .withRequests(Map.of("cpu", new Quantity("64"))).endResources().endContainer().endSpec().build();
    sim.create(pod, DryRun.NONE);
    assertThat(events("FailedScheduling")).containsExactly("0/4 nodes are available: 1 node(s) had untolerated taint "
        + "{node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 "
        + "Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.");
  }

  @Test
  void sameSeedAndCommandsGiveTheSameState() {
    List<String> a = runScript(new SimCluster(SimOptions.virtual(7)));
    List<String> b = runScript(new SimCluster(SimOptions.virtual(7)));
    List<String> c = runScript(new SimCluster(SimOptions.virtual(8)));
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  private static List<String> runScript(SimCluster s) {
    Deployment d = basic();
    d.getSpec().setReplicas(3);
    s.create(d, DryRun.NONE);
    s.advance(Duration.ofSeconds(30));
    List<String> out = new ArrayList<>();
    for (ResourceKind k : List.of(ResourceKind.POD, ResourceKind.REPLICASET, ResourceKind.EVENT)) {
      for (HasMetadata o : s.list(k, "default", Selector.EVERYTHING, FieldSelector.EVERYTHING)) {
        out.add(Objects.toJson(o));
      }
    }
    return out;
  }

  @Test
  void tenThousandReplicasConverge() {
    Deployment d = basic();
    d.getSpec().setReplicas(10_000);
    sim.create(d, DryRun.NONE);
    sim.advance(Duration.ofSeconds(1));
    assertThat(pods("default")).hasSize(10_000)
        .allSatisfy(p -> assertThat(p.getSpec().getNodeName()).isNotNull());
    ReplicaSet rs = (ReplicaSet) sim.list(ResourceKind.REPLICASET, "default", Selector.EVERYTHING,
        FieldSelector.EVERYTHING).get(0);
    assertThat(rs.getStatus().getReplicas()).isEqualTo(10_000);
  }
}
