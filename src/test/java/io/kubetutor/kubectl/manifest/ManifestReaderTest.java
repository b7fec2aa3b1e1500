package io.kubetutor.kubectl.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.kubectl.KubectlException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest corpus: what kubectl reads from {@code -f} and the exact errors it prints. */
class ManifestReaderTest {

  @TempDir Path dir;

  static final String DEPLOY = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: hello
      spec:
        replicas: 2
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

  private ManifestReader.Result read(String file, String text) throws Exception {
    Files.writeString(dir.resolve(file), text);
    return new ManifestReader(dir, new ByteArrayInputStream(new byte[0]), "default", false).read(List.of(file), false);
  }

  private String onlyError(String file, String text) throws Exception {
    ManifestReader.Result r = read(file, text);
    assertThat(r.errors()).hasSize(1);
    return r.errors().get(0).render();
  }

  @Test
  void readsADeploymentAndDefaultsItsNamespace() throws Exception {
    ManifestReader.Result r = read("d.yaml", DEPLOY);
    assertThat(r.errors()).isEmpty();
    assertThat(r.manifests()).hasSize(1);
    Manifest m = r.manifests().get(0);
    assertThat(m.kind()).isEqualTo(ResourceKind.DEPLOYMENT);
    assertThat(m.source()).isEqualTo("d.yaml");
    assertThat(m.namespace()).isEqualTo("default");
    Deployment d = (Deployment) m.require();
    assertThat(d.getSpec().getReplicas()).isEqualTo(2);
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.25");
  }

  @Test
  void multiDocumentYamlAndListsInOrder() throws Exception {
    String text = "---\n" + DEPLOY + "---\n# only a comment\n---\napiVersion: v1\nkind: List\nitems:\n"
        + "- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n  spec: {containers: [{name: c, image: busybox}]}\n"
        + "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: b, namespace: other}\n";
    ManifestReader.Result r = read("all.yaml", text);
    assertThat(r.errors()).isEmpty();
    assertThat(r.manifests()).extracting(Manifest::name).containsExactly("hello", "a", "b");
    assertThat(r.manifests()).extracting(Manifest::namespace).containsExactly("default", "default", "other");
  }

  @Test
  void jsonStream() throws Exception {
    ManifestReader.Result r = read("p.json",
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\"}}\n"
            + "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"b\"}}");
    assertThat(r.manifests()).extracting(Manifest::name).containsExactly("a", "b");
  }

  @Test
  void jsonSyntaxErrors() throws Exception {
    assertThat(onlyError("p.json", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",}")).isEqualTo("error: error parsing"
        + " p.json: json: offset 36: invalid character '}' looking for beginning of object key string");
    assertThat(onlyError("q.json", "{\"apiVersion\": \"v1\"")).isEqualTo("error: error parsing q.json: unexpected EOF");
  }

  @Test
  void directoryOnlyManifestExtensionsAndRecursiveWithR() throws Exception {
    Files.createDirectories(dir.resolve("k8s/sub"));
    Files.writeString(dir.resolve("k8s/b.yml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
    Files.writeString(dir.resolve("k8s/a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
    Files.writeString(dir.resolve("k8s/notes.txt"), "not yaml: [");
    Files.writeString(dir.resolve("k8s/sub/c.json"), "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");
    ManifestReader flat = new ManifestReader(dir, InputStreamOf(""), "default", false);
    assertThat(flat.read(List.of("k8s"), false).manifests()).extracting(Manifest::name).containsExactly("a", "b");
    ManifestReader deep = new ManifestReader(dir, InputStreamOf(""), "default", false);
    ManifestReader.Result r = deep.read(List.of("k8s"), true);
    assertThat(r.manifests()).extracting(Manifest::name).containsExactly("a", "b", "c");
    assertThat(r.manifests().get(2).source()).isEqualTo("k8s/sub/c.json");
  }

  @Test
  void globsAreExpandedLikeKubectl() throws Exception {
    Files.writeString(dir.resolve("b.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
    Files.writeString(dir.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
    ManifestReader.Result r = new ManifestReader(dir, InputStreamOf(""), "default", false).read(List.of("*.yaml"), false);
    assertThat(r.manifests()).extracting(Manifest::source).containsExactly("a.yaml", "b.yaml");
    assertThatThrownBy(() -> new ManifestReader(dir, InputStreamOf(""), "default", false).read(List.of("*.json"), false))
        .hasMessage("the path \"*.json\" does not exist");
  }

  @Test
  void stdin() {
    ManifestReader r = new ManifestReader(dir, InputStreamOf("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n"),
        "default", false);
    Manifest m = r.read(List.of("-"), false).manifests().get(0);
    assertThat(m.source()).isEqualTo("STDIN");
    assertThat(m.namespace()).as("cluster-scoped kinds get no namespace").isNull();
  }

  @Test
  void missingPathFailsTheWholeCommand() {
    ManifestReader r = new ManifestReader(dir, InputStreamOf(""), "default", false);
    assertThatThrownBy(() -> r.read(List.of("nope.yaml"), false))
        .isInstanceOf(KubectlException.class)
        .extracting(e -> ((KubectlException) e).render())
        .isEqualTo("error: the path \"nope.yaml\" does not exist");
  }

  @Test
  void mappingValuesNotAllowedWithLineNumber() throws Exception {
    String bad = DEPLOY.replace("  matchLabels:\n      app: hello", "  matchLabels: app: hello");
    assertThat(onlyError("deploy.yml", bad)).isEqualTo("error: error parsing deploy.yml: error converting YAML to JSON:"
        + " yaml: line 8: mapping values are not allowed in this context");
  }

  @Test
  void lineNumbersCountFromTheDocumentStart() throws Exception {
    String bad = DEPLOY + "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x: y\n";
    ManifestReader.Result r = read("two.yaml", bad);
    assertThat(r.manifests()).as("documents before the broken one are kept").hasSize(1);
    assertThat(r.errors().get(0).render()).endsWith("yaml: line 4: mapping values are not allowed in this context");
  }

  @Test
  void tabsForIndentation() throws Exception {
    assertThat(onlyError("tab.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n"))
        .isEqualTo("error: error parsing tab.yaml: error converting YAML to JSON: yaml: line 4: found character that"
            + " cannot start any token");
  }

  @Test
  void badIndentationDidNotFindExpectedKey() throws Exception {
    assertThat(onlyError("i.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n    name: x\n  labels: {}\n"))
        .isEqualTo("error: error parsing i.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key");
  }

  @Test
  void kindAndApiVersionNotSet() throws Exception {
    assertThat(onlyError("pod.yaml", "apiVersion: v1\nmetadata:\n  name: x\n")).isEqualTo("error: error validating"
        + " \"pod.yaml\": error validating data: kind not set; if you choose to ignore these errors, turn validation off"
        + " with --validate=false");
    assertThat(onlyError("pod.yaml", "metadata:\n  name: x\n")).contains(
        "error validating data: [apiVersion not set, kind not set]; if you choose");
  }

  @Test
  void unknownKindOrVersion() throws Exception {
    assertThat(onlyError("f.yaml", "apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n")).isEqualTo(
        "error: resource mapping not found for name: \"x\" namespace: \"\" from \"f.yaml\": no matches for kind \"Foo\""
            + " in version \"v1\"\nensure CRDs are installed first");
    assertThat(onlyError("deploy.yml", DEPLOY.replace("apiVersion: apps/v1", "apiVersion: v1"))).as("a common slip")
        .isEqualTo("error: resource mapping not found for name: \"hello\" namespace: \"\" from \"deploy.yml\": no matches"
            + " for kind \"Deployment\" in version \"v1\"\nensure CRDs are installed first");
    assertThat(onlyError("f.yaml", "apiVersion: apps/v1beta1\nkind: Deployment\nmetadata:\n  name: x\n  namespace: a\n"))
        .contains("namespace: \"a\" from \"f.yaml\": no matches for kind \"Deployment\" in version \"apps/v1beta1\"");
  }

  @Test
  void unknownFieldsAreAStrictDecodingErrorFromTheServer() throws Exception {
    Manifest m = read("f.yaml", DEPLOY.replace("replicas: 2", "replica: 2")
        .replace("image: nginx:1.25", "image: nginx:1.25\n          imagePullPolcy: Always")).manifests().get(0);
    assertThat(m.decodeError()).isNotNull();
    assertThat(m.decodeError().withSource("creating", "f.yaml").toKubectlMessage()).isEqualTo(
        "Error from server (BadRequest): error when creating \"f.yaml\": Deployment in version \"v1\" cannot be handled"
            + " as a Deployment: strict decoding error: unknown field \"spec.replica\", unknown field"
            + " \"spec.template.spec.containers[0].imagePullPolcy\"");
  }

  @Test
  void wrongTypesAreGoUnmarshalErrors() throws Exception {
    ClusterException e = read("f.yaml", DEPLOY.replace("replicas: 2", "replicas: \"2\"")).manifests().get(0).decodeError();
    assertThat(e.toKubectlMessage()).isEqualTo("Error from server (BadRequest): Deployment in version \"v1\" cannot be"
        + " handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of"
        + " type int32");
    ClusterException image = read("g.yaml", DEPLOY.replace("image: nginx:1.25", "image: 1.25")).manifests().get(0)
        .decodeError();
    assertThat(image.getMessage()).endsWith("json: cannot unmarshal number into Go struct field"
        + " Container.spec.template.spec.containers.image of type string");
  }

  @Test
  void outOfRangeAndFractionalNumbers() throws Exception {
    ClusterException big = read("f.yaml", DEPLOY.replace("replicas: 2", "replicas: 99999999999")).manifests().get(0)
        .decodeError();
    assertThat(big.getMessage()).endsWith("json: cannot unmarshal number 99999999999 into Go struct field"
        + " DeploymentSpec.spec.replicas of type int32");
    ClusterException half = read("g.yaml", DEPLOY.replace("replicas: 2", "replicas: 2.5")).manifests().get(0)
        .decodeError();
    assertThat(half.getMessage()).endsWith("json: cannot unmarshal number 2.5 into Go struct field"
        + " DeploymentSpec.spec.replicas of type int32");
  }

  @Test
  void yaml11NumbersAndBooleansAsGoYamlReadsThem() {
    assertThat(YamlDocuments.yaml11Int("0644")).hasToString("420");
    assertThat(YamlDocuments.yaml11Int("0x1F")).hasToString("31");
    assertThat(YamlDocuments.yaml11Int("-1_000")).hasToString("-1000");
    assertThat(YamlDocuments.yaml11Int("1:30")).isNull();
    assertThat(ManifestReader.parseDocument("replicas: 2.0\nratio: 2.5\n").toString())
        .isEqualTo("{\"replicas\":2,\"ratio\":2.5}");
    // YAML 1.1: even the key "on" is a boolean, which becomes the JSON key "true" (as in kubectl).
    assertThat(ManifestReader.parseDocument("mode: 0644\non: yes\nname: '0644'\n").toString())
        .isEqualTo("{\"mode\":420,\"true\":true,\"name\":\"0644\"}");
  }

  @Test
  void duplicateKeysLastOneWins() throws Exception {
    Deployment d = (Deployment) read("d.yaml", DEPLOY.replace("replicas: 2", "replicas: 2\n  replicas: 5"))
        .manifests().get(0).require();
    assertThat(d.getSpec().getReplicas()).isEqualTo(5);
  }

  @Test
  void onlySeparatorsGiveNoObjects() throws Exception {
    ManifestReader.Result r = read("empty.yaml", "---\n---\n");
    assertThat(r.manifests()).isEmpty();
    assertThat(r.errors()).isEmpty();
  }

  @Test
  void binaryFilesAreRefused() throws Exception {
    Files.write(dir.resolve("bin.yaml"), new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2});
    ManifestReader.Result r = new ManifestReader(dir, InputStreamOf(""), "default", false).read(List.of("bin.yaml"), false);
    assertThat(r.errors().get(0).render()).isEqualTo(
        "error: error parsing bin.yaml: error converting YAML to JSON: yaml: control characters are not allowed");
  }

  @Test
  void aliasBombsAndDeepNestingAreRefused() throws Exception {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
          .append(", *").append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p)
          .append(", *").append(p).append(", *").append(p).append("]\n");
    }
    assertThat(onlyError("bomb.yaml", bomb.toString())).endsWith("yaml: document contains excessive aliasing");
    String deep = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
    assertThat(onlyError("deep.yaml", deep)).endsWith("yaml: exceeded max depth of 100");
  }

  @Test
  void filesOverTenMegabytesAreRefused() throws Exception {
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(dir.resolve("huge.yaml").toFile(), "rw")) {
      f.setLength(ManifestReader.MAX_BYTES + 1L);
    }
    ManifestReader.Result r = new ManifestReader(dir, InputStreamOf(""), "default", false).read(List.of("huge.yaml"), false);
    assertThat(r.errors().get(0).render())
        .isEqualTo("error: the file \"huge.yaml\" is larger than 10 MB, the most a manifest may be here");
  }

  @Test
  void longNamesPassTheClientUnchangedForTheServerToJudge() throws Exception {
    String name = "a".repeat(300);
    Manifest m = read("long.yaml", DEPLOY.replace("name: hello\n", "name: " + name + "\n")).manifests().get(0);
    assertThat(m.name()).isEqualTo(name);
    assertThat(m.require().getMetadata().getName()).hasSize(300);
  }

  @Test
  void namespaceMismatchWithExplicitNamespace() throws Exception {
    Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: x}\n");
    ManifestReader.Result r = new ManifestReader(dir, InputStreamOf(""), "y", true).read(List.of("cm.yaml"), false);
    assertThat(r.errors().get(0).render()).isEqualTo("error: the namespace from the provided object \"x\" does not match"
        + " the namespace \"y\". You must pass '--namespace=x' to perform this operation.");
  }

  private static ByteArrayInputStream InputStreamOf(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
