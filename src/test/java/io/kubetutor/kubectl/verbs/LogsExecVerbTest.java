package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.shell.Session;
import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionHarness.Result;
import io.kubetutor.shell.SessionOptions;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden tests of logs (pod choice, defaulting, the kubelet's refusals) and exec (one-shot and interactive). */
class LogsExecVerbTest {

  @TempDir Path dir;
  SessionHarness sh;
  Cluster cluster;

  @BeforeEach
  void start() {
    // No think time: the simulated kubelet does not get to replace the hand-made container states.
    sh = new SessionHarness(noThinkTime(dir));
    cluster = sh.session().cluster();
  }

  @AfterEach
  void stop() {
    sh.close();
  }

  static SessionOptions noThinkTime(Path dir) {
    SessionOptions o = SessionOptions.forTests(dir);
    return new SessionOptions(o.context(), o.namespace(), o.seed(), o.clock(), java.time.Duration.ZERO,
        o.workdir(), o.color(), o.debug(), o.interactive(), o.grading(), o.kubeconfig(), o.stateDir());
  }

  /** A scheduled pod whose containers are in the given states ("running", or a waiting reason). */
  static Pod pod(String name, String app, String... states) {
    PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace("default")
        .addToLabels("app", app).withCreationTimestamp("2026-01-05T09:00:00Z").endMetadata()
        .withNewSpec().withNodeName("kind-control-plane").endSpec().withNewStatus().withPhase("Running").endStatus();
    for (int i = 0; i < states.length; i++) {
      String c = "c" + i;
      b.editSpec().addNewContainer().withName(c).withImage("busybox").withCommand("sleep", "3600").addNewEnv().withName("GREETING")
          .withValue("hi").endEnv().endContainer().endSpec();
      ContainerStatusBuilder s = new ContainerStatusBuilder().withName(c).withRestartCount(0);
      if (states[i].equals("running")) s.withNewState().withNewRunning().endRunning().endState();
      else s.withNewState().withNewWaiting().withReason(states[i]).endWaiting().endState();
      b.editStatus().addToContainerStatuses(s.build()).endStatus();
    }
    return b.build();
  }

  /** Switches to a session with think time, so the simulated kubelet runs the pods between commands. */
  private void withKubelet() {
    sh.close();
    sh = new SessionHarness(dir);
    cluster = sh.session().cluster();
  }

  @Test
  void logsOfPodRunByTheSimulatedKubelet() {
    withKubelet();
    Pod p = pod("web", "web", "running");
    p.getSpec().getContainers().get(0).setCommand(java.util.List.of("sh", "-c", "echo hello; echo world; sleep 3600"));
    StatusFixtures.store(cluster, p);
    sh.run("true");
    Result r = sh.run("kubectl logs web");
    assertThat(r.out()).isEqualTo("hello\nworld\n");
    assertThat(sh.run("kubectl logs web --tail=1").out()).isEqualTo("world\n");
    assertThat(sh.run("kubectl logs pod/web --prefix").out()).isEqualTo("[pod/web/c0] hello\n[pod/web/c0] world\n");
    assertThat(r.exit()).isZero();
  }

  @Test
  void logsRefusesContainersThatAreNotRunning() {
    StatusFixtures.store(cluster, pod("a", "x", "ContainerCreating"));
    StatusFixtures.store(cluster, pod("b", "x", "ErrImagePull"));
    StatusFixtures.store(cluster, pod("c", "x", "ImagePullBackOff"));
    assertThat(sh.run("kubectl logs a").err())
        .isEqualTo("Error from server (BadRequest): container \"c0\" in pod \"a\" is waiting to start: ContainerCreating\n");
    assertThat(sh.run("kubectl logs b").err())
        .isEqualTo("Error from server (BadRequest): container \"c0\" in pod \"b\" is waiting to start: image can't be pulled\n");
    Result c = sh.run("kubectl logs c");
    assertThat(c.err()).isEqualTo(
        "Error from server (BadRequest): container \"c0\" in pod \"c\" is waiting to start: trying and failing to pull image\n");
    assertThat(c.exit()).isEqualTo(1);
  }

  @Test
  void logsErrorsForPreviousUnknownContainerAndMissingPod() {
    StatusFixtures.store(cluster, pod("web", "web", "running"));
    assertThat(sh.run("kubectl logs web -p").err())
        .isEqualTo("Error from server (BadRequest): previous terminated container \"c0\" in pod \"web\" not found\n");
    assertThat(sh.run("kubectl logs web -c nope").err())
        .isEqualTo("Error from server (BadRequest): container nope is not valid for pod web\n");
    assertThat(sh.run("kubectl logs ghost").err()).isEqualTo("Error from server (NotFound): pods \"ghost\" not found\n");
    assertThat(sh.run("kubectl logs web --since=1m --since-time=2026-01-05T09:00:00Z").err())
        .isEqualTo("error: at most one of `sinceTime` or `sinceSeconds` may be specified\n");
  }

  @Test
  void logsDefaultsContainerAndPicksPodOfDeployment() {
    withKubelet();
    StatusFixtures.store(cluster, pod("two", "multi", "running", "running"));
    Result r = sh.run("kubectl logs two");
    assertThat(r.err()).isEqualTo("Defaulted container \"c0\" out of: c0, c1\n");
    assertThat(r.exit()).isZero();
    Pod pending = pod("web-2", "web", "running");
    pending.getStatus().setPhase("Pending");
    StatusFixtures.store(cluster, pending);
    StatusFixtures.store(cluster, pod("web-1", "web", "running"));
    sh.run("kubectl create deployment web --image=nginx --replicas=0");
    Result d = sh.run("kubectl logs deploy/web");
    assertThat(d.err()).isEqualTo("Found 2 pods, using pod/web-1\n");
    assertThat(d.exit()).isZero();
  }

  @Test
  void logsOfUnscheduledPodPrintsNothing() {
    withKubelet();
    // No node carries this label, so the scheduler leaves the pod unbound: there is no kubelet to ask for logs.
    Pod p = pod("new", "x", "ContainerCreating");
    p.getSpec().setNodeName(null);
    p.getSpec().setNodeSelector(java.util.Map.of("disktype", "none"));
    p.setStatus(null);
    cluster.create(p, Cluster.DryRun.NONE);
    sh.run("true");
    assertThat(((Pod) cluster.get(io.kubetutor.cluster.ResourceKind.POD, "default", "new")).getSpec().getNodeName()).isNull();
    Result r = sh.run("kubectl logs new");
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
  }

  /** Creates a pod as a student would (no node, no status) and lets the simulated kubelet start it. */
  private void runningPod(String name) {
    Pod p = pod(name, name, "running");
    p.getSpec().setNodeName(null);
    p.setStatus(null);
    cluster.create(p, Cluster.DryRun.NONE);
    sh.session().simulator().advance(java.time.Duration.ofSeconds(30));
    Pod live = (Pod) cluster.get(io.kubetutor.cluster.ResourceKind.POD, "default", name);
    assertThat(live.getStatus().getContainerStatuses().get(0).getState().getRunning()).as("started by the kubelet").isNotNull();
  }

  @Test
  void execRunsCommandsInRunningContainer() {
    runningPod("hello");
    assertThat(sh.run("kubectl exec hello -- hostname").out()).isEqualTo("hello\n");
    assertThat(sh.run("kubectl exec hello -- sh -c 'echo $GREETING there && cat /etc/hostname'").out())
        .isEqualTo("hi there\nhello\n");
    Result failed = sh.run("kubectl exec hello -- sh -c 'exit 3'");
    assertThat(failed.err()).isEqualTo("command terminated with exit code 3\n");
    assertThat(failed.exit()).isEqualTo(3);
    Result missing = sh.run("kubectl exec hello -- cat /nope");
    assertThat(missing.err()).isEqualTo("cat: /nope: No such file or directory\ncommand terminated with exit code 1\n");
  }

  @Test
  void execErrors() {
    // Just created: the kubelet has admitted it but not yet started its container.
    Pod wait = pod("wait", "w", "ContainerCreating");
    wait.getSpec().setNodeName(null);
    wait.setStatus(null);
    cluster.create(wait, Cluster.DryRun.NONE);
    assertThat(((Pod) cluster.get(io.kubetutor.cluster.ResourceKind.POD, "default", "wait")).getStatus()
        .getContainerStatuses().get(0).getState().getWaiting().getReason()).isEqualTo("ContainerCreating");
    assertThat(sh.run("kubectl exec wait -- ls").err())
        .isEqualTo("error: unable to upgrade connection: container not found (\"c0\")\n");
    assertThat(sh.run("kubectl exec ghost -- ls").err()).isEqualTo("Error from server (NotFound): pods \"ghost\" not found\n");
    Result noCommand = sh.run("kubectl exec wait");
    assertThat(noCommand.err()).isEqualTo("error: you must specify at least one command for the container\n"
        + "See 'kubectl exec -h' for help and examples\n");
  }

  @Test
  void interactiveShellRunsLinesUntilExit() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String typed = "pwd\ncd /etc\nls\nhostname\nexit\n";
    try (Session s = new Session(noThinkTime(dir), new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)))) {
      Pod p = pod("hello", "hello", "running");
      p.getSpec().setNodeName(null);
      p.setStatus(null);
      s.cluster().create(p, Cluster.DryRun.NONE);
      s.simulator().advance(java.time.Duration.ofSeconds(30));
      int code = s.execute("kubectl exec -it hello -- /bin/bash");
      assertThat(code).isZero();
    }
    assertThat(out.toString()).isEqualTo("root@hello:/# /\nroot@hello:/# root@hello:/etc# hostname\nhosts\n"
        + "resolv.conf\nroot@hello:/etc# hello\nroot@hello:/etc# exit\n");
    assertThat(err.toString()).isEmpty();
  }
}
