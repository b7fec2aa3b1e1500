package io.kubetutor.shell.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionHarness.Result;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeBuiltinTest {

  @TempDir Path dir;
  SessionHarness h;

  @BeforeEach
  void start() {
    h = new SessionHarness(dir);
    Cluster c = h.session().cluster();
    create(c, new DeploymentBuilder().withNewMetadata().withName("hello").withNamespace("default").withUid("d1").endMetadata()
        .withNewSpec().withReplicas(2).endSpec().withNewStatus().withReadyReplicas(1).endStatus().build());
    h.session().simulator().advance(Duration.ofSeconds(30));
    create(c, new ReplicaSetBuilder().withNewMetadata().withName("hello-7c9f").withNamespace("default").withUid("r1")
        .withOwnerReferences(owner("Deployment", "hello", "d1")).endMetadata()
        .withNewSpec().withReplicas(2).endSpec().withNewStatus().withReadyReplicas(1).endStatus().build());
    create(c, pod("hello-7c9f-abcde", "Running", true, owner("ReplicaSet", "hello-7c9f", "r1")));
    create(c, pod("hello-7c9f-fghij", "Pending", false, owner("ReplicaSet", "hello-7c9f", "r1")));
    create(c, pod("bare", "Running", true, null));
    create(c, pod("elsewhere", "Running", true, null, "staging"));
    h.session().simulator().advance(Duration.ofMinutes(3));
  }

  private static io.fabric8.kubernetes.api.model.OwnerReference owner(String kind, String name, String uid) {
    return new OwnerReferenceBuilder().withKind(kind).withName(name).withUid(uid).withController(true).build();
  }

  private static HasMetadata pod(String name, String phase, boolean ready, io.fabric8.kubernetes.api.model.OwnerReference owner) {
    return pod(name, phase, ready, owner, "default");
  }

  private static HasMetadata pod(String name, String phase, boolean ready, io.fabric8.kubernetes.api.model.OwnerReference owner, String ns) {
    PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer().endSpec()
        .withNewStatus().withPhase(phase).addNewContainerStatus().withName("web").withReady(ready).endContainerStatus().endStatus();
    if (owner != null) b.editMetadata().withOwnerReferences(owner).endMetadata();
    return b.build();
  }

  private static void create(Cluster c, HasMetadata o) {
    c.create(o, Cluster.DryRun.NONE);
  }

  @AfterEach
  void stop() { h.close(); }

  @Test
  void oneDeploymentShowsItsReplicaSetAndPods() {
    Result r = h.run("tree deploy/hello");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("""
        NAMESPACE  NAME                      READY  STATUS   AGE
        default    Deployment/hello          1/2             3m35s
        default    └─ReplicaSet/hello-7c9f   1/2             3m5s
        default      ├─Pod/hello-7c9f-abcde  1/1    Running  3m5s
        default      └─Pod/hello-7c9f-fghij  0/1    Pending  3m5s
        """);
    assertThat(h.run("tree deployment hello").out()).isEqualTo(r.out().replace("3m35s", "3m40s").replace("3m5s", "3m10s"));
  }

  @Test
  void theNamespaceAddsObjectsThatNobodyOwns() {
    assertThat(h.run("tree").out()).isEqualTo("""
        NAMESPACE  NAME                      READY  STATUS   AGE
        default    Deployment/hello          1/2             3m35s
        default    └─ReplicaSet/hello-7c9f   1/2             3m5s
        default      ├─Pod/hello-7c9f-abcde  1/1    Running  3m5s
        default      └─Pod/hello-7c9f-fghij  0/1    Pending  3m5s
        default    Pod/bare                  1/1    Running  3m5s
        """);
    assertThat(h.run("tree -n staging").out()).isEqualTo("""
        NAMESPACE  NAME           READY  STATUS   AGE
        staging    Pod/elsewhere  1/1    Running  3m10s
        """);
  }

  @Test
  void errorsAreKubectlShaped() {
    Result missing = h.run("tree deploy/nope");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("Error from server (NotFound): deployments.apps \"nope\" not found\n");
    assertThat(h.run("tree pod/bare").err()).isEqualTo("error: tree shows deployments: use tree deployment/NAME\n");
    assertThat(h.run("tree -n empty")).isEqualTo(new Result(0, "", "No resources found in empty namespace.\n"));
  }
}
