package io.kubetutor.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Services, claims and Jobs the real apiserver refuses, which the simulated one used to store (a
 * Service without ports, a claim without a size, a Job whose pods would restart forever). The
 * course writes Services and claims right after Deployments, so a student's mistake must fail here
 * exactly as it will on the cluster.
 */
class ServiceClaimJobValidationTest {

  @TempDir Path dir;
  private SessionHarness shell;

  @BeforeEach
  void start() {
    shell = new SessionHarness(dir);
  }

  @AfterEach
  void stop() {
    shell.close();
  }

  private Result apply(String manifest) throws Exception {
    Files.writeString(dir.resolve("m.yaml"), manifest);
    return shell.run("kubectl apply -f m.yaml");
  }

  private static Result refused(String text) {
    return new Result(1, "", text);
  }

  @Test
  void aServiceNeedsPorts() throws Exception {
    assertThat(apply("apiVersion: v1\nkind: Service\nmetadata: {name: hello-service}\n"))
        .isEqualTo(refused("The Service \"hello-service\" is invalid: spec.ports: Required value\n"));
    assertThat(apply("apiVersion: v1\nkind: Service\nmetadata: {name: hello-service}\nspec: {selector: {app: hello}}\n"))
        .isEqualTo(refused("The Service \"hello-service\" is invalid: spec.ports: Required value\n"));
    assertThat(shell.run("kubectl get services -o name").out()).isEqualTo("service/kubernetes\n");
  }

  @Test
  void servicePortsAreNamedWhenSeveralAndNumbersProtocolsAndTypeAreChecked() throws Exception {
    Result r = apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: s1}
        spec:
          type: Foo
          selector: {app: hello}
          ports:
          - port: 0
            protocol: HTTP
          - port: 80
            targetPort: Web_Port
        """);
    assertThat(r).isEqualTo(refused("The Service \"s1\" is invalid: \n"
        + "* spec.ports[0].name: Required value\n"
        + "* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n"
        + "* spec.ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"\n"
        + "* spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive\n"
        + "* spec.ports[1].name: Required value\n"
        + "* spec.ports[1].targetPort: Invalid value: \"Web_Port\": must contain only alpha-numeric characters"
        + " (a-z, 0-9), and hyphens (-)\n"
        + "* spec.type: Unsupported value: \"Foo\": supported values: \"ClusterIP\", \"ExternalName\","
        + " \"LoadBalancer\", \"NodePort\"\n"));
  }

  @Test
  void duplicatePortNamesAndANodePortOnAClusterIpServiceAreRefused() throws Exception {
    assertThat(apply("""
        apiVersion: v1
        kind: Service
        metadata: {name: s1}
        spec:
          ports:
          - {name: http, port: 5000, nodePort: 30080}
          - {name: http, port: 5001}
        """)).isEqualTo(refused("The Service \"s1\" is invalid: \n"
        + "* spec.ports[1].name: Duplicate value: \"http\"\n"
        + "* spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'\n"));
  }

  @Test
  void theNodePortAllocatorRefusesPortsOutOfRangeOrTaken() throws Exception {
    String nodePort = """
        apiVersion: v1
        kind: Service
        metadata: {name: NAME}
        spec:
          type: NodePort
          selector: {app: hello-flask}
          ports: [{name: flask, port: 5000, targetPort: 5000, nodePort: PORT}]
        """;
    assertThat(apply(nodePort.replace("NAME", "low").replace("PORT", "80"))).isEqualTo(refused(
        "The Service \"low\" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid"
            + " range. The range of valid ports is 30000-32767\n"));
    assertThat(apply(nodePort.replace("NAME", "first").replace("PORT", "30042")))
        .isEqualTo(new Result(0, "service/first created\n", ""));
    // Applying the same Service again keeps its own port.
    assertThat(apply(nodePort.replace("NAME", "first").replace("PORT", "30042")))
        .isEqualTo(new Result(0, "service/first unchanged\n", ""));
    assertThat(apply(nodePort.replace("NAME", "second").replace("PORT", "30042"))).isEqualTo(refused(
        "The Service \"second\" is invalid: spec.ports[0].nodePort: Invalid value: 30042: provided port is already"
            + " allocated\n"));
  }

  @Test
  void aClaimNeedsAnAccessModeAndAPositiveSize() throws Exception {
    assertThat(apply("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: hello-data}\n"))
        .isEqualTo(refused("The PersistentVolumeClaim \"hello-data\" is invalid: \n"
            + "* spec.accessModes: Required value: at least 1 access mode is required\n"
            + "* spec.resources[storage]: Required value\n"));
    assertThat(apply("""
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: hello-data}
        spec:
          accessModes: [ReadWriteOnce, WriteMany]
          resources: {requests: {storage: "0"}}
        """)).isEqualTo(refused("The PersistentVolumeClaim \"hello-data\" is invalid: \n"
        + "* spec.accessModes: Unsupported value: \"WriteMany\": supported values: \"ReadOnlyMany\", \"ReadWriteMany\","
        + " \"ReadWriteOnce\", \"ReadWriteOncePod\"\n"
        + "* spec.resources[storage]: Invalid value: \"0\": must be greater than zero\n"));
    assertThat(apply("""
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: hello-data}
        spec:
          accessModes: [ReadWriteOnce]
          storageClassName: cinder-csi
          resources: {requests: {storage: 1Gi}}
        """)).isEqualTo(new Result(0, "persistentvolumeclaim/hello-data created\n", ""));
  }

  @Test
  void aJobNeedsContainersAndARestartPolicyThatEnds() throws Exception {
    assertThat(apply("apiVersion: batch/v1\nkind: Job\nmetadata: {name: once}\nspec: {}\n"))
        .isEqualTo(refused("The Job \"once\" is invalid: \n"
            + "* spec.template.spec.containers: Required value\n"
            + "* spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"\n"));
    String job = """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: once}
        spec:
          parallelism: PARALLELISM
          template:
            spec:
              restartPolicy: POLICY
              containers: [{name: j, image: busybox, command: [sh, -c, "echo done"]}]
        """;
    assertThat(apply(job.replace("PARALLELISM", "-1").replace("POLICY", "Always")))
        .isEqualTo(refused("The Job \"once\" is invalid: \n"
            + "* spec.parallelism: Invalid value: -1: must be greater than or equal to 0\n"
            + "* spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"\n"));
    assertThat(apply(job.replace("PARALLELISM", "1").replace("POLICY", "Never")))
        .isEqualTo(new Result(0, "job.batch/once created\n", ""));
    shell.run("sim advance 30s");
    assertThat(shell.run("kubectl get jobs --no-headers").out()).startsWith("once   Complete   1/1");
  }
}
