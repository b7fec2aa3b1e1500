package io.kubetutor.cluster;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's mock API server in CRUD mode with expectations on top (an expectation answers first,
 * then the in-memory store), on the loopback address, plus a kubeconfig that points at it.
 */
final class MockApiServer implements AutoCloseable {

  final KubernetesMockServer server;

  MockApiServer() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
        new KubernetesMixedDispatcher(responses), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
  }

  String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** A kubeconfig with context {@code mock} (namespace {@code wallen}) on this server and {@code other} elsewhere. */
  Path writeKubeconfig(Path dir) throws IOException {
    return writeKubeconfig(dir, url());
  }

  static Path writeKubeconfig(Path dir, String serverUrl) throws IOException {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock-cluster
          cluster:
            server: %s
        contexts:
        - name: mock
          context:
            cluster: mock-cluster
            user: student
            namespace: wallen
        current-context: mock
        users:
        - name: student
          user:
            token: s3cr3t-token
        """.formatted(serverUrl));
    return file;
  }

  Fabric8Cluster cluster(Path dir, Fabric8Cluster.Timeouts timeouts) throws IOException {
    Kubeconfig kc = Kubeconfig.load(writeKubeconfig(dir), null, dir);
    return Fabric8Cluster.forContext(kc, "mock", timeouts);
  }

  @Override
  public void close() {
    server.destroy();
  }
}
