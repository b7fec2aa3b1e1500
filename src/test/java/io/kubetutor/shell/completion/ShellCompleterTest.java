package io.kubetutor.shell.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.shell.SessionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.ParsedLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellCompleterTest {

  @TempDir Path dir;
  SessionHarness h;
  ShellCompleter completer;

  @BeforeEach
  void start() throws Exception {
    h = new SessionHarness(dir);
    completer = new ShellCompleter(h.session(), new LiveNames());
    Cluster c = h.session().cluster();
    create(c, new NamespaceBuilder().withNewMetadata().withName("staging").endMetadata().build());
    create(c, new NamespaceBuilder().withNewMetadata().withName("apps").endMetadata().build());
    create(c, pod("hello-abc", "default"));
    create(c, pod("hello-def", "default"));
    create(c, pod("other-pod", "staging"));
    // In its own namespace, so the pods it makes do not mix with the ones named above.
    create(c, new DeploymentBuilder().withNewMetadata().withName("hello").withNamespace("apps").endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "hello").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "hello").endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer().endSpec().endTemplate()
        .endSpec().build());
    Files.writeString(dir.resolve("deployment.yml"), "");
    Files.createDirectory(dir.resolve("manifests"));
  }

  private static HasMetadata pod(String name, String ns) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer().endSpec().build();
  }

  private static void create(Cluster c, HasMetadata o) {
    c.create(o, Cluster.DryRun.NONE);
  }

  @AfterEach
  void stop() { h.close(); }

  /** Values offered for the word under the cursor at the end of {@code line} (parsed as the shell parses it). */
  private List<String> values(String line) {
    ParsedLine parsed = new DefaultParser().parse(line, line.length());
    return completer.complete(parsed.words().subList(0, parsed.wordIndex()), parsed.word()).stream()
        .map(Candidate::value).toList();
  }

  private Candidate candidate(String line, String value) {
    ParsedLine parsed = new DefaultParser().parse(line, line.length());
    return completer.complete(parsed.words().subList(0, parsed.wordIndex()), parsed.word()).stream()
        .filter(c -> c.value().equals(value)).findFirst().orElseThrow();
  }

  @Test
  void firstWordOffersKubectlAndBuiltins() {
    assertThat(values("")).contains("kubectl", "k", "help", "ls", "cd", "exit");
  }

  @Test
  void afterAPipeTheTextFiltersAndNotKubectl() {
    assertThat(values("kubectl get pods | ")).containsExactly("grep", "head", "tail", "wc", "sort", "uniq", "less",
        "more", "cat");
    assertThat(values("kubectl get pods | grep ")).isEmpty();
  }

  @Test
  void verbsAfterKubectlOrK() {
    assertThat(values("kubectl ")).contains("apply", "delete", "scale", "version").doesNotContain("ls");
    assertThat(values("k ")).contains("apply");
  }

  @Test
  void flagsOfTheVerbAlsoAfterPositionals() {
    assertThat(values("kubectl delete -")).contains("-n", "--namespace=", "--grace-period=", "-l");
    assertThat(values("kubectl delete pod hello-abc --")).contains("--now", "--force", "--grace-period=");
    assertThat(values("kubectl apply -")).contains("-f", "--filename=").doesNotContain("--grace-period=");
    assertThat(candidate("kubectl delete --gr", "--grace-period=").complete()).isFalse();
  }

  @Test
  void outputFormatsForTheVerb() {
    assertThat(values("kubectl apply -o ")).contains("json", "yaml", "name", "jsonpath=").doesNotContain("wide");
    assertThat(values("kubectl apply --output=")).contains("--output=yaml", "--output=json");
  }

  @Test
  void contextNamesFromTheSession() {
    assertThat(values("kubectl delete --context ")).containsExactly("sim");
    assertThat(values("kubectl config use-context ")).containsExactly("sim");
  }

  @Test
  void namespacesFromTheCluster() {
    assertThat(values("kubectl delete -n ")).contains("default", "staging").doesNotContain("hello");
    assertThat(values("kubectl delete --namespace=")).contains("--namespace=default", "--namespace=staging");
  }

  @Test
  void resourceTypesThenLiveNamesInTheNamespaceOfTheLine() {
    assertThat(values("kubectl delete ")).contains("pods", "pod", "po", "deployments", "deploy", "replicasets", "rs");
    assertThat(values("kubectl delete pods ")).containsExactly("hello-abc", "hello-def");
    assertThat(values("kubectl delete po hello-abc ")).containsExactly("hello-abc", "hello-def");
    assertThat(values("kubectl delete -n staging pods ")).containsExactly("other-pod");
    assertThat(values("kubectl delete pods --namespace=staging ")).containsExactly("other-pod");
    assertThat(values("kubectl scale -n apps deploy ")).containsExactly("hello");
    assertThat(values("kubectl scale --namespace apps deploy/")).containsExactly("deploy/hello");
    assertThat(values("kubectl scale deploy ")).isEmpty();
    assertThat(values("kubectl delete nosuchtype ")).isEmpty();
  }

  @Test
  void filePathsAfterDashFRelativeToTheWorkdir() {
    assertThat(values("kubectl apply -f ")).containsExactly("deployment.yml", "manifests/");
    assertThat(candidate("kubectl apply -f ", "manifests/").complete()).isFalse();
    assertThat(values("kubectl apply --filename=d")).contains("--filename=deployment.yml");
    h.run("cd manifests");
    assertThat(values("kubectl apply -f ")).isEmpty();
  }

  @Test
  void builtinsCompleteTheirOwnArguments() {
    assertThat(values("cat ")).containsExactly("deployment.yml", "manifests/");
    assertThat(values("cd ")).containsExactly("manifests/");
  }

  @Test
  void slowClusterIsGivenUpOnAfterTheBoundedWait() {
    Cluster slow = (Cluster) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Cluster.class}, (proxy, method, args) -> switch (method.getName()) {
          case "isSimulator" -> false;
          case "contextName" -> "slow";
          case "list" -> {
            Thread.sleep(60_000);
            yield List.of();
          }
          default -> null;
        });
    LiveNames names = new LiveNames(java.time.Duration.ofSeconds(5), java.time.Duration.ofMillis(50), System::nanoTime);
    long start = System.nanoTime();
    assertThat(names.names(slow, io.kubetutor.cluster.ResourceKind.POD, "default")).isEmpty();
    assertThat(System.nanoTime() - start).isLessThan(java.time.Duration.ofSeconds(30).toNanos());
  }

  @Test
  void realClusterNamesAreCachedWithinTheirLifetime() {
    int[] calls = {0};
    long[] now = {0};
    Cluster real = (Cluster) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Cluster.class}, (proxy, method, args) -> switch (method.getName()) {
          case "isSimulator" -> false;
          case "contextName" -> "real";
          case "list" -> {
            calls[0]++;
            yield List.of(new PodBuilder().withNewMetadata().withName("p" + calls[0]).endMetadata().build());
          }
          default -> null;
        });
    LiveNames names = new LiveNames(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(10), () -> now[0]);
    assertThat(names.names(real, io.kubetutor.cluster.ResourceKind.POD, "default")).containsExactly("p1");
    now[0] = java.time.Duration.ofSeconds(4).toNanos();
    assertThat(names.names(real, io.kubetutor.cluster.ResourceKind.POD, "default")).containsExactly("p1");
    now[0] = java.time.Duration.ofSeconds(6).toNanos();
    assertThat(names.names(real, io.kubetutor.cluster.ResourceKind.POD, "default")).containsExactly("p2");
    assertThat(calls[0]).isEqualTo(2);
  }
}
