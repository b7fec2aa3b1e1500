package io.kubetutor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A dead or silent cluster: kubectl's connection messages, in bounded time, and Ctrl-C gets out. Loopback only. */
@Timeout(60)  // a guard against hanging, not a measurement
class TransportFailureTest {

  static final Fabric8Cluster.Timeouts QUICK = new Fabric8Cluster.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));

  @TempDir Path dir;
  final List<AutoCloseable> cleanup = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : cleanup) c.close();
  }

  Fabric8Cluster clusterAt(String url, Fabric8Cluster.Timeouts timeouts) throws IOException {
    Kubeconfig kc = Kubeconfig.load(MockApiServer.writeKubeconfig(dir, url), null, dir);
    Fabric8Cluster c = Fabric8Cluster.forContext(kc, "mock", timeouts);
    cleanup.add(c);
    return c;
  }

  /** A port on 127.0.0.1 that nothing listens on. */
  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** A server that accepts connections and never answers: a hung apiserver. */
  ServerSocket silentServer() throws IOException {
    ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    List<Socket> held = new ArrayList<>();
    Thread acceptor = new Thread(() -> {
      try {
        while (true) held.add(s.accept());
      } catch (IOException closed) {
        // the test is over
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    cleanup.add(s);
    return s;
  }

  @Test
  void refusedConnectionNamesTheServerAsKubectlDoes() throws Exception {
    int port = closedPort();
    Fabric8Cluster cluster = clusterAt("http://127.0.0.1:" + port, QUICK);
    assertThatThrownBy(() -> cluster.list(ResourceKind.POD, "wallen", Selector.EVERYTHING, FieldSelector.EVERYTHING))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.toKubectlMessage()).isEqualTo(
            "The connection to the server 127.0.0.1:" + port + " was refused - did you specify the right host or port?"));
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws Exception {
    ServerSocket silent = silentServer();
    Fabric8Cluster cluster = clusterAt("http://127.0.0.1:" + silent.getLocalPort(), QUICK);
    assertThatThrownBy(() -> cluster.get(ResourceKind.POD, "wallen", "web"))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.toKubectlMessage()).isEqualTo(
            "Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting"
                + " headers)"));
  }

  @Test
  void aWatchOnADeadClusterFailsInsteadOfWaiting() throws Exception {
    int port = closedPort();
    Fabric8Cluster cluster = clusterAt("http://127.0.0.1:" + port, QUICK);
    assertThatThrownBy(() -> cluster.watch(ResourceKind.POD, "wallen", Selector.EVERYTHING, e -> { }))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.toKubectlMessage()).isEqualTo(
            "The connection to the server 127.0.0.1:" + port + " was refused - did you specify the right host or port?"));
  }

  @Test
  void aWatchOnASilentServerIsBounded() throws Exception {
    ServerSocket silent = silentServer();
    Fabric8Cluster cluster = clusterAt("http://127.0.0.1:" + silent.getLocalPort(), QUICK);
    assertThatThrownBy(() -> cluster.watch(ResourceKind.POD, "wallen", Selector.EVERYTHING, e -> { }))
        .isInstanceOf(ClusterException.class);
  }

  @Test
  void anInterruptEndsAWaitingCall() throws Exception {
    ServerSocket silent = silentServer();
    Fabric8Cluster cluster = clusterAt("http://127.0.0.1:" + silent.getLocalPort(),
        new Fabric8Cluster.Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30)));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        cluster.get(ResourceKind.POD, "wallen", "web");
      } catch (RuntimeException e) {
        failure.set(e);
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      }
    });
    caller.start();
    caller.interrupt();
    caller.join(20_000);
    assertThat(caller.isAlive()).isFalse();
    assertThat(failure.get()).isInstanceOf(ClusterCallInterrupted.class);
    assertThat(stillInterrupted.get()).isTrue();
  }

  @Test
  void creatingTheClusterConnectsToNothing() throws Exception {
    Fabric8Cluster cluster = clusterAt("http://127.0.0.1:" + closedPort(), QUICK);
    assertThat(cluster.defaultNamespace()).isEqualTo("wallen");
    assertThat(cluster.contextName()).isEqualTo("mock");
  }

  @Test
  void transportFailuresAreWordedAsGosDialErrors() {
    ClusterException e = Fabric8Errors.fromTransport(new java.net.ConnectException(), java.net.URI.create("https://10.0.0.1"));
    assertThat(e.toKubectlMessage())
        .isEqualTo("The connection to the server 10.0.0.1 was refused - did you specify the right host or port?");
    ClusterException t = Fabric8Errors.fromTransport(new java.net.http.HttpConnectTimeoutException("x"),
        java.net.URI.create("https://10.0.0.1"));
    assertThat(t.toKubectlMessage()).isEqualTo("Unable to connect to the server: dial tcp 10.0.0.1:443: i/o timeout");
    // An unknown host is mapped from the exception alone: tests never ask a name server.
    ClusterException u = Fabric8Errors.fromTransport(new RuntimeException(new java.net.UnknownHostException("k8s.example")),
        java.net.URI.create("https://k8s.example:6443"));
    assertThat(u.toKubectlMessage()).isEqualTo("Unable to connect to the server: dial tcp: lookup k8s.example: no such host");
  }
}
