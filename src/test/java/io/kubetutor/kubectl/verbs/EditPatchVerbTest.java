package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.kubectl.Kubectl;
import io.kubetutor.kubectl.KubectlEnv;
import io.kubetutor.shell.CommandLineSplitter;
import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionHarness.Result;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubectl edit} with a scripted editor, and {@code kubectl patch} of the three types. */
class EditPatchVerbTest {

  @TempDir Path dir;
  SessionHarness sh;
  /** What the scripted editor does on each opening, in order; it records what it was shown. */
  final Deque<UnaryOperator<String>> editor = new ArrayDeque<>();
  final List<String> shown = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    sh = new SessionHarness(dir);
    Files.writeString(dir.resolve("d.yaml"), ApplyVerbTest.DEPLOY);
    assertThat(sh.run("kubectl apply -f d.yaml").exit()).isZero();
  }

  @AfterEach
  void stop() {
    sh.close();
  }

  /** The session's cluster, refusing negative replicas the way the apiserver's validation does. */
  private Cluster validating() {
    Cluster real = sh.session().cluster();
    return (Cluster) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Cluster.class},
        (proxy, method, args) -> {
          if (method.getName().equals("update") && args[0] instanceof Deployment d && d.getSpec().getReplicas() < 0) {
            throw io.kubetutor.cluster.ClusterException.invalid("Deployment", "apps", d.getMetadata().getName(), List.of(
                new io.kubetutor.cluster.ClusterException.Cause("spec.replicas",
                    "Invalid value: " + d.getSpec().getReplicas() + ": must be greater than or equal to 0")));
          }
          try {
            return method.invoke(real, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private Result kubectl(String line) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    KubectlEnv env = new KubectlEnv() {
      @Override public Cluster cluster() { return validating(); }
      @Override public String namespace() { return "default"; }
      @Override public Path workdir() { return dir; }
      @Override public PrintWriter out() { return new PrintWriter(out, true); }
      @Override public PrintWriter err() { return new PrintWriter(err, true); }
      @Override public InputStream in() { return InputStream.nullInputStream(); }
      @Override public String edit(String fileName, String text) {
        shown.add(text);
        return editor.isEmpty() ? text : editor.pop().apply(text);
      }
    };
    List<String> words = CommandLineSplitter.split(line);
    int code = new Kubectl(env).execute(words.subList(1, words.size()));
    return new Result(code, out.toString(), err.toString());
  }

  private Deployment live() {
    return (Deployment) sh.session().cluster().get(ResourceKind.DEPLOYMENT, "default", "hello-deployment");
  }

  @Test
  void unchangedIsCancelled() {
    assertThat(kubectl("kubectl edit deploy hello-deployment"))
        .isEqualTo(new Result(0, "", "Edit cancelled, no changes made.\n"));
    assertThat(shown.get(0)).startsWith(EditVerb.HEADER + "apiVersion: apps/v1\nkind: Deployment\n");
  }

  @Test
  void bufferIsTheHeaderThenTheObjectAsGetPrintsIt() {
    kubectl("kubectl edit deploy hello-deployment");
    // Same text as get -o yaml (go-yaml layout, quoted timestamps), managed fields hidden.
    assertThat(shown.get(0)).isEqualTo("""
        # Please edit the object below. Lines beginning with a '#' will be ignored,
        # and an empty file will abort the edit. If an error occurs while saving this file will be
        # reopened with the relevant failures.
        #
        """ + kubectl("kubectl get deploy hello-deployment -o yaml").out());
    assertThat(shown.get(0)).contains("  creationTimestamp: \"2026-");
    kubectl("kubectl edit deploy hello-deployment -o json");
    assertThat(shown.get(1)).isEqualTo(EditVerb.HEADER + kubectl("kubectl get deploy hello-deployment -o json").out());
    assertThat(shown.get(1)).contains("\n    \"apiVersion\": \"apps/v1\",\n");
  }

  @Test
  void severalObjectsAreOneListAsGetPrintsThem() throws Exception {
    Files.writeString(dir.resolve("d2.yaml"), ApplyVerbTest.DEPLOY.replace("hello-deployment", "second"));
    assertThat(sh.run("kubectl apply -f d2.yaml").exit()).isZero();
    kubectl("kubectl edit deploy hello-deployment second");
    assertThat(shown.get(0)).isEqualTo(EditVerb.HEADER
        + kubectl("kubectl get deploy hello-deployment second -o yaml").out());
  }

  @Test
  void validEditIsSaved() {
    editor.add(t -> t.replace("replicas: 2", "replicas: 7"));
    assertThat(kubectl("kubectl edit deployment/hello-deployment"))
        .isEqualTo(new Result(0, "deployment.apps/hello-deployment edited\n", ""));
    assertThat(live().getSpec().getReplicas()).isEqualTo(7);
  }

  @Test
  void syntaxErrorReopensWithTheErrorOnTop() {
    editor.add(t -> t.replace("replicas: 2", "replicas: 2: 3"));
    editor.add(t -> t.replace("replicas: 2: 3", "replicas: 3"));
    assertThat(kubectl("kubectl edit deploy hello-deployment"))
        .isEqualTo(new Result(0, "deployment.apps/hello-deployment edited\n", ""));
    assertThat(shown).hasSize(2);
    assertThat(shown.get(1)).startsWith(EditVerb.HEADER + "# The edited file had a syntax error: error parsing"
        + " edited-file: error converting YAML to JSON: yaml: line ");
    assertThat(shown.get(1)).contains(": mapping values are not allowed in this context\n#\napiVersion: apps/v1\n");
    assertThat(live().getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void savingTheSameInvalidFileAgainGivesUp() {
    editor.add(t -> t.replace("replicas: 2", "replicas: [2"));
    editor.add(t -> t);
    Result r = kubectl("kubectl edit deploy hello-deployment");
    assertThat(r).isEqualTo(new Result(1, "", "error: Edit cancelled, no valid changes were saved.\n"));
    assertThat(live().getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void changingTheNameIsRefused() {
    editor.add(t -> t.replace("name: hello-deployment", "name: other"));
    editor.add(t -> "");
    assertThat(kubectl("kubectl edit deploy hello-deployment"))
        .isEqualTo(new Result(0, "", "Edit cancelled, no changes made.\n"));
    assertThat(shown.get(1)).contains("# error: At least one of apiVersion, kind and name was changed\n#\n");
  }

  @Test
  void invalidEditReopensWithTheCauses() {
    editor.add(t -> t.replace("replicas: 2", "replicas: -1"));
    editor.add(t -> t.replace("replicas: -1", "replicas: 1"));
    assertThat(kubectl("kubectl edit deploy hello-deployment")).isEqualTo(new Result(0,
        "deployment.apps/hello-deployment edited\n", "error: deployments.apps \"hello-deployment\" is invalid\n"));
    assertThat(shown.get(1)).startsWith(EditVerb.HEADER + "# deployments.apps \"hello-deployment\" was not valid:\n"
        + "# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps/v1\n");
    assertThat(live().getSpec().getReplicas()).isEqualTo(1);
  }

  @Test
  void severalObjectsAreEditedAsOneList() throws Exception {
    Files.writeString(dir.resolve("d2.yaml"), ApplyVerbTest.DEPLOY.replace("name: hello-deployment", "name: second"));
    assertThat(sh.run("kubectl apply -f d2.yaml").exit()).isZero();
    editor.add(t -> t.replace("replicas: 2", "replicas: 3"));
    assertThat(kubectl("kubectl edit deploy hello-deployment second")).isEqualTo(new Result(0,
        "deployment.apps/hello-deployment edited\ndeployment.apps/second edited\n", ""));
    assertThat(shown.get(0)).startsWith(EditVerb.HEADER + "apiVersion: v1\n").contains("kind: List\n");
    assertThat(live().getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void inAListOnlyTheInvalidObjectIsReopened() throws Exception {
    Files.writeString(dir.resolve("d2.yaml"), ApplyVerbTest.DEPLOY.replace("name: hello-deployment", "name: second")
        .replace("replicas: 2", "replicas: 5"));
    sh.run("kubectl apply -f d2.yaml");
    editor.add(t -> t.replace("replicas: 2", "replicas: -2").replace("replicas: 5", "replicas: 6"));
    editor.add(t -> t.replace("replicas: -2", "replicas: 4"));
    Result r = kubectl("kubectl edit deploy hello-deployment second");
    assertThat(r.out()).isEqualTo("deployment.apps/second edited\ndeployment.apps/hello-deployment edited\n");
    assertThat(shown.get(1)).startsWith(EditVerb.HEADER + "# deployments.apps \"hello-deployment\" was not valid:\n")
        .doesNotContain("kind: List").doesNotContain("name: second");
    assertThat(live().getSpec().getReplicas()).isEqualTo(4);
  }

  @Test
  void unknownFieldCannotBePatched() {
    // Only the spec's field: the live object's status (written by the controller) has replicas too.
    editor.add(t -> t.replaceFirst("replicas: 2", "replica: 2"));
    assertThat(kubectl("kubectl edit deploy hello-deployment")).isEqualTo(new Result(1, "",
        "error: deployments.apps \"hello-deployment\" could not be patched: strict decoding"
            + " error: unknown field \"spec.replica\"\n"));
  }

  @Test
  void patchStrategicMergesContainersByName() {
    assertThat(sh.run("kubectl patch deploy hello-deployment -p"
        + " '{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"hello\",\"image\":\"nginx:1.27\"}]}}}}'"))
        .isEqualTo(new Result(0, "deployment.apps/hello-deployment patched\n", ""));
    var c = live().getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("nginx:1.27");
    assertThat(c.getPorts()).as("fields of the element not in the patch are kept").hasSize(1);
    assertThat(sh.run("kubectl patch deploy hello-deployment -p '{\"spec\":{\"replicas\":2}}'"))
        .isEqualTo(new Result(0, "deployment.apps/hello-deployment patched (no change)\n", ""));
  }

  @Test
  void patchMergeReplacesListsAndJsonPatchOperates() {
    sh.run("kubectl patch deploy hello-deployment --type merge -p '{\"metadata\":{\"labels\":{\"app\":null,\"x\":\"y\"}}}'");
    assertThat(live().getMetadata().getLabels()).containsOnlyKeys("x");
    assertThat(sh.run("kubectl patch deploy hello-deployment --type json"
        + " -p '[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":6}]'").out())
        .isEqualTo("deployment.apps/hello-deployment patched\n");
    assertThat(live().getSpec().getReplicas()).isEqualTo(6);
    assertThat(sh.run("kubectl patch deploy hello-deployment --type json -p '[{\"op\":\"remove\",\"path\":\"/spec/nope\"}]'"))
        .isEqualTo(new Result(1, "", "Error from server: jsonpatch remove operation does not apply: doc is missing path:"
            + " \"/spec/nope\": missing value\n"));
  }

  @Test
  void patchByFile() {
    assertThat(sh.run("kubectl patch -f d.yaml -p '{\"spec\":{\"replicas\":9}}'").out())
        .isEqualTo("deployment.apps/hello-deployment patched\n");
    assertThat(live().getSpec().getReplicas()).isEqualTo(9);
  }

  @Test
  void patchErrors() {
    assertThat(sh.run("kubectl patch deploy hello-deployment")).isEqualTo(new Result(1, "", "error: must specify --patch"
        + " or --patch-file containing the contents of the patch\n"));
    assertThat(sh.run("kubectl patch deploy hello-deployment -p '{\"spec\":{\"replica\":2}}'").err())
        .isEqualTo("Error from server (BadRequest): strict decoding error: unknown field \"spec.replica\"\n");
  }
}
