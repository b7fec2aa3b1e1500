package io.kubetutor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar on a real (mock) API server: the kubeconfig found through {@code KUBECONFIG} or {@code --kubeconfig}. */
class RealClusterJarIT {

  @TempDir Path dir;
  MockApiServer mock;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void start() {
    mock = new MockApiServer();
  }

  @AfterEach
  void stop() {
    mock.close();
  }

  Run runJar(Map<String, String> env, String stdin, String... args) throws Exception {
    String jar = System.getProperty("kubetutor.jar", "target/kubetutor.jar");
    List<String> cmd = new ArrayList<>(List.of("java", "-jar", Path.of(jar).toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().put("HOME", dir.toString());
    pb.environment().remove("KUBECONFIG");
    pb.environment().putAll(env);
    Path outFile = dir.resolve(".stdout");
    Path errFile = dir.resolve(".stderr");
    pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
    return new Run(p.exitValue(), Files.readString(outFile), Files.readString(errFile));
  }

  @Test
  void kubeconfigFromTheEnvironmentWithTwoFiles() throws Exception {
    Path first = Files.createDirectories(dir.resolve("a"));
    mock.writeKubeconfig(first);
    Path second = dir.resolve("b-config");
    Files.writeString(second, """
        apiVersion: v1
        kind: Config
        current-context: later
        clusters:
        - name: later
          cluster: {server: "http://127.0.0.1:1"}
        contexts:
        - name: later
          context: {cluster: later, user: later}
        users:
        - name: later
          user: {token: another-secret}
        """);
    Files.writeString(dir.resolve("pod.yml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n"
        + "  containers:\n  - name: c\n    image: busybox\n");
    String kubeconfig = first.resolve("kubeconfig") + File.pathSeparator + second;
    Run r = runJar(Map.of("KUBECONFIG", kubeconfig), """
        kubectl config current-context
        kubectl config get-contexts -o name
        kubectl apply -f pod.yml
        kubectl config view
        kubectl config use-context sim
        kubectl apply -f pod.yml
        """, "--context", "mock");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("mock\nlater\nmock\nsim\npod/hello created\n")
        .contains("current-context: mock\n")
        .endsWith("Switched to context \"sim\".\npod/hello created\n")
        .doesNotContain("s3cr3t-token").doesNotContain("another-secret");
    assertThat(mock.server.getRequestCount()).isPositive();
  }

  @Test
  void aDeadClusterEndsTheScriptWithKubectlsMessage() throws Exception {
    Path kc = MockApiServer.writeKubeconfig(dir, "http://127.0.0.1:1");
    Run r = runJar(Map.of(), "kubectl delete pod hello\n", "--kubeconfig", kc.toString(), "--context", "mock");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo(
        "The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?\n");
  }
}
