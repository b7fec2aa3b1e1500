package io.kubetutor.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionHarness.Result;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad manifests through a whole session: a kubectl-shaped error, status 1, and the next command works. */
class BadManifestSessionTest {

  @TempDir Path dir;

  private void sessionGoesOn(SessionHarness sh) {
    assertThat(sh.run("kubectl get pods")).isEqualTo(new Result(0, "", "No resources found in default namespace.\n"));
  }

  @Test
  void anInvalidLabelValueIsRefusedWithTheApiServersText() throws Exception {
    Files.writeString(dir.resolve("bad.yml"), """
        apiVersion: v1
        kind: Pod
        metadata:
          name: bad
          labels:
            app: "bad value!"
        spec:
          containers:
          - name: c
            image: nginx
        """);
    try (SessionHarness sh = new SessionHarness(dir)) {
      Result r = sh.run("kubectl apply -f bad.yml");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).isEqualTo("The Pod \"bad\" is invalid: metadata.labels: Invalid value: \"bad value!\": a valid label"
          + " must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end"
          + " with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is"
          + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n");
      sessionGoesOn(sh);
    }
  }

  @Test
  void aManifestOfFiftyMegabytesIsRefusedBeforeItIsRead() throws Exception {
    Path big = dir.resolve("big.yml");
    try (BufferedWriter w = Files.newBufferedWriter(big)) {
      w.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n");
      String value = "x".repeat(1000);
      for (int i = 0; i < 50_000; i++) w.write("  k" + i + ": \"" + value + "\"\n");
    }
    assertThat(Files.size(big)).isGreaterThan(50L * 1000 * 1000);
    try (SessionHarness sh = new SessionHarness(dir)) {
      Result r = sh.run("kubectl apply -f big.yml");
      assertThat(r).isEqualTo(new Result(1, "", "error: the file \"big.yml\" is larger than 10 MB, the most a manifest may be here\n"));
      sessionGoesOn(sh);
    }
  }
}
