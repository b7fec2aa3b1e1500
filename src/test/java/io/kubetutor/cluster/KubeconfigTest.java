package io.kubetutor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and merging the kubeconfig as kubectl does; redaction of {@code config view}; {@code --persist}. */
class KubeconfigTest {

  @TempDir Path dir;

  static final String FIRST = """
      apiVersion: v1
      kind: Config
      clusters:
      - name: course
        cluster:
          server: https://course.example:6443
          certificate-authority: certs/ca.crt
      contexts:
      - name: course
        context:
          cluster: course
          user: student
          namespace: wallen
      - name: shared
        context:
          cluster: course
          user: student
      users:
      - name: student
        user:
          token: eyJhbGciOi.secret.token
      """;

  static final String SECOND = """
      apiVersion: v1
      kind: Config
      current-context: kind-kind
      clusters:
      - name: kind-kind
        cluster:
          server: https://127.0.0.1:40123
          certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
      contexts:
      - name: kind-kind
        context:
          cluster: kind-kind
          user: kind-kind
      - name: shared
        context:
          cluster: kind-kind
          user: kind-kind
          namespace: loser
      users:
      - name: kind-kind
        user:
          client-certificate-data: LS0tLS1CRUdJTiBDRVJU
          client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVk=
      """;

  Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  String env(Path... files) {
    StringBuilder sb = new StringBuilder();
    for (Path f : files) {
      if (sb.length() > 0) sb.append(File.pathSeparator);
      sb.append(f);
    }
    return sb.toString();
  }

  @Test
  void locateFollowsKubectlsOrder() {
    Path home = dir.resolve("home");
    assertThat(Kubeconfig.locate(Path.of("/x/explicit"), "/a:/b", home)).containsExactly(Path.of("/x/explicit"));
    assertThat(Kubeconfig.locate(null, "/a" + File.pathSeparator + File.pathSeparator + "/b" + File.pathSeparator + "/a",
        home)).containsExactly(Path.of("/a"), Path.of("/b"));
    assertThat(Kubeconfig.locate(null, null, home)).containsExactly(home.resolve(".kube/config"));
    assertThat(Kubeconfig.locate(null, "", home)).containsExactly(home.resolve(".kube/config"));
  }

  @Test
  void kubeconfigWithTwoFilesMergesFirstWins() throws Exception {
    Path a = write("a/config", FIRST);
    Path b = write("b/config", SECOND);
    Kubeconfig kc = Kubeconfig.load(null, env(a, dir.resolve("missing"), b), dir);

    assertThat(kc.contexts()).extracting(Kubeconfig.Context::name).containsExactly("course", "kind-kind", "shared");
    // "shared" is defined in both: the first file's definition wins, all of it.
    assertThat(kc.context("shared")).contains(new Kubeconfig.Context("shared", "course", "student", ""));
    assertThat(kc.context("course")).contains(new Kubeconfig.Context("course", "course", "student", "wallen"));
    // The first file sets no current-context; the second's is used.
    assertThat(kc.currentContext()).isEqualTo("kind-kind");
    assertThat(kc.server("course")).isEqualTo("https://course.example:6443");
    assertThat(kc.server("kind-kind")).isEqualTo("https://127.0.0.1:40123");
  }

  @Test
  void relativeCertificatePathsResolveAgainstTheirFile() throws Exception {
    Path a = write("a/config", FIRST);
    Kubeconfig kc = Kubeconfig.load(a, null, dir);
    assertThat(kc.singleContextYaml("course")).contains("certificate-authority: " + dir.resolve("a/certs/ca.crt"));
    assertThat(kc.view(null, true)).contains("certificate-authority: " + dir.resolve("a/certs/ca.crt"));
  }

  @Test
  void tlsVerificationStaysOnUnlessTheKubeconfigTurnsItOff() throws Exception {
    Path a = write("a/config", FIRST);
    Path b = write("b/config", """
        apiVersion: v1
        kind: Config
        clusters:
        - name: lab
          cluster:
            server: https://lab.example:6443
            insecure-skip-tls-verify: true
        contexts:
        - name: lab
          context:
            cluster: lab
            user: lab
        users:
        - name: lab
          user:
            token: abc
        """);
    Kubeconfig kc = Kubeconfig.load(null, env(a, b), dir);
    assertThat(io.fabric8.kubernetes.client.Config.fromKubeconfig("course", kc.singleContextYaml("course"), null)
        .isTrustCerts()).isFalse();
    io.fabric8.kubernetes.client.Config lab = io.fabric8.kubernetes.client.Config.fromKubeconfig("lab",
        kc.singleContextYaml("lab"), null);
    assertThat(lab.isTrustCerts()).isTrue();
    assertThat(lab.getMasterUrl()).startsWith("https://lab.example:6443");
    assertThat(lab.getAutoOAuthToken()).isEqualTo("abc");
  }

  @Test
  void currentContextComesFromTheFirstFileThatSetsIt() throws Exception {
    Path a = write("a/config", FIRST + "current-context: course\n");
    Path b = write("b/config", SECOND);
    assertThat(Kubeconfig.load(null, env(a, b), dir).currentContext()).isEqualTo("course");
    assertThat(Kubeconfig.load(null, env(b, a), dir).currentContext()).isEqualTo("kind-kind");
  }

  @Test
  void viewRedactsLikeKubectl() throws Exception {
    Path a = write("a/config", FIRST);
    Path b = write("b/config", SECOND);
    Kubeconfig kc = Kubeconfig.load(null, env(a, b), dir);
    assertThat(kc.view(null, false)).isEqualTo("""
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority: %s
            server: https://course.example:6443
          name: course
        - cluster:
            certificate-authority-data: DATA+OMITTED
            server: https://127.0.0.1:40123
          name: kind-kind
        contexts:
        - context:
            cluster: course
            namespace: wallen
            user: student
          name: course
        - context:
            cluster: kind-kind
            user: kind-kind
          name: kind-kind
        - context:
            cluster: course
            user: student
          name: shared
        current-context: kind-kind
        kind: Config
        preferences: {}
        users:
        - name: kind-kind
          user:
            client-certificate-data: DATA+OMITTED
            client-key-data: DATA+OMITTED
        - name: student
          user:
            token: REDACTED
        """.formatted(dir.resolve("a/certs/ca.crt")));
    String raw = kc.view(null, true);
    assertThat(raw).contains("token: eyJhbGciOi.secret.token").contains("client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVk=");
  }

  @Test
  void minifyKeepsOnlyTheContextAndWhatItUses() throws Exception {
    Kubeconfig kc = Kubeconfig.load(write("b/config", SECOND), null, dir);
    assertThat(kc.view("kind-kind", false)).isEqualTo("""
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: DATA+OMITTED
            server: https://127.0.0.1:40123
          name: kind-kind
        contexts:
        - context:
            cluster: kind-kind
            user: kind-kind
          name: kind-kind
        current-context: kind-kind
        kind: Config
        preferences: {}
        users:
        - name: kind-kind
          user:
            client-certificate-data: DATA+OMITTED
            client-key-data: DATA+OMITTED
        """);
    assertThatThrownBy(() -> kc.view("", false)).hasMessage("current-context must exist in order to minify");
  }

  @Test
  void noKubeconfigAtAllIsAnEmptyConfig() {
    Kubeconfig kc = Kubeconfig.load(null, null, dir.resolve("nohome"));
    assertThat(kc.contexts()).isEmpty();
    assertThat(kc.view(null, false)).isEqualTo("""
        apiVersion: v1
        clusters: null
        contexts: null
        current-context: ""
        kind: Config
        preferences: {}
        users: null
        """);
  }

  @Test
  void aMissingExplicitFileOrBrokenYamlIsAnError() throws Exception {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> Kubeconfig.load(missing, null, dir))
        .hasMessage("stat " + missing + ": no such file or directory");
    Path broken = write("broken", "clusters: [\n  - {name: x\n");
    assertThatThrownBy(() -> Kubeconfig.load(broken, null, dir))
        .isInstanceOf(Kubeconfig.KubeconfigException.class)
        .hasMessageStartingWith("error loading config file \"" + broken + "\": ");
  }

  @Test
  void persistWritesOnlyCurrentContextToTheFirstExistingFileAndKeepsItPrivate() throws Exception {
    Path a = write("a/config", FIRST);
    Path b = write("b/config", SECOND);
    Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rw-------"));
    String secondBefore = Files.readString(b);
    Kubeconfig kc = Kubeconfig.load(null, env(dir.resolve("missing"), a, b), dir);

    Path written = kc.persistCurrentContext("course");

    assertThat(written).isEqualTo(a);
    assertThat(Files.readString(b)).isEqualTo(secondBefore);
    assertThat(Files.getPosixFilePermissions(a)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    Kubeconfig reread = Kubeconfig.load(null, env(a, b), dir);
    assertThat(reread.currentContext()).isEqualTo("course");
    // Everything else of the file is still there.
    assertThat(reread.context("course")).contains(new Kubeconfig.Context("course", "course", "student", "wallen"));
    assertThat(reread.view(null, true)).contains("token: eyJhbGciOi.secret.token");
    assertThatThrownBy(() -> kc.persistCurrentContext("nope")).hasMessage("no context exists with the name: \"nope\"");
    assertThat(List.of(Files.readString(a))).noneMatch(t -> t.contains("nope"));
  }
}
