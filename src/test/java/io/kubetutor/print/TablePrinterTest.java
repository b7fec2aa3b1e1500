package io.kubetutor.print;

import static io.kubetutor.print.Fixtures.NOW;
import static io.kubetutor.print.Fixtures.ago;
import static io.kubetutor.print.Fixtures.deployment;
import static io.kubetutor.print.Fixtures.pod;
import static io.kubetutor.print.Fixtures.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.*;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.kubetutor.cluster.ResourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden output of the per-kind tables and kubectl's decorations. */
class TablePrinterTest {

  private static String print(TableOptions o, ResourceKind kind, HasMetadata... objects) {
    return new TablePrinter(o).print(kind, List.of(objects), NOW, true);
  }

  @Test
  void podsTableAsKubectlPrintsIt() {
    String text = print(TableOptions.PLAIN, ResourceKind.POD,
        pod("hello-deployment-7c5ddbdf54-2xkqn", 12, running("hello", true, 0)),
        pod("web", 119, running("web", true, 0)));
    assertThat(text).isEqualTo(
        "NAME                                READY   STATUS    RESTARTS   AGE\n"
            + "hello-deployment-7c5ddbdf54-2xkqn   1/1     Running   0          12s\n"
            + "web                                 1/1     Running   0          119s\n");
  }

  @Test
  void podsWideAndShowLabelsAndNamespace() {
    TableOptions o = new TableOptions(true, false, false, true, true, List.of(), false);
    assertThat(print(o, ResourceKind.POD, pod("web", 294, running("web", true, 0)))).isEqualTo(
        "NAMESPACE   NAME   READY   STATUS    RESTARTS   AGE     IP           NODE               NOMINATED NODE"
            + "   READINESS GATES   LABELS\n"
            + "default     web    1/1     Running   0          4m54s   10.244.0.5   kubetutor-worker   <none>           "
            + "<none>            app=hello\n");
  }

  @Test
  void labelColumnsUseTheLastPathSegmentAsHeader() {
    TableOptions o = new TableOptions(false, true, true, false, false, List.of("app", "example.com/tier"), false);
    assertThat(print(o, ResourceKind.POD, pod("web", 10740, running("web", true, 0)))).isEqualTo(
        "pod/web   1/1   Running   0     179m   hello   \n");
    TableOptions h = new TableOptions(false, false, false, false, false, List.of("example.com/tier"), false);
    assertThat(print(h, ResourceKind.POD, pod("web", 11100, running("web", true, 0))).lines().findFirst().orElseThrow())
        .isEqualTo("NAME   READY   STATUS    RESTARTS   AGE    TIER");
  }

  @Test
  void restartsShowHowLongAgo() {
    ContainerStatus s = new ContainerStatusBuilder(running("web", true, 3))
        .withNewLastState().withNewTerminated().withExitCode(1).withReason("Error").withFinishedAt(ago(45))
        .endTerminated().endLastState().build();
    assertThat(print(TableOptions.PLAIN, ResourceKind.POD, pod("web", 7 * 3600 + 3 * 86400 - 86400 + 5 * 3600, s)))
        .isEqualTo("NAME   READY   STATUS    RESTARTS      AGE\nweb    1/1     Running   3 (45s ago)   2d12h\n");
  }

  @Test
  void colourDoesNotChangeAlignment() {
    TableOptions o = new TableOptions(false, false, false, false, false, List.of(), true);
    String text = print(o, ResourceKind.POD, pod("web", 12, running("web", true, 0)));
    assertThat(text).isEqualTo("NAME   READY   STATUS    RESTARTS   AGE\n"
        + "web    1/1     \u001b[32mRunning\u001b[0m   0          12s\n");
  }

  @Test
  void deploymentsNormalAndWide() {
    assertThat(print(TableOptions.PLAIN, ResourceKind.DEPLOYMENT, deployment("hello-deployment", 3, 0, 185 * 60)))
        .isEqualTo("NAME               READY   UP-TO-DATE   AVAILABLE   AGE\n"
            + "hello-deployment   0/3     3            0           3h5m\n");
    TableOptions wide = new TableOptions(true, false, false, false, false, List.of(), false);
    assertThat(print(wide, ResourceKind.DEPLOYMENT, deployment("web", 2, 2, 60)))
        .isEqualTo("NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR\n"
            + "web    2/2     2            2           60s   web          nginx:1.27   app=web\n");
  }

  @Test
  void replicaSetSelectorIncludesTheHash() {
    HasMetadata rs = new ReplicaSetBuilder().withNewMetadata().withName("web-7c5ddbdf54").withCreationTimestamp(ago(30))
        .endMetadata().withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", "web")
        .addToMatchLabels("pod-template-hash", "7c5ddbdf54").endSelector().endSpec()
        .withNewStatus().withReplicas(2).withReadyReplicas(1).endStatus().build();
    TableOptions o = new TableOptions(true, false, true, false, false, List.of(), false);
    assertThat(print(o, ResourceKind.REPLICASET, rs)).isEqualTo(
        "NAME                             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES   SELECTOR\n"
            + "replicaset.apps/web-7c5ddbdf54   2         2         1       30s                         "
            + "app=web,pod-template-hash=7c5ddbdf54\n");
  }

  @Test
  void servicesOfEachType() {
    Service cluster = new ServiceBuilder().withNewMetadata().withName("kubernetes").withCreationTimestamp(ago(2 * 86400 + 5 * 3600))
        .endMetadata().withNewSpec().withType("ClusterIP").withClusterIPs("10.96.0.1")
        .addNewPort().withPort(443).withProtocol("TCP").endPort().endSpec().build();
    Service nodePort = new ServiceBuilder().withNewMetadata().withName("web").withCreationTimestamp(ago(5)).endMetadata()
        .withNewSpec().withType("NodePort").withClusterIPs("10.96.12.7").addToSelector("app", "web")
        .addNewPort().withPort(80).withNodePort(30080).withProtocol("TCP").endPort().endSpec().build();
    Service lb = new ServiceBuilder().withNewMetadata().withName("lb").withCreationTimestamp(ago(5)).endMetadata()
        .withNewSpec().withType("LoadBalancer").withClusterIPs("10.96.1.1").endSpec().build();
    assertThat(print(TableOptions.PLAIN, ResourceKind.SERVICE, cluster, nodePort, lb)).isEqualTo(
        "NAME         TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)        AGE\n"
            + "kubernetes   ClusterIP      10.96.0.1    <none>        443/TCP        2d5h\n"
            + "web          NodePort       10.96.12.7   <none>        80:30080/TCP   5s\n"
            + "lb           LoadBalancer   10.96.1.1    <pending>     <none>         5s\n");
  }

  @Test
  void jobsHaveTheStatusColumn() {
    HasMetadata job = new JobBuilder().withNewMetadata().withName("pi").withCreationTimestamp(ago(100)).endMetadata()
        .withNewSpec().withCompletions(1).endSpec()
        .withNewStatus().withSucceeded(1).withStartTime(ago(100)).withCompletionTime(ago(60))
        .addNewCondition().withType("Complete").withStatus("True").endCondition().endStatus().build();
    assertThat(print(TableOptions.PLAIN, ResourceKind.JOB, job)).isEqualTo(
        "NAME   STATUS     COMPLETIONS   DURATION   AGE\npi     Complete   1/1           40s        100s\n");
  }

  @Test
  void eventsNormalColumns() {
    Event e = new EventBuilder().withNewMetadata().withName("web.17a").withNamespace("default").endMetadata()
        .withType("Normal").withReason("Scheduled").withMessage("Successfully assigned default/web to node1\n")
        .withNewInvolvedObject().withKind("Pod").withName("web").endInvolvedObject()
        .withFirstTimestamp(ago(70)).withLastTimestamp(ago(70)).withCount(1).build();
    assertThat(print(TableOptions.PLAIN, ResourceKind.EVENT, e)).isEqualTo(
        "LAST SEEN   TYPE     REASON      OBJECT    MESSAGE\n"
            + "70s         Normal   Scheduled   pod/web   Successfully assigned default/web to node1\n");
  }

  @Test
  void pvcShowsUnsetVolumeAttributesClass() {
    HasMetadata pvc = new PersistentVolumeClaimBuilder().withNewMetadata().withName("data").withCreationTimestamp(ago(8))
        .endMetadata().withNewSpec().withStorageClassName("standard").withVolumeName("pvc-1")
        .withAccessModes("ReadWriteOnce").endSpec()
        .withNewStatus().withPhase("Bound").withAccessModes("ReadWriteOnce")
        .addToCapacity("storage", new Quantity("1Gi")).endStatus().build();
    assertThat(print(TableOptions.PLAIN, ResourceKind.PERSISTENTVOLUMECLAIM, pvc)).isEqualTo(
        "NAME   STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n"
            + "data   Bound    pvc-1    1Gi        RWO            standard       <unset>                 8s\n");
  }

  @Test
  void namespacesNodesAndConfigMaps() {
    HasMetadata ns = new NamespaceBuilder().withNewMetadata().withName("default").withCreationTimestamp(ago(600)).endMetadata()
        .withNewStatus().withPhase("Active").endStatus().build();
    assertThat(print(TableOptions.PLAIN, ResourceKind.NAMESPACE, ns)).isEqualTo(
        "NAME      STATUS   AGE\ndefault   Active   10m\n");
    HasMetadata node = new NodeBuilder().withNewMetadata().withName("kubetutor-control-plane").withCreationTimestamp(ago(600))
        .addToLabels("node-role.kubernetes.io/control-plane", "").endMetadata()
        .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition()
        .withNewNodeInfo().withKubeletVersion("v1.31.0").endNodeInfo().endStatus().build();
    assertThat(print(TableOptions.PLAIN, ResourceKind.NODE, node)).isEqualTo(
        "NAME                      STATUS   ROLES           AGE   VERSION\n"
            + "kubetutor-control-plane   Ready    control-plane   10m   v1.31.0\n");
    HasMetadata cm = new ConfigMapBuilder().withNewMetadata().withName("kube-root-ca.crt").withCreationTimestamp(ago(600))
        .endMetadata().addToData("ca.crt", "x").build();
    assertThat(print(TableOptions.PLAIN, ResourceKind.CONFIGMAP, cm)).isEqualTo(
        "NAME               DATA   AGE\nkube-root-ca.crt   1      10m\n");
  }

  @Test
  void noRowsNoHeader() {
    assertThat(new TablePrinter(TableOptions.PLAIN).print(ResourceKind.POD, List.of(), NOW, true)).isEmpty();
  }
}
