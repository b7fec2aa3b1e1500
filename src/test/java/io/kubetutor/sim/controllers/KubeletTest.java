package io.kubetutor.sim.controllers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.LogOptions;
import io.kubetutor.sim.ObjectKey;
import io.kubetutor.sim.TestControlPlane;
import io.kubetutor.sim.images.ImageRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeletTest {

  private final TestControlPlane cp = new TestControlPlane();
  private final ImageRegistry registry = ImageRegistry.withCatalogue();
  private final Kubelet kubelet = new Kubelet(cp, registry);

  KubeletTest() {
    cp.register(kubelet);
  }

  private Pod pod(String name, String image, String policy, String restartPolicy, String... command) {
    PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withNewSpec().withNodeName("node1").withRestartPolicy(restartPolicy)
        .addNewContainer().withName("c").withImage(image).withImagePullPolicy(policy)
        .withCommand(command.length == 0 ? null : List.of(command)).endContainer().endSpec();
    return (Pod) cp.create(b.build());
  }

  private Pod get(String name) {
    return cp.get(Pod.class, "default", name);
  }

  private ContainerStatus status(String name) {
    return get(name).getStatus().getContainerStatuses().get(0);
  }

  private List<String> reasons(String pod) {
    return cp.events.stream().filter(e -> e.object().equals(pod)).map(TestControlPlane.Event::reason).toList();
  }

  @Test
  void podGoesFromContainerCreatingToRunningWithTheRealEvents() {
    pod("web", "nginx:1.27", null, "Always");
    cp.drain();
    assertThat(get("web").getStatus().getPhase()).isEqualTo("Pending");
    assertThat(status("web").getState().getWaiting().getReason()).isEqualTo("ContainerCreating");

    cp.advance(Duration.ofSeconds(30));

    Pod pod = get("web");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
    assertThat(pod.getStatus().getPodIP()).startsWith("10.244.0.");
    assertThat(pod.getStatus().getConditions()).extracting(c -> c.getType() + "=" + c.getStatus())
        .containsExactly("PodReadyToStartContainers=True", "Initialized=True", "Ready=True", "ContainersReady=True", "PodScheduled=True");
    ContainerStatus cs = status("web");
    assertThat(cs.getReady()).isTrue();
    assertThat(cs.getContainerID()).matches("containerd://[0-9a-f]{64}");
    assertThat(cs.getImageID()).isEqualTo("docker.io/library/nginx@" + registry.find("nginx:1.27").orElseThrow().digest());
    assertThat(reasons("web")).containsExactly("Pulling", "Pulled", "Created", "Started");
    TestControlPlane.Event pulled = cp.events.get(1);
    assertThat(pulled.message()).matches("Successfully pulled image \"nginx:1.27\" in [0-9.]+m?s \\([0-9.]+m?s including waiting\\)\\. Image size: 72406859 bytes\\.");
    assertThat(pulled.fieldPath()).isEqualTo("spec.containers{c}");
    assertThat(pulled.component()).isEqualTo("kubelet");
    assertThat(pulled.host()).isEqualTo("node1");
    assertThat(cp.events.get(2).message()).isEqualTo("Created container c");
    assertThat(cp.events.get(3).message()).isEqualTo("Started container c");

    // A second pod with IfNotPresent finds the image cached on the node.
    pod("web2", "nginx:1.27", "IfNotPresent", "Always");
    cp.advance(Duration.ofSeconds(5));
    assertThat(cp.events.stream().filter(e -> e.object().equals("web2")).map(TestControlPlane.Event::message).toList())
        .containsExactly("Container image \"nginx:1.27\" already present on machine", "Created container c", "Started container c");
  }

  @Test
  void unknownImageBacksOffWithGrowingDelays() {
    pod("bad", "nosuch:1.0", null, "Always");
    cp.advance(Duration.ofSeconds(3));
    assertThat(status("bad").getState().getWaiting().getReason()).isEqualTo("ImagePullBackOff");
    assertThat(cp.events).anySatisfy(e -> assertThat(e.message()).isEqualTo(
        "Failed to pull image \"nosuch:1.0\": rpc error: code = Unknown desc = failed to pull and unpack image "
            + "\"docker.io/library/nosuch:1.0\": failed to resolve reference \"docker.io/library/nosuch:1.0\": pull access denied, "
            + "repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"));
    assertThat(reasons("bad")).containsExactly("Pulling", "Failed", "Failed", "BackOff", "Failed");

    cp.advance(Duration.ofMinutes(10));
    List<Instant> pulls = cp.events.stream().filter(e -> e.reason().equals("Pulling")).map(TestControlPlane.Event::at).toList();
    // each retry waits the back-off (10, 20, 40, 80, 160 s) after a failed lookup of under a second
    assertThat(pulls).hasSize(6);
    long[] expected = {10, 20, 40, 80, 160};
    for (int i = 1; i < pulls.size(); i++) {
      assertThat(Duration.between(pulls.get(i - 1), pulls.get(i)).toSeconds()).isEqualTo(expected[i - 1]);
    }
  }

  @Test
  void ubuntuWithoutCommandCrashLoopsWithDoublingBackoff() {
    pod("crash", "ubuntu:22.04", null, "Always");
    cp.advance(Duration.ofSeconds(20));
    List<Instant> starts = startTimes("crash");
    cp.advance(Duration.ofMinutes(3));
    starts = startTimes("crash");
    assertThat(starts.size()).isGreaterThanOrEqualTo(5);
    // first exit restarts at once; then 10 s, 20 s, 40 s (each plus the 200 ms start)
    assertThat(gapSeconds(starts, 1)).isEqualTo(0);
    assertThat(gapSeconds(starts, 2)).isEqualTo(10);
    assertThat(gapSeconds(starts, 3)).isEqualTo(20);
    assertThat(gapSeconds(starts, 4)).isEqualTo(40);
    ContainerStatus cs = status("crash");
    assertThat(get("crash").getStatus().getPhase()).isEqualTo("Running");
    assertThat(cs.getRestartCount()).isEqualTo(starts.size() - 1);
    assertThat(cs.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
    assertThat(cs.getState().getWaiting().getMessage()).startsWith("back-off ").contains("restarting failed container=c pod=crash_default(");
    assertThat(cs.getLastState().getTerminated().getReason()).isEqualTo("Completed");
    assertThat(cs.getLastState().getTerminated().getExitCode()).isZero();
    assertThat(cp.events).anySatisfy(e -> assertThat(e.message()).startsWith("Back-off restarting failed container c in pod crash_default("));
  }

  private List<Instant> startTimes(String pod) {
    return cp.events.stream().filter(e -> e.object().equals(pod) && e.reason().equals("Started")).map(TestControlPlane.Event::at).toList();
  }

  private static long gapSeconds(List<Instant> starts, int i) {
    return Duration.between(starts.get(i - 1), starts.get(i)).minusMillis(200).toSeconds();
  }

  @Test
  void restartPolicyNeverAndOnFailure() {
    pod("once", "busybox:1.36", null, "Never", "sh", "-c", "echo done; exit 3");
    pod("ok", "busybox:1.36", null, "OnFailure", "sh", "-c", "echo done");
    cp.advance(Duration.ofMinutes(2));
    assertThat(get("once").getStatus().getPhase()).isEqualTo("Failed");
    assertThat(status("once").getState().getTerminated().getReason()).isEqualTo("Error");
    assertThat(status("once").getState().getTerminated().getExitCode()).isEqualTo(3);
    assertThat(status("once").getRestartCount()).isZero();
    assertThat(get("ok").getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(status("ok").getState().getTerminated().getReason()).isEqualTo("Completed");
  }

  @Test
  void shellPodTakesItsWholeGracePeriodButNginxStopsAtOnce() {
    pod("hello", "ubuntu:22.04", null, "Always", "sh", "-c", "echo \"Hello, Kubernetes!\" && sleep 3600");
    pod("web", "nginx:1.27", null, "Always");
    cp.advance(Duration.ofMinutes(1));
    cp.delete(ObjectKey.of(get("hello")), DeleteOptions.DEFAULT);
    cp.delete(ObjectKey.of(get("web")), DeleteOptions.DEFAULT);
    cp.advance(Duration.ofSeconds(1));
    assertThat(get("web")).isNull();
    assertThat(get("hello")).isNotNull();
    assertThat(reasons("hello")).endsWith("Killing");
    assertThat(cp.events.stream().filter(e -> e.reason().equals("Killing")).map(TestControlPlane.Event::message))
        .containsOnly("Stopping container c");
    cp.advance(Duration.ofSeconds(28));
    assertThat(get("hello")).isNotNull();
    cp.advance(Duration.ofSeconds(1));
    assertThat(get("hello")).isNull();
  }

  @Test
  void devTagWithAlwaysPicksUpAPushedDigestIfNotPresentKeepsTheCachedOne() {
    String old = registry.find("username/hello-fastapi:dev").orElseThrow().digest();
    pod("a1", "username/hello-fastapi:dev", "Always", "Always");
    cp.advance(Duration.ofSeconds(30));
    assertThat(status("a1").getImageID()).isEqualTo("docker.io/username/hello-fastapi@" + old);

    String pushed = registry.publish("username/hello-fastapi:dev", registry.find("username/hello-fastapi:dev").orElseThrow()).digest();

    pod("i1", "username/hello-fastapi:dev", "IfNotPresent", "Always");
    pod("a2", "username/hello-fastapi:dev", "Always", "Always");
    cp.advance(Duration.ofSeconds(30));
    assertThat(status("i1").getImageID()).endsWith(old);
    assertThat(status("a2").getImageID()).endsWith(pushed);
    assertThat(cp.events.stream().filter(e -> e.object().equals("a2") && e.reason().equals("Pulled")).findFirst().orElseThrow().message())
        .startsWith("Successfully pulled image \"username/hello-fastapi:dev\"");
    assertThat(cp.events.stream().filter(e -> e.object().equals("i1") && e.reason().equals("Pulled")).findFirst().orElseThrow().message())
        .isEqualTo("Container image \"username/hello-fastapi:dev\" already present on machine");
  }

  @Test
  void neverPolicyWithoutTheImageFails() {
    pod("n", "redis:7", "Never", "Always");
    cp.advance(Duration.ofSeconds(2));
    assertThat(status("n").getState().getWaiting().getReason()).isEqualTo("ErrImageNeverPull");
    assertThat(cp.events.get(0).message()).isEqualTo("Container image \"redis:7\" is not present with pull policy of Never");
  }

  @Test
  void logsCarryTimestampsAndGrowWithTheClock() {
    pod("ticker", "busybox:1.36", "IfNotPresent", "Always", "sh", "-c", "echo one; sleep 5; echo two; sleep infinity");
    cp.advance(Duration.ofSeconds(3));
    Instant started = Instant.parse(status("ticker").getState().getRunning().getStartedAt());
    var log = kubelet.log("default", "ticker", "c", false).orElseThrow();
    assertThat(log.render(LogOptions.DEFAULT, cp.clock().now())).isEqualTo("one\n");
    cp.advance(Duration.ofSeconds(10));
    String withTimes = log.render(new LogOptions(null, false, true, null, null), cp.clock().now());
    assertThat(withTimes).matches("2026-01-05T09:00:0[0-9](\\.[0-9]+)?Z one\n2026-01-05T09:00:0[0-9](\\.[0-9]+)?Z two\n");
    assertThat(started).isBefore(cp.clock().now());
  }
}
