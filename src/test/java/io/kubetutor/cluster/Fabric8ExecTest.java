package io.kubetutor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.internal.WebSocketMessage;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubectl exec} on a real cluster: the exec websocket's output and the exit code from its status channel. */
@Timeout(60)  // a guard against hanging, not a measurement
class Fabric8ExecTest {

  @TempDir Path dir;
  Fabric8Cluster cluster;

  // Expectations only (no CRUD dispatcher): fabric8's websocket upgrade is answered by its plain mock dispatcher.
  KubernetesMockServer server;

  @BeforeEach
  void start() throws Exception {
    server = new KubernetesMockServer(false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    Kubeconfig kc = Kubeconfig.load(MockApiServer.writeKubeconfig(dir, "http://127.0.0.1:" + server.getPort()), null, dir);
    cluster = Fabric8Cluster.forContext(kc, "mock", Fabric8Cluster.Timeouts.DEFAULT);
  }

  @AfterEach
  void stop() {
    cluster.close();
    server.destroy();
  }

  /**
   * One frame of the exec stream on {@code channel}, sent {@code delayMillis} after the socket opens.
   *
   * <p>Sessions below also expect a message the client never sends ({@link #NEVER}): the mock server
   * closes a socket once nothing is pending, and it counts a frame as pending only when its own loop
   * reaches it, so without that a first frame can be followed by a close that drops the rest. The
   * client closes the socket itself when the status frame has come.
   */
  static final String NEVER = "a frame the client never sends";

  static WebSocketMessage frame(long delayMillis, int channel, byte[] data) {
    byte[] framed = new byte[data.length + 1];
    framed[0] = (byte) channel;
    System.arraycopy(data, 0, framed, 1, data.length);
    return new WebSocketMessage(delayMillis, framed, true, true);
  }

  static WebSocketMessage frame(long delayMillis, int channel, String text) {
    return frame(delayMillis, channel, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static WebSocketMessage status(long delayMillis, io.fabric8.kubernetes.api.model.Status status) {
    try {
      return frame(delayMillis, 3, io.kubetutor.cluster.Objects.JSON.writeValueAsBytes(status));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static io.fabric8.kubernetes.api.model.Status success() {
    return new io.fabric8.kubernetes.api.model.StatusBuilder().withStatus("Success").build();
  }

  /** What the kubelet sends on the status channel when the command exits with {@code code}. */
  static io.fabric8.kubernetes.api.model.Status nonZeroExit(int code) {
    return new io.fabric8.kubernetes.api.model.StatusBuilder().withStatus("Failure").withReason("NonZeroExitCode")
        .withMessage("command terminated with non-zero exit code: error executing command [cat /data/out.txt], exit code " + code)
        .withNewDetails().addNewCause().withReason("ExitCode").withMessage(String.valueOf(code)).endCause().endDetails()
        .build();
  }

  @Test
  void outputAndExitCodeComeBackFromTheExecStream() {
    server.expect()
        .withPath("/api/v1/namespaces/wallen/pods/web/exec?command=cat&command=%2Fdata%2Fout.txt&container=app&stderr=true&stdout=true")
        // The status frame follows the output a moment later, as the kubelet sends it when the command ends.
        .andUpgradeToWebSocket().open(frame(0, 1, "hello from the pod\n"), status(100, nonZeroExit(3)))
        .expect(NEVER).andEmit(frame(0, 1, "")).always()
        .done().once();

    Cluster.ExecResult r = cluster.exec("wallen", "web", "app", List.of("cat", "/data/out.txt"), null);

    assertThat(r.stdout()).isEqualTo("hello from the pod\n");
    assertThat(r.exitCode()).isEqualTo(3);
  }

  /**
   * The status frame right behind the output: the output written last must already be in the
   * result when the exit code is read. Repeated because the defect this guards against was a race.
   */
  @RepeatedTest(25)
  void standardErrorIsKeptApartAndSuccessIsExitZero() {
    server.expect()
        .withPath("/api/v1/namespaces/wallen/pods/web/exec?command=sh&command=-c&command=echo+out%3B+echo+err+%3E%262&container=app&stderr=true&stdout=true")
        .andUpgradeToWebSocket().open(frame(0, 1, "out\n"), frame(0, 2, "err\n"), status(0, success()))
        .expect(NEVER).andEmit(frame(0, 1, "")).always()
        .done().once();

    Cluster.ExecResult r = cluster.exec("wallen", "web", "app", List.of("sh", "-c", "echo out; echo err >&2"), null);

    assertThat(r.stdout()).isEqualTo("out\n");
    assertThat(r.stderr()).isEqualTo("err\n");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void aCommandThatCannotStartIsAnErrorNotAnExitCode() {
    io.fabric8.kubernetes.api.model.Status failed = new io.fabric8.kubernetes.api.model.StatusBuilder()
        .withStatus("Failure").withReason("InternalError")
        .withMessage("exec: \"nosuch\": executable file not found in $PATH").build();
    server.expect().withPath("/api/v1/namespaces/wallen/pods/web/exec?command=nosuch&container=app&stderr=true&stdout=true")
        .andUpgradeToWebSocket().open(status(0, failed)).expect(NEVER).andEmit(frame(0, 1, "")).always()
        .done().once();

    assertThatThrownBy(() -> cluster.exec("wallen", "web", "app", List.of("nosuch"), null))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.toKubectlMessage())
            .isEqualTo("error: error executing remote command: exec: \"nosuch\": executable file not found in $PATH"));
  }

  @Test
  void aRefusedUpgradeShowsTheServersReason() {
    server.expect().withPath("/api/v1/namespaces/wallen/pods/web/exec?command=ls&container=c0&stderr=true&stdout=true")
        .andReturn(400, "container not found (\"c0\")").always();

    assertThatThrownBy(() -> cluster.exec("wallen", "web", "c0", List.of("ls"), null))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.getMessage())
            .isEqualTo("unable to upgrade connection: container not found (\"c0\")"));
  }

  @Test
  void aForbiddenExecIsTheApiServersStatus() {
    io.fabric8.kubernetes.api.model.Status forbidden = new io.fabric8.kubernetes.api.model.StatusBuilder()
        .withStatus("Failure").withReason("Forbidden").withCode(403)
        .withMessage("pods \"web\" is forbidden: User \"wallen\" cannot get resource \"pods/exec\" in API group \"\" in the namespace \"wallen\"")
        .withNewDetails().withName("web").withKind("pods").endDetails().build();
    server.expect().withPath("/api/v1/namespaces/wallen/pods/web/exec?command=ls&container=app&stderr=true&stdout=true")
        .andReturn(403, forbidden).always();

    assertThatThrownBy(() -> cluster.exec("wallen", "web", "app", List.of("ls"), null))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.toKubectlMessage())
            .isEqualTo("Error from server (Forbidden): pods \"web\" is forbidden: User \"wallen\" cannot get resource"
                + " \"pods/exec\" in API group \"\" in the namespace \"wallen\""));
  }

  /**
   * Input goes out on the stdin channel. The mock speaks only up to v4, like API servers before
   * 1.30, so the v5 handshake (which could close stdin) is refused and the exec falls back to v4.
   */
  @Test
  void stdinIsSentOverV4WhenTheServerDoesNotSpeakV5() {
    server.expect().withPath("/api/v1/namespaces/wallen/pods/web/exec?command=cat&container=app&stderr=true&stdin=true&stdout=true")
        .andUpgradeToWebSocket().open()
        .expect("\u0000hi\n").andEmit(frame(0, 1, "hi\n")).once()
        // the status follows the echoed output, as when cat has written it and exits
        .expectSentWebSocketMessage("\u0001hi\n").andEmit(status(0, success())).once()
        .expect(NEVER).andEmit(frame(0, 1, "")).always()
        .done().always();

    Cluster.ExecResult r = cluster.exec("wallen", "web", "app", List.of("cat"), "hi\n");

    assertThat(r.stdout()).isEqualTo("hi\n");
    assertThat(r.exitCode()).isZero();
  }
}
