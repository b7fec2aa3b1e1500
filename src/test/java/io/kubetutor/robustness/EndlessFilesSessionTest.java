package io.kubetutor.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionHarness.Result;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every file a command reads is read to a bound: a device that never ends ({@code /dev/zero}) or a
 * file of fifty megabytes is refused with a message, where reading it whole would exhaust the
 * shell's memory, and the session goes on.
 */
class EndlessFilesSessionTest {

  @TempDir Path dir;

  @BeforeEach
  void files() throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("huge.txt").toFile(), "rw")) {
      f.setLength(50L * 1024 * 1024);
    }
    Files.writeString(dir.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"
        + "spec: {containers: [{name: c, image: nginx}]}\n");
  }

  private static void refusedThenGoesOn(SessionHarness sh, String line, String err) {
    Result r = sh.run(line);
    assertThat(r).isEqualTo(new Result(1, "", err + "\n"));
    assertThat(sh.run("kubectl get pods -o name")).isEqualTo(new Result(0, "pod/p\n", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/dev/zero", "huge.txt"})
  void kubectlsFileOptionsStopAtTheBound(String file) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/zero")), "a /dev/zero to read");
    String tooBig = "error: the file \"" + file + "\" is larger than 10 MB, the most kubectl reads here";
    try (SessionHarness sh = new SessionHarness(dir)) {
      assertThat(sh.run("kubectl apply -f pod.yaml").exit()).isZero();
      refusedThenGoesOn(sh, "kubectl create configmap c --from-file=" + file, tooBig);
      refusedThenGoesOn(sh, "kubectl create configmap c --from-file=key=" + file, tooBig);
      refusedThenGoesOn(sh, "kubectl patch pod p --patch-file " + file, tooBig);
      refusedThenGoesOn(sh, "kubectl get pods -o jsonpath-file=" + file, tooBig);
      refusedThenGoesOn(sh, "cat " + file, "cat: " + file + ": larger than 10 MB, the most cat shows here");
    }
  }

  @Test
  void smallFilesAreStillReadWhole() throws Exception {
    Files.writeString(dir.resolve("name.jsonpath"), "{.items[0].metadata.name}");
    Files.writeString(dir.resolve("patch.yaml"), "metadata:\n  labels:\n    tier: web\n");
    try (SessionHarness sh = new SessionHarness(dir)) {
      assertThat(sh.run("kubectl apply -f pod.yaml").exit()).isZero();
      assertThat(sh.run("kubectl get pods -o jsonpath-file=name.jsonpath")).isEqualTo(new Result(0, "p", ""));
      assertThat(sh.run("kubectl patch pod p --patch-file patch.yaml")).isEqualTo(new Result(0, "pod/p patched\n", ""));
      assertThat(sh.run("kubectl create configmap c --from-file=patch.yaml"))
          .isEqualTo(new Result(0, "configmap/c created\n", ""));
      assertThat(sh.run("cat name.jsonpath")).isEqualTo(new Result(0, "{.items[0].metadata.name}", ""));
    }
  }
}
