package io.kubetutor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionHarness.Result;
import io.kubetutor.shell.SessionOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lesson setup and {@code lesson reset} on a real cluster (fabric8's mock API server): setup objects
 * carry {@code kubetutor.io/lesson=<id>}, and reset deletes exactly those in the student's namespace.
 */
@Timeout(120)  // a guard against hanging, not a measurement
class RealClusterLessonResetTest {

  static final String LABEL = "kubetutor.io/lesson";

  @TempDir Path dir;
  MockApiServer mock;
  SessionHarness sh;
  Cluster api;

  @BeforeEach
  void start() throws Exception {
    mock = new MockApiServer();
    Path kubeconfig = mock.writeKubeconfig(dir);
    sh = new SessionHarness(new SessionOptions("mock", null, 1, "virtual", Duration.ofSeconds(5), dir, false, false,
        false, false, kubeconfig, null));
    api = sh.session().cluster();
  }

  @AfterEach
  void stop() {
    sh.close();
    mock.close();
  }

  void pod(String ns, String name, Map<String, String> labels) {
    api.create(new PodBuilder().withNewMetadata().withNamespace(ns).withName(name).withLabels(labels).endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec().build(),
        Cluster.DryRun.NONE);
  }

  List<String> podNames(String ns) {
    return api.list(ResourceKind.POD, ns, Selector.EVERYTHING, FieldSelector.EVERYTHING).stream()
        .map(p -> p.getMetadata().getName()).sorted().toList();
  }

  @Test
  void setupLabelsWhatItCreatesWithTheLessonId() {
    Result r = sh.run("lesson start 02-deployments");
    assertThat(r.err()).isEmpty();
    HasMetadata hello = api.get(ResourceKind.POD, "wallen", "hello");
    assertThat(hello.getMetadata().getLabels()).containsEntry(LABEL, "deployments");
    HasMetadata labelled = api.get(ResourceKind.POD, "wallen", "hello-label");
    assertThat(labelled.getMetadata().getLabels()).containsEntry(LABEL, "deployments")
        .as("the manifest's own labels stay").hasSizeGreaterThan(1);
  }

  @Test
  void resetDeletesOnlyTheLessonsLabelledObjectsInTheStudentsNamespace() {
    pod("wallen", "students-own", Map.of("app", "hello"));
    pod("wallen", "other-lesson", Map.of(LABEL, "01-pods"));
    pod("elsewhere", "same-label-other-namespace", Map.of(LABEL, "deployments"));
    // A leftover of an earlier setup (the manifest has since changed): labelled, so reset removes it.
    pod("wallen", "stale-setup-pod", Map.of(LABEL, "deployments"));
    assertThat(sh.run("lesson start 02-deployments").err()).isEmpty();
    assertThat(sh.run("kubectl delete pod hello").exit()).isZero();
    // The student changed a setup object: reset must bring back the manifest's version.
    assertThat(sh.run("kubectl label pod hello-label extra=yes").exit()).isZero();

    Result reset = sh.run("lesson reset");
    assertThat(reset.err()).isEmpty();
    assertThat(reset.out()).startsWith("removed 2 objects labelled kubetutor.io/lesson=deployments from namespace wallen\n");

    assertThat(podNames("wallen")).containsExactly("hello", "hello-label", "other-lesson", "students-own");
    assertThat(podNames("elsewhere")).containsExactly("same-label-other-namespace");
    assertThat(api.get(ResourceKind.POD, "wallen", "hello-label").getMetadata().getLabels()).doesNotContainKey("extra");
  }

  @Test
  void startingAgainWithProgressKeepsWhatIsThere() {
    assertThat(sh.run("lesson start 02-deployments").err()).isEmpty();
    assertThat(sh.run("kubectl label pod hello-label extra=yes").exit()).isZero();
    Result again = sh.run("lesson start 02-deployments");
    assertThat(again.err()).isEmpty();
    assertThat(again.out()).doesNotContain("removed");
    assertThat(api.get(ResourceKind.POD, "wallen", "hello-label").getMetadata().getLabels()).containsEntry("extra", "yes");
  }
}
