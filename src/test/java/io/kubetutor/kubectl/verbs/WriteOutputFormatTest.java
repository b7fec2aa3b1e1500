package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing verbs print objects through the shared printers: kubectl's exact YAML and JSON. */
class WriteOutputFormatTest {

  @TempDir Path dir;
  SessionHarness sh;

  private static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n"
      + "  labels:\n    b: \"2\"\n    a: x\ndata:\n  z: \"1\"\n  k: v\n";

  @BeforeEach
  void setUp() throws Exception {
    sh = new SessionHarness(dir);
    Files.writeString(dir.resolve("cm.yaml"), CM);
  }

  @Test
  void createYamlHasSortedKeysAndQuotedTimestampsAndVersions() {
    var r = sh.run("kubectl create -f cm.yaml -o yaml");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).matches("""
        apiVersion: v1
        data:
          k: v
          z: "1"
        kind: ConfigMap
        metadata:
          creationTimestamp: "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"
          labels:
            a: x
            b: "2"
          name: cfg
          namespace: default
          resourceVersion: "\\d+"
          uid: [0-9a-f-]{36}
        """);
  }

  @Test
  void applyJsonIsMarshalIndentWithSortedKeys() {
    var r = sh.run("kubectl apply -f cm.yaml -o json");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("""
        {
            "apiVersion": "v1",
            "data": {
                "k": "v",
                "z": "1"
            },
            "kind": "ConfigMap",
            "metadata": {
                "annotations": {
                    "kubectl.kubernetes.io/last-applied-configuration": "{\\"apiVersion\\":\\"v1\\",\\"data\\":{\\"k\\":\\"v\\",\\"z\\":\\"1\\"},\\"kind\\":\\"ConfigMap\\",\\"metadata\\":{\\"annotations\\":{},\\"labels\\":{\\"a\\":\\"x\\",\\"b\\":\\"2\\"},\\"name\\":\\"cfg\\",\\"namespace\\":\\"default\\"}}\\n"
                },
        """).endsWith("\n    }\n}\n");
    assertThat(r.out()).contains("        \"name\": \"cfg\",\n        \"namespace\": \"default\",\n");
  }

  @Test
  void severalCreatedObjectsAreSeparatedAsKubectlSeparatesYamlDocuments() throws Exception {
    Files.writeString(dir.resolve("two.yaml"), CM.replace("name: cfg", "name: one") + "---\n"
        + CM.replace("name: cfg", "name: two"));
    String out = sh.run("kubectl create -f two.yaml -o yaml").out();
    assertThat(out).startsWith("apiVersion: v1\ndata:\n").contains("  name: one\n").contains("\n---\napiVersion: v1\n")
        .contains("  name: two\n");
    assertThat(out.split("\n---\n")).hasSize(2);
  }

  @Test
  void clientDryRunYamlListsContainersAtTheKeyIndentation() {
    assertThat(sh.run("kubectl run web --image=nginx --dry-run=client -o yaml").out()).isEqualTo("""
        apiVersion: v1
        kind: Pod
        metadata:
          creationTimestamp: null
          labels:
            run: web
          name: web
        spec:
          containers:
          - image: nginx
            name: web
            resources: {}
          dnsPolicy: ClusterFirst
          restartPolicy: Always
        status: {}
        """);
  }
}
