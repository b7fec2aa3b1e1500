package io.kubetutor.shell.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterClock;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.ResourceKind;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private final List<HasMetadata> objects = new ArrayList<>();
  private Instant now = T0;
  private Cluster stub;

  /** The tree is a read of what exists: a stub backend holds exactly the objects the golden shows. */
  @BeforeEach
  void start() {
    h = new SessionHarness(dir);
    stub = (Cluster) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Cluster.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "clock" -> new ClusterClock() {
            @Override public Instant now() { return now; }
            @Override public void sleep(Duration d) { now = now.plus(d); }
          };
          case "list" -> objects.stream().filter(o -> ResourceKind.forObject(o).orElseThrow() == args[0])
              .filter(o -> args[1] == null || args[1].equals(o.getMetadata().getNamespace())).toList();
          case "get" -> objects.stream().filter(o -> ResourceKind.forObject(o).orElseThrow() == args[0])
              .filter(o -> o.getMetadata().getNamespace().equals(args[1]) && o.getMetadata().getName().equals(args[2]))
              .findFirst().orElseThrow(() -> ClusterException.notFound(((ResourceKind) args[0]).qualifiedPlural(), (String) args[2]));
          default -> null;
        });
    add(new DeploymentBuilder().withNewMetadata().withName("hello").withNamespace("default").withUid("d1").endMetadata()
        .withNewSpec().withReplicas(2).endSpec().withNewStatus().withReadyReplicas(1).endStatus().build());
    now = now.plusSeconds(30);
    add(new ReplicaSetBuilder().withNewMetadata().withName("hello-7c9f").withNamespace("default").withUid("r1")
        .withOwnerReferences(owner("Deployment", "hello", "d1")).endMetadata()
        .withNewSpec().withReplicas(2).endSpec().withNewStatus().withReadyReplicas(1).endStatus().build());
    add(pod("hello-7c9f-abcde", "Running", true, owner("ReplicaSet", "hello-7c9f", "r1")));
    add(pod("hello-7c9f-fghij", "Pending", false, owner("ReplicaSet", "hello-7c9f", "r1")));
    add(pod("bare", "Running", true, null));
    now = now.plusSeconds(10);
    add(pod("elsewhere", "Running", true, null, "staging"));
    now = now.plus(Duration.ofMinutes(3)).plusSeconds(5);
  }

  private void add(HasMetadata o) {
    o.getMetadata().setCreationTimestamp(now.toString());
    objects.add(o);
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

  @AfterEach
  void stop() { h.close(); }

  @Test
  void oneDeploymentShowsItsReplicaSetAndPods() {
    assertThat(TreeBuiltin.render(stub, "default", "hello")).isEqualTo("""
        NAMESPACE  NAME                      READY  STATUS   AGE
        default    Deployment/hello          1/2             3m45s
        default    └─ReplicaSet/hello-7c9f   1/2             3m15s
        default      ├─Pod/hello-7c9f-abcde  1/1    Running  3m15s
        default      └─Pod/hello-7c9f-fghij  0/1    Pending  3m15s
        """);
  }

  @Test
  void theNamespaceAddsObjectsThatNobodyOwns() {
    assertThat(TreeBuiltin.render(stub, "default", null)).isEqualTo("""
        NAMESPACE  NAME                      READY  STATUS   AGE
        default    Deployment/hello          1/2             3m45s
        default    └─ReplicaSet/hello-7c9f   1/2             3m15s
        default      ├─Pod/hello-7c9f-abcde  1/1    Running  3m15s
        default      └─Pod/hello-7c9f-fghij  0/1    Pending  3m15s
        default    Pod/bare                  1/1    Running  3m15s
        """);
    assertThat(TreeBuiltin.render(stub, "staging", null)).isEqualTo("""
        NAMESPACE  NAME           READY  STATUS   AGE
        staging    Pod/elsewhere  1/1    Running  3m5s
        """);
  }

  @Test
  void aMissingDeploymentIsNotFound() {
    assertThatThrownBy(() -> TreeBuiltin.render(stub, "default", "nope")).isInstanceOf(ClusterException.class)
        .hasMessageContaining("not found");
  }

  @Test
  void errorsAreKubectlShaped() {
    // On the session's own simulator, through the command line.
    Result missing = h.run("tree deploy/nope");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("Error from server (NotFound): deployments.apps \"nope\" not found\n");
    assertThat(h.run("tree pod/bare").err()).isEqualTo("error: tree shows deployments: use tree deployment/NAME\n");
    assertThat(h.run("tree -n empty")).isEqualTo(new Result(0, "", "No resources found in empty namespace.\n"));
  }
}
