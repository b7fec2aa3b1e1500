package io.kubetutor.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manifests the real apiserver refuses, and which the simulated one used to store, after which a
 * controller met a value it could not handle: the kubelet on a volume without a name or a mount
 * without a path, the deployment controller on a rolling-update bound that is not a number. Found by
 * ManifestFieldFuzzTest. Each is now refused with the apiserver's text and the session goes on.
 */
class SimulatorValidationGapsTest {

  @TempDir Path dir;

  private static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: solo
      spec:
        volumes:
        - name: data
          emptyDir: {}
        containers:
        - name: c
          image: busybox:1.36
          command: [sh, -c, "sleep 3600"]
          volumeMounts:
          - name: data
            mountPath: /data
      """;

  private Result applyThenCarryOn(String manifest) throws Exception {
    Files.writeString(dir.resolve("m.yaml"), manifest);
    try (SessionHarness sh = new SessionHarness(dir)) {
      Result r = sh.run("kubectl apply -f m.yaml");
      assertThat(sh.run("sim advance 30s").exit()).isZero();
      assertThat(sh.run("kubectl get pods").exit()).isZero();
      return r;
    }
  }

  @Test
  void aVolumeWithoutANameIsRequired() throws Exception {
    Result r = applyThenCarryOn(POD.replace("  - name: data\n    emptyDir", "  - emptyDir"));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("The Pod \"solo\" is invalid: ").contains("spec.volumes[0].name: Required value");
  }

  @Test
  void aVolumeMountWithoutAPathIsRequired() throws Exception {
    Result r = applyThenCarryOn(POD.replace("      mountPath: /data\n", ""));
    assertThat(r).isEqualTo(new Result(1, "",
        "The Pod \"solo\" is invalid: spec.containers[0].volumeMounts[0].mountPath: Required value\n"));
  }

  @Test
  void aRollingUpdatePercentageMustBeANumberAndAPercentSign() throws Exception {
    Result r = applyThenCarryOn("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          strategy: {rollingUpdate: {maxSurge: lots}}
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx}]}
        """);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("The Deployment \"web\" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: ")
        .contains("a valid percent string must be a numeric string followed by an ending '%'");
  }

  @Test
  void aMountMustNameOneOfThePodsVolumesAndVolumeNamesAreUnique() throws Exception {
    Result r = applyThenCarryOn(POD.replace("    - name: data\n      mountPath", "    - name: cache\n      mountPath")
        .replace("  - name: data\n    emptyDir: {}\n", "  - name: data\n    emptyDir: {}\n  - name: data\n    emptyDir: {}\n"));
    assertThat(r).isEqualTo(new Result(1, "", "The Pod \"solo\" is invalid: \n"
        + "* spec.volumes[1].name: Duplicate value: \"data\"\n"
        + "* spec.containers[0].volumeMounts[0].name: Not found: \"cache\"\n"));
  }

  @Test
  void rollingUpdateBoundsCannotBothBeZero() throws Exception {
    Result r = applyThenCarryOn("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          strategy: {rollingUpdate: {maxSurge: "0%", maxUnavailable: 0}}
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx}]}
        """);
    assertThat(r).isEqualTo(new Result(1, "", "The Deployment \"web\" is invalid: spec.strategy.rollingUpdate.maxUnavailable:"
        + " Invalid value: 0: may not be 0 when `maxSurge` is 0\n"));
  }
}
