package io.kubetutor.kubectl.verbs;

import static io.kubetutor.print.Fixtures.ago;
import static io.kubetutor.print.Fixtures.deployment;
import static io.kubetutor.print.Fixtures.pod;
import static io.kubetutor.print.Fixtures.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.kubetutor.cluster.WatchEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubectl get}: golden output of every form and flag, against a fixed cluster. */
class GetVerbTest {

  @TempDir Path dir;
  private ReadFakeCluster cluster;
  private ReadVerbs kubectl;

  private static Pod other(String name, String ns) {
    return new PodBuilder(pod(name, 3600, running("c", true, 0))).editMetadata().withNamespace(ns)
        .withLabels(java.util.Map.of("app", "db", "tier", "back")).endMetadata().build();
  }

  @BeforeEach
  void setUp() {
    cluster = new ReadFakeCluster().add(
        pod("web-1", 30, running("web", true, 0)),
        pod("web-2", 90, new ContainerStatusBuilder().withName("web").withReady(false).withRestartCount(0)
            .withNewState().withNewWaiting().withReason("ContainerCreating").endWaiting().endState().build()),
        other("db-0", "data"),
        deployment("web", 2, 1, 300),
        new ServiceBuilder().withNewMetadata().withName("kubernetes").withNamespace("default")
            .withCreationTimestamp(ago(600)).endMetadata().withNewSpec().withType("ClusterIP")
            .withClusterIPs("10.96.0.1").addNewPort().withPort(443).withProtocol("TCP").endPort().endSpec().build(),
        new NamespaceBuilder().withNewMetadata().withName("default").withCreationTimestamp(ago(600)).endMetadata()
            .withNewStatus().withPhase("Active").endStatus().build());
    kubectl = new ReadVerbs(cluster, dir);
  }

  @Test
  void listsPods() {
    var r = kubectl.run("kubectl get pods");
    assertThat(r.out()).isEqualTo("NAME    READY   STATUS              RESTARTS   AGE\n"
        + "web-1   1/1     Running             0          30s\n"
        + "web-2   0/1     ContainerCreating   0          90s\n");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
  }

  @Test
  void namedObjectsAndNotFound() {
    assertThat(kubectl.run("kubectl get po web-1").out()).isEqualTo(
        "NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          30s\n");
    var r = kubectl.run("kubectl get pod web-1 nope");
    assertThat(r.out()).isEqualTo("NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1     Running   0          30s\n");
    assertThat(r.err()).isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");
    assertThat(r.exit()).isEqualTo(1);
    var ignored = kubectl.run("kubectl get pod nope --ignore-not-found");
    assertThat(ignored.out() + ignored.err()).isEmpty();
    assertThat(ignored.exit()).isZero();
  }

  @Test
  void noResourcesMessages() {
    var r = kubectl.run("kubectl get deployments -n data");
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("No resources found in data namespace.\n");
    assertThat(kubectl.run("kubectl get nodes").err()).isEqualTo("No resources found\n");
    assertThat(kubectl.run("kubectl get jobs -A").err()).isEqualTo("No resources found\n");
  }

  @Test
  void noTypeIsAnError() {
    var r = kubectl.run("kubectl get");
    assertThat(r.err()).isEqualTo("You must specify the type of resource to get. Use \"kubectl api-resources\" for a"
        + " complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain"
        + " <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\n"
        + "See 'kubectl get -h' for help and examples\n");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(kubectl.run("kubectl get foos").err()).isEqualTo("error: the server doesn't have a resource type \"foos\"\n");
  }

  @Test
  void severalTypesGetKindPrefixesAndBlankLines() {
    assertThat(kubectl.run("kubectl get deploy,svc").out()).isEqualTo(
        "NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\n"
            + "deployment.apps/web   1/2     2            1           5m\n"
            + "\n"
            + "NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n"
            + "service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   10m\n");
    assertThat(kubectl.run("kubectl get pod/web-1").out()).startsWith("NAME    READY");
  }

  @Test
  void allNamespacesAndSelectors() {
    assertThat(kubectl.run("kubectl get pods -A -l 'app in (db)'").out()).isEqualTo(
        "NAMESPACE   NAME   READY   STATUS    RESTARTS   AGE\ndata        db-0   1/1     Running   0          60m\n");
    assertThat(kubectl.run("kubectl get pods -l app=hello --field-selector metadata.name=web-2 --no-headers").out())
        .isEqualTo("web-2   0/1   ContainerCreating   0     90s\n");
    assertThat(kubectl.run("kubectl get pods -n data --show-labels -L tier").out()).isEqualTo(
        "NAME   READY   STATUS    RESTARTS   AGE   TIER   LABELS\ndb-0   1/1     Running   0          60m   back   app=db,tier=back\n");
  }

  @Test
  void sortBy() {
    assertThat(kubectl.run("kubectl get pods --sort-by=.metadata.creationTimestamp -o name").out())
        .isEqualTo("pod/web-2\npod/web-1\n");
    assertThat(kubectl.run("kubectl get pods --sort-by={.metadata.name} -o name").out())
        .isEqualTo("pod/web-1\npod/web-2\n");
  }

  @Test
  void outputFormats() {
    assertThat(kubectl.run("kubectl get ns default -o yaml").out()).isEqualTo(
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: \"2026-01-05T09:50:00Z\"\n  name: default\n"
            + "status:\n  phase: Active\n");
    assertThat(kubectl.run("kubectl get pods -o jsonpath='{.items[*].metadata.name}'").out()).isEqualTo("web-1 web-2");
    assertThat(kubectl.run("kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName").out())
        .isEqualTo("NAME    NODE\nweb-1   kubetutor-worker\nweb-2   kubetutor-worker\n");
    var none = kubectl.run("kubectl get jobs -o json");
    assertThat(none.out()).contains("\"items\": [],");
    assertThat(none.err()).isEmpty();
    var bad = kubectl.run("kubectl get pods -o xml");
    assertThat(bad.err()).startsWith("error: unable to match a printer suitable for the output format \"xml\"");
    assertThat(bad.exit()).isEqualTo(1);
  }

  @Test
  void outputFiles() throws Exception {
    Files.writeString(dir.resolve("t.txt"), "{range .items[*]}{.metadata.name}{\"\\n\"}{end}");
    assertThat(kubectl.run("kubectl get pods -o jsonpath-file=t.txt").out()).isEqualTo("web-1\nweb-2\n");
    assertThat(kubectl.run("kubectl get pods -o jsonpath-file=missing.txt").err())
        .isEqualTo("error: open missing.txt: no such file or directory\n");
  }

  @Test
  void watchPrintsRowsAsTheyChange() {
    Pod ready = new PodBuilder(pod("web-2", 90, running("web", true, 0))).build();
    cluster.script(new WatchEvent(WatchEvent.Type.MODIFIED, ready));
    var r = kubectl.run("kubectl get pods -w");
    assertThat(r.out()).isEqualTo("NAME    READY   STATUS              RESTARTS   AGE\n"
        + "web-1   1/1     Running             0          30s\n"
        + "web-2   0/1     ContainerCreating   0          90s\n"
        + "web-2   1/1     Running             0          90s\n");
    cluster.script(new WatchEvent(WatchEvent.Type.MODIFIED, ready));
    assertThat(kubectl.run("kubectl get pods --watch-only").out()).isEqualTo(
        "NAME    READY   STATUS    RESTARTS   AGE\nweb-2   1/1     Running   0          90s\n");
  }
}
