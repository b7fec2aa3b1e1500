package io.kubetutor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionHarness.Result;
import io.kubetutor.shell.SessionOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell on a real cluster: a session whose kubeconfig points at fabric8's mock API server
 * (CRUD mode), driven by the same command lines a student types.
 */
@Timeout(120)  // a guard against hanging, not a measurement
class RealClusterSessionTest {

  @TempDir Path dir;
  MockApiServer mock;
  Path kubeconfig;
  int deadPort;
  SessionHarness sh;

  @BeforeEach
  void start() throws Exception {
    mock = new MockApiServer();
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock-cluster
          cluster:
            server: %s
        - name: dead-cluster
          cluster:
            server: http://127.0.0.1:%d
        contexts:
        - name: mock
          context:
            cluster: mock-cluster
            user: student
            namespace: wallen
        - name: dead
          context:
            cluster: dead-cluster
            user: student
        current-context: dead
        users:
        - name: student
          user:
            token: s3cr3t-token
        """.formatted(mock.url(), deadPort));
    sh = session("mock");
  }

  SessionHarness session(String context) {
    return new SessionHarness(new SessionOptions(context, null, 1, "virtual", Duration.ofSeconds(5), dir, false, false,
        false, false, kubeconfig, null));
  }

  @AfterEach
  void stop() {
    sh.close();
    mock.close();
  }

  @Test
  void getContextsListsTheKubeconfigAndSim() {
    Result r = sh.run("kubectl config get-contexts");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("""
        CURRENT   NAME   CLUSTER        AUTHINFO   NAMESPACE
                  dead   dead-cluster   student   \s
        *         mock   mock-cluster   student    wallen
                  sim    sim            student    default
        """);
    assertThat(sh.run("kubectl config get-contexts -o name").out()).isEqualTo("dead\nmock\nsim\n");
    Result missing = sh.run("kubectl config get-contexts mock nope");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.out()).isEqualTo("""
        CURRENT   NAME   CLUSTER        AUTHINFO   NAMESPACE
        *         mock   mock-cluster   student    wallen
        """);
    assertThat(missing.err()).isEqualTo("error: context nope not found\n");
  }

  @Test
  void theNamespaceAndPromptComeFromTheContext() {
    assertThat(sh.session().prompt()).isEqualTo("kubetutor [mock:wallen] $ ");
    assertThat(mock.server.getRequestCount()).as("nothing connects before a command needs the cluster").isZero();
    assertThat(sh.run("kubectl config current-context").out()).isEqualTo("mock\n");
    assertThat(sh.session().cluster().isSimulator()).isFalse();
  }

  /** {@code kubectl exec} through the verb: output, kubectl's exit line and status, and an unknown container. */
  @Test
  void execPrintsTheCommandsOutputAndItsExitCode() throws Exception {
    Path pod = dir.resolve("pod.yaml");
    Files.writeString(pod, """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
          - name: app
            image: busybox
        """);
    assertThat(sh.run("kubectl apply -f " + pod).out()).isEqualTo("pod/web created\n");
    io.fabric8.kubernetes.api.model.Status exit3 = new io.fabric8.kubernetes.api.model.StatusBuilder()
        .withStatus("Failure").withReason("NonZeroExitCode").withMessage("command terminated with non-zero exit code")
        .withNewDetails().addNewCause().withReason("ExitCode").withMessage("3").endCause().endDetails().build();
    mock.server.expect().get()
        .withPath("/api/v1/namespaces/wallen/pods/web/exec?command=cat&command=%2Fdata%2Fout.txt&container=app&stderr=true&stdout=true")
        .andUpgradeToWebSocket()
        .open(Fabric8ExecTest.frame(0, 1, "hello\n"), Fabric8ExecTest.frame(0, 2, "cat: short read\n"),
            Fabric8ExecTest.status(0, exit3))
        .expect(Fabric8ExecTest.NEVER).andEmit(Fabric8ExecTest.frame(0, 1, "")).always()
        .done().once();

    Result r = sh.run("kubectl exec web -- cat /data/out.txt");
    assertThat(r.out()).isEqualTo("hello\n");
    assertThat(r.err()).isEqualTo("cat: short read\ncommand terminated with exit code 3\n");
    assertThat(r.exit()).isEqualTo(3);

    // kubectl checks the container name against the pod before it opens a stream.
    Result missing = sh.run("kubectl exec web -c sidecar -- ls");
    assertThat(missing.err()).isEqualTo("error: container sidecar not found in pod web\n");
    assertThat(missing.exit()).isEqualTo(1);
  }

  @Test
  void versionAsksTheServer() {
    mock.server.setVersionInfo(new io.fabric8.kubernetes.client.VersionInfo.Builder().withMajor("1").withMinor("30")
        .withGitVersion("v1.30.4").build());
    Result r = sh.run("kubectl version");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("Client Version: v1.31.0\nKustomize Version: v5.4.2\nServer Version: v1.30.4\n");
  }

  @Test
  void namespaceFlagOverridesTheContextsNamespace() throws Exception {
    Files.writeString(dir.resolve("pod.yml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n"
        + "  containers:\n  - name: c\n    image: busybox\n");
    assertThat(sh.run("kubectl create -f pod.yml -n other").out()).isEqualTo("pod/p created\n");
    assertThat(sh.session().cluster().get(ResourceKind.POD, "other", "p").getMetadata().getNamespace())
        .isEqualTo("other");
    assertThatThrownByNotFound("wallen", "p");
  }

  void assertThatThrownByNotFound(String ns, String name) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> sh.session().cluster().get(ResourceKind.POD, ns, name))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.isNotFound()).isTrue());
  }

  @Test
  void useContextSwitchesTheBackendLiveWithoutWritingTheFile() throws Exception {
    String before = Files.readString(kubeconfig);
    Result r = sh.run("kubectl config use-context sim");
    assertThat(r.out()).isEqualTo("Switched to context \"sim\".\n");
    assertThat(sh.session().prompt()).isEqualTo("kubetutor [sim:default] $ ");
    assertThat(sh.session().cluster().isSimulator()).isTrue();
    assertThat(sh.run("kubectl config use-context mock").exit()).isZero();
    assertThat(sh.session().prompt()).isEqualTo("kubetutor [mock:wallen] $ ");
    assertThat(Files.readString(kubeconfig)).isEqualTo(before);

    Result unknown = sh.run("kubectl config use-context nope");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("error: no context exists with the name: \"nope\"\n");
    assertThat(sh.run("kubectl config current-context").out()).isEqualTo("mock\n");
  }

  @Test
  void persistWritesCurrentContextToTheKubeconfig() throws Exception {
    assertThat(Kubeconfig.load(kubeconfig, null, dir).currentContext()).isEqualTo("dead");
    Result r = sh.run("kubectl config use-context mock --persist");
    assertThat(r.out()).isEqualTo("Switched to context \"mock\".\n");
    assertThat(Kubeconfig.load(kubeconfig, null, dir).currentContext()).isEqualTo("mock");
    Result sim = sh.run("kubectl config use-context sim --persist");
    assertThat(sim.exit()).isEqualTo(1);
    assertThat(sim.err()).startsWith("error: cannot persist context \"sim\"");
    assertThat(Kubeconfig.load(kubeconfig, null, dir).currentContext()).isEqualTo("mock");
  }

  @Test
  void configViewNeverShowsTheToken() {
    Result r = sh.run("kubectl config view");
    assertThat(r.out()).contains("    token: REDACTED\n").doesNotContain("s3cr3t-token");
    Result minified = sh.run("kubectl config view --minify");
    assertThat(minified.out()).contains("current-context: mock\n").doesNotContain("dead-cluster");
    assertThat(sh.run("kubectl config view --raw").out()).contains("token: s3cr3t-token");
  }

  @Test
  void writeVerbsWorkAgainstTheApiServer() throws Exception {
    Files.writeString(dir.resolve("pod.yml"), """
        apiVersion: v1
        kind: Pod
        metadata:
          name: hello
          labels:
            app: hello
        spec:
          containers:
          - name: hello
            image: busybox
            command: [sleep, "3600"]
        """);
    Result created = sh.run("kubectl apply -f pod.yml");
    assertThat(created.err()).isEmpty();
    assertThat(created.out()).isEqualTo("pod/hello created\n");
    Pod stored = (Pod) sh.session().cluster().get(ResourceKind.POD, "wallen", "hello");
    assertThat(stored.getMetadata().getAnnotations()).containsKey("kubectl.kubernetes.io/last-applied-configuration");

    Result labeled = sh.run("kubectl label pod hello tier=web");
    assertThat(labeled.err()).isEmpty();
    assertThat(labeled.out()).isEqualTo("pod/hello labeled\n");
    assertThat(sh.session().cluster().get(ResourceKind.POD, "wallen", "hello").getMetadata().getLabels())
        .containsEntry("tier", "web");

    Result deleted = sh.run("kubectl delete pod hello");
    assertThat(deleted.err()).isEmpty();
    assertThat(deleted.out()).isEqualTo("pod \"hello\" deleted\n");
    assertThat(sh.session().cluster().list(ResourceKind.POD, "wallen", Selector.EVERYTHING, FieldSelector.EVERYTHING))
        .isEmpty();
  }

  static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: hello-deployment
        labels:
          app: hello
      spec:
        replicas: %d
        selector:
          matchLabels:
            app: hello
        template:
          metadata:
            labels:
              app: hello
          spec:
            containers:
            - name: hello
              image: nginx:1.25
      """;

  @Test
  void applyCreatesConfiguresAndLeavesUnchangedThenScales() throws Exception {
    Path file = dir.resolve("deployment.yml");
    Files.writeString(file, DEPLOYMENT.formatted(2));
    assertThat(sh.run("kubectl apply -f deployment.yml").out()).isEqualTo("deployment.apps/hello-deployment created\n");
    assertThat(sh.run("kubectl apply -f deployment.yml").out())
        .isEqualTo("deployment.apps/hello-deployment unchanged\n");
    Files.writeString(file, DEPLOYMENT.formatted(3));
    Result configured = sh.run("kubectl apply -f deployment.yml");
    assertThat(configured.err()).isEmpty();
    assertThat(configured.out()).isEqualTo("deployment.apps/hello-deployment configured\n");
    Result scaled = sh.run("kubectl scale deployment hello-deployment --replicas=5");
    assertThat(scaled.err()).isEmpty();
    assertThat(scaled.out()).isEqualTo("deployment.apps/hello-deployment scaled\n");
    io.fabric8.kubernetes.api.model.apps.Deployment stored = (io.fabric8.kubernetes.api.model.apps.Deployment)
        sh.session().cluster().get(ResourceKind.DEPLOYMENT, "wallen", "hello-deployment");
    assertThat(stored.getSpec().getReplicas()).isEqualTo(5);
    Result annotated = sh.run("kubectl annotate deployment hello-deployment owner=wallen");
    assertThat(annotated.out()).isEqualTo("deployment.apps/hello-deployment annotated\n");
  }

  @Test
  void forbiddenIsPrintedAsKubectlPrintsIt() {
    String msg = "pods \"hello\" is forbidden: User \"system:serviceaccount:USERNAME:USERNAME\" cannot delete resource"
        + " \"pods\" in API group \"\" in the namespace \"wallen\"";
    mock.server.expect().delete().withPath("/api/v1/namespaces/wallen/pods/hello")
        .andReturn(403, Fabric8ClusterTest.status(403, "Forbidden", msg)).always();
    sh.session().cluster().create(Fabric8ClusterTest.pod("hello", "hello"), Cluster.DryRun.NONE);
    Result r = sh.run("kubectl delete pod hello");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("Error from server (Forbidden): " + msg + "\n");
  }

  @Test
  void aDeadClusterIsReportedAndTheShellCarriesOn() {
    try (SessionHarness dead = session("dead")) {
      assertThat(dead.session().prompt()).isEqualTo("kubetutor [dead:default] $ ");
      Result r = dead.run("kubectl delete pod hello");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).isEqualTo("The connection to the server 127.0.0.1:" + deadPort
          + " was refused - did you specify the right host or port?\n");
      assertThat(dead.run("kubectl config use-context sim").exit()).isZero();
      assertThat(dead.session().cluster().isSimulator()).isTrue();
    }
  }

  @Test
  void anUnknownStartingContextFailsEachCommandLikeKubectl() {
    try (SessionHarness ghost = session("ghost")) {
      assertThat(ghost.session().prompt()).isEqualTo("kubetutor [ghost:default] $ ");
      Result r = ghost.run("kubectl delete pod hello");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).isEqualTo("Error in configuration: context was not found for specified context: ghost\n");
    }
  }

  /** Ctrl-C while a real cluster keeps us waiting: no text, status 130 (kubectl dies of SIGINT), and the shell goes on. */
  @Test
  @Timeout(60)
  void ctrlCDuringACallToASilentServerIsSilentWithStatus130() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Path config = dir.resolve("silent-kubeconfig");
      Files.writeString(config, """
          apiVersion: v1
          kind: Config
          clusters:
          - name: silent
            cluster:
              server: http://127.0.0.1:%d
          contexts:
          - name: silent
            context: {cluster: silent, user: student, namespace: wallen}
          current-context: silent
          users:
          - name: student
            user: {token: t}
          """.formatted(silent.getLocalPort()));
      SessionHarness waiting = new SessionHarness(new SessionOptions("silent", null, 1, "virtual", Duration.ofSeconds(5),
          dir, false, false, false, false, config, null));
      java.util.concurrent.atomic.AtomicReference<Result> result = new java.util.concurrent.atomic.AtomicReference<>();
      Thread command = new Thread(() -> result.set(waiting.run("kubectl get pods")));
      command.start();
      // The command is still waiting on the silent server when the user presses Ctrl-C.
      command.join(1_500);
      assertThat(command.isAlive()).as("still waiting for the silent server").isTrue();
      command.interrupt();
      command.join(20_000);
      assertThat(command.isAlive()).isFalse();
      assertThat(result.get().exit()).isEqualTo(130);
      assertThat(result.get().err()).isEmpty();
      assertThat(result.get().out()).as("only the line end after ^C").isEqualTo("\n");
      waiting.close();
    }
  }
}
