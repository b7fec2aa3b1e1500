package io.kubetutor.sim.controllers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.LogOptions;
import io.kubetutor.sim.Bootstrap;
import io.kubetutor.sim.ControlPlane;
import io.kubetutor.sim.Engine;
import io.kubetutor.sim.ObjectKey;
import io.kubetutor.sim.clock.SimClock;
import io.kubetutor.sim.images.ImageRegistry;
import io.kubetutor.sim.store.ApiAdmission;
import io.kubetutor.sim.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The kubelet on the real engine: the apiserver store with admission, every controller, the
 * bootstrapped nodes, the virtual clock. Pods are bound to a worker directly (as the scheduler
 * would), and the events the kubelet reports are read at the moment it reports them, to the
 * nanosecond of the virtual clock (the stored Events keep whole seconds and merge repeats).
 */
class KubeletTest {

  private static final String NODE = Bootstrap.WORKERS.get(0);

  /** One event as the kubelet reported it, and when. */
  record Event(String object, String fieldPath, String type, String reason, String message, String component,
               String host, Instant at) {}

  /** The engine as the controllers see it, noting each event on its way to the recorder. */
  private static final class RecordingPlane implements ControlPlane {
    private final Engine engine;
    final List<Event> events = new ArrayList<>();

    RecordingPlane(Engine engine) {
      this.engine = engine;
    }

    @Override public Store store() { return engine.store(); }
    @Override public SimClock clock() { return engine.clock(); }
    @Override public RandomGenerator random() { return engine.random(); }
    @Override public String randomSuffix() { return engine.randomSuffix(); }
    @Override public ImageRegistry images() { return engine.images(); }
    @Override public void trace(String component, String message) { engine.trace(component, message); }

    @Override
    public void requeueAfter(Reconciler controller, ObjectKey key, Duration delay) {
      engine.requeueAfter(controller, key, delay);
    }

    @Override
    public void event(HasMetadata involved, String fieldPath, String type, String reason, String message,
                      String component, String host) {
      events.add(new Event(involved.getMetadata().getName(), fieldPath, type, reason, message, component, host,
          engine.clock().now()));
      engine.event(involved, fieldPath, type, reason, message, component, host);
    }
  }

  private final Engine engine = new Engine(1, SimClock.EPOCH);
  private final RecordingPlane plane = new RecordingPlane(engine);
  private final ImageRegistry registry = engine.images();
  private final Kubelet kubelet;

  KubeletTest() {
    engine.memoryStore().setAdmission(new ApiAdmission(engine));
    List<Reconciler> controllers = Controllers.create(plane);
    engine.install(controllers);
    kubelet = controllers.stream().filter(Kubelet.class::isInstance).map(Kubelet.class::cast).findFirst().orElseThrow();
    engine.run(() -> Bootstrap.populate(engine));
  }

  private Pod pod(String name, String image, String policy, String restartPolicy, String... command) {
    Pod pod = new PodBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withNewSpec().withNodeName(NODE).withRestartPolicy(restartPolicy)
        .addNewContainer().withName("c").withImage(image).withImagePullPolicy(policy)
        .withCommand(command.length == 0 ? null : List.of(command)).endContainer().endSpec().build();
    return (Pod) engine.call(() -> engine.store().create(pod));
  }

  private Pod get(String name) {
    return engine.read(() -> engine.store().get(Pod.class, "default", name));
  }

  private void delete(String name) {
    engine.run(() -> engine.store().delete(ObjectKey.of(get(name)), DeleteOptions.DEFAULT));
  }

  private void advance(Duration d) {
    engine.advance(d);
  }

  private ContainerStatus status(String name) {
    return get(name).getStatus().getContainerStatuses().get(0);
  }

  /** The events about one pod, in the order the kubelet reported them. */
  private List<Event> events(String pod) {
    return plane.events.stream().filter(e -> e.object().equals(pod)).toList();
  }

  private List<String> reasons(String pod) {
    return events(pod).stream().map(Event::reason).toList();
  }

  @Test
  void podGoesFromContainerCreatingToRunningWithTheRealEvents() {
    pod("web", "nginx:1.27", null, "Always");
    assertThat(get("web").getStatus().getPhase()).isEqualTo("Pending");
    assertThat(status("web").getState().getWaiting().getReason()).isEqualTo("ContainerCreating");

    advance(Duration.ofSeconds(30));

    Pod pod = get("web");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
    assertThat(pod.getStatus().getPodIP()).as("the first worker's pod CIDR").startsWith("10.244.1.");
    assertThat(pod.getStatus().getConditions()).extracting(c -> c.getType() + "=" + c.getStatus())
        .containsExactly("PodReadyToStartContainers=True", "Initialized=True", "Ready=True", "ContainersReady=True", "PodScheduled=True");
    ContainerStatus cs = status("web");
    assertThat(cs.getReady()).isTrue();
    assertThat(cs.getContainerID()).matches("containerd://[0-9a-f]{64}");
    assertThat(cs.getImageID()).isEqualTo("docker.io/library/nginx@" + registry.find("nginx:1.27").orElseThrow().digest());
    assertThat(reasons("web")).containsExactly("Pulling", "Pulled", "Created", "Started");
    Event pulled = events("web").get(1);
    assertThat(pulled.message()).matches("Successfully pulled image \"nginx:1.27\" in [0-9.]+m?s \\([0-9.]+m?s including waiting\\)\\. Image size: 72406859 bytes\\.");
    assertThat(pulled.fieldPath()).isEqualTo("spec.containers{c}");
    assertThat(pulled.component()).isEqualTo("kubelet");
    assertThat(pulled.host()).isEqualTo(NODE);
    assertThat(events("web").get(2).message()).isEqualTo("Created container c");
    assertThat(events("web").get(3).message()).isEqualTo("Started container c");

    // A second pod with IfNotPresent finds the image cached on the node.
    pod("web2", "nginx:1.27", "IfNotPresent", "Always");
    advance(Duration.ofSeconds(5));
    assertThat(events("web2").stream().map(Event::message).toList())
        .containsExactly("Container image \"nginx:1.27\" already present on machine", "Created container c", "Started container c");
  }

  @Test
  void unknownImageBacksOffWithGrowingDelays() {
    pod("bad", "nosuch:1.0", null, "Always");
    advance(Duration.ofSeconds(3));
    assertThat(status("bad").getState().getWaiting().getReason()).isEqualTo("ImagePullBackOff");
    assertThat(events("bad")).anySatisfy(e -> assertThat(e.message()).isEqualTo(
        "Failed to pull image \"nosuch:1.0\": rpc error: code = Unknown desc = failed to pull and unpack image "
            + "\"docker.io/library/nosuch:1.0\": failed to resolve reference \"docker.io/library/nosuch:1.0\": pull access denied, "
            + "repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"));
    assertThat(reasons("bad")).containsExactly("Pulling", "Failed", "Failed", "BackOff", "Failed");

    advance(Duration.ofMinutes(10));
    List<Instant> pulls = events("bad").stream().filter(e -> e.reason().equals("Pulling")).map(Event::at).toList();
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
    advance(Duration.ofSeconds(20));
    List<Instant> starts = startTimes("crash");
    advance(Duration.ofMinutes(3));
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
    assertThat(events("crash")).anySatisfy(e -> assertThat(e.message()).startsWith("Back-off restarting failed container c in pod crash_default("));
  }

  private List<Instant> startTimes(String pod) {
    return events(pod).stream().filter(e -> e.reason().equals("Started")).map(Event::at).toList();
  }

  private static long gapSeconds(List<Instant> starts, int i) {
    return Duration.between(starts.get(i - 1), starts.get(i)).minusMillis(200).toSeconds();
  }

  @Test
  void restartPolicyNeverAndOnFailure() {
    pod("once", "busybox:1.36", null, "Never", "sh", "-c", "echo done; exit 3");
    pod("ok", "busybox:1.36", null, "OnFailure", "sh", "-c", "echo done");
    advance(Duration.ofMinutes(2));
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
    advance(Duration.ofMinutes(1));
    delete("hello");
    delete("web");
    advance(Duration.ofSeconds(1));
    assertThat(get("web")).isNull();
    assertThat(get("hello")).isNotNull();
    assertThat(reasons("hello")).endsWith("Killing");
    assertThat(plane.events.stream().filter(e -> e.reason().equals("Killing")).map(Event::message))
        .containsOnly("Stopping container c");
    advance(Duration.ofSeconds(28));
    assertThat(get("hello")).isNotNull();
    advance(Duration.ofSeconds(1));
    assertThat(get("hello")).isNull();
  }

  @Test
  void devTagWithAlwaysPicksUpAPushedDigestIfNotPresentKeepsTheCachedOne() {
    String old = registry.find("username/hello-fastapi:dev").orElseThrow().digest();
    pod("a1", "username/hello-fastapi:dev", "Always", "Always");
    advance(Duration.ofSeconds(30));
    assertThat(status("a1").getImageID()).isEqualTo("docker.io/username/hello-fastapi@" + old);

    String pushed = registry.publish("username/hello-fastapi:dev", registry.find("username/hello-fastapi:dev").orElseThrow()).digest();

    pod("i1", "username/hello-fastapi:dev", "IfNotPresent", "Always");
    pod("a2", "username/hello-fastapi:dev", "Always", "Always");
    advance(Duration.ofSeconds(30));
    assertThat(status("i1").getImageID()).endsWith(old);
    assertThat(status("a2").getImageID()).endsWith(pushed);
    assertThat(events("a2").stream().filter(e -> e.reason().equals("Pulled")).findFirst().orElseThrow().message())
        .startsWith("Successfully pulled image \"username/hello-fastapi:dev\"");
    assertThat(events("i1").stream().filter(e -> e.reason().equals("Pulled")).findFirst().orElseThrow().message())
        .isEqualTo("Container image \"username/hello-fastapi:dev\" already present on machine");
  }

  @Test
  void neverPolicyWithoutTheImageFails() {
    pod("n", "redis:7", "Never", "Always");
    advance(Duration.ofSeconds(2));
    assertThat(status("n").getState().getWaiting().getReason()).isEqualTo("ErrImageNeverPull");
    assertThat(events("n").get(0).message()).isEqualTo("Container image \"redis:7\" is not present with pull policy of Never");
  }

  @Test
  void logsCarryTimestampsAndGrowWithTheClock() {
    pod("ticker", "busybox:1.36", "IfNotPresent", "Always", "sh", "-c", "echo one; sleep 5; echo two; sleep infinity");
    advance(Duration.ofSeconds(3));
    Instant started = Instant.parse(status("ticker").getState().getRunning().getStartedAt());
    var log = kubelet.log("default", "ticker", "c", false).orElseThrow();
    assertThat(log.render(LogOptions.DEFAULT, engine.clock().now())).isEqualTo("one\n");
    advance(Duration.ofSeconds(10));
    String withTimes = log.render(new LogOptions(null, false, true, null, null), engine.clock().now());
    assertThat(withTimes).matches("2026-01-05T09:00:0[0-9](\\.[0-9]+)?Z one\n2026-01-05T09:00:0[0-9](\\.[0-9]+)?Z two\n");
    assertThat(started).isBefore(engine.clock().now());
  }
}
