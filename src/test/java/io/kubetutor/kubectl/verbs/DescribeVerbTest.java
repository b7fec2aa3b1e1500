package io.kubetutor.kubectl.verbs;

import static io.kubetutor.print.Fixtures.ago;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubectl describe}: lookup by name, prefix, type, events through the port, errors. */
class DescribeVerbTest {

  @TempDir Path dir;

  private static PodBuilder pod(String name) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("default").addToLabels("app", "x").endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
        .withNewStatus().withPhase("Pending").endStatus();
  }

  private static final String WEB_A = """
      Name:         web-a
      Namespace:    default
      Node:         <none>
      Labels:       app=x
      Annotations:  <none>
      Status:       Pending
      IP:           \n\
      IPs:          <none>
      Containers:
        c:
          Image:        busybox
          Port:         <none>
          Host Port:    <none>
          Environment:  <none>
          Mounts:       <none>
      Volumes:          <none>
      QoS Class:        BestEffort
      Node-Selectors:   <none>
      Tolerations:      <none>
      """;

  @Test
  void describesByNameWithEvents() {
    ReadFakeCluster cluster = new ReadFakeCluster().add(pod("web-a").build(),
        new EventBuilder().withNewMetadata().withName("e1").withNamespace("default").endMetadata().withType("Warning")
            .withReason("FailedScheduling").withMessage("0/1 nodes are available").withNewSource()
            .withComponent("default-scheduler").endSource().withNewInvolvedObject().withKind("Pod").withName("web-a")
            .endInvolvedObject().withFirstTimestamp(ago(10)).withLastTimestamp(ago(10)).withCount(1).build());
    var r = new ReadVerbs(cluster, dir).run("kubectl describe pod web-a");
    assertThat(r.out()).isEqualTo(WEB_A + """
        Events:
          Type     Reason            Age   From               Message
          ----     ------            ----  ----               -------
          Warning  FailedScheduling  10s   default-scheduler  0/1 nodes are available
        """);
    assertThat(r.exit()).isZero();
  }

  @Test
  void prefixMatchingTypeOnlyAndNotFound() {
    ReadFakeCluster cluster = new ReadFakeCluster().add(pod("web-a").build(), pod("web-b").build(),
        new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().withNewStatus().withPhase("Active")
            .endStatus().build());
    ReadVerbs kubectl = new ReadVerbs(cluster, dir);
    String webA = WEB_A + "Events:           <none>\n";
    String webB = webA.replace("web-a", "web-b");
    assertThat(kubectl.run("kubectl describe pods web").out()).isEqualTo(webA + "\n" + webB + "\n");
    assertThat(kubectl.run("kubectl describe pods").out()).isEqualTo(webA + "\n\n" + webB);
    var missing = kubectl.run("kubectl describe pod nope");
    assertThat(missing.err()).isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(kubectl.run("kubectl describe deploy").err()).isEqualTo("No resources found in default namespace.\n");
    assertThat(kubectl.run("kubectl describe ns default").out()).isEqualTo(
        "Name:         default\nLabels:       <none>\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\n"
            + "No LimitRange resource.\n");
  }
}
