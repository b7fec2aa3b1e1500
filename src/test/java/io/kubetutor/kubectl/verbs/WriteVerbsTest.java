package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden tests of delete, label, annotate, scale and set image: exact stdout, stderr and exit codes. */
class WriteVerbsTest {

  @TempDir Path dir;
  SessionHarness sh;

  @BeforeEach
  void start() throws Exception {
    sh = new SessionHarness(dir);
    Files.writeString(dir.resolve("d.yaml"), ApplyVerbTest.DEPLOY);
    Files.writeString(dir.resolve("pod.yaml"), ApplyVerbTest.POD.replace("name: hello\n", "name: hello\n  labels:\n    app: v1\n"));
    assertThat(sh.run("kubectl apply -f d.yaml").exit()).isZero();
    assertThat(sh.run("kubectl apply -f pod.yaml").exit()).isZero();
  }

  @AfterEach
  void stop() {
    sh.close();
  }

  private Deployment deployment() {
    return (Deployment) sh.session().cluster().get(ResourceKind.DEPLOYMENT, "default", "hello-deployment");
  }

  private Pod pod() {
    return (Pod) sh.session().cluster().get(ResourceKind.POD, "default", "hello");
  }

  private boolean podExists() {
    try {
      pod();
      return true;
    } catch (ClusterException e) {
      return false;
    }
  }

  // ---- delete ----

  /** What {@code kubectl delete pods --all} prints: every pod of the namespace, in the apiserver's name order. */
  private String everyPodDeleted(String suffix) {
    StringBuilder lines = new StringBuilder();
    sh.session().cluster().list(ResourceKind.POD, "default", Selector.EVERYTHING, null).stream()
        .map(p -> p.getMetadata().getName()).sorted()
        .forEach(name -> lines.append("pod \"").append(name).append("\" deleted").append(suffix).append('\n'));
    return lines.toString();
  }

  @Test
  void deleteByNameAndNotFoundContinues() {
    assertThat(sh.run("kubectl delete pod hello nope")).isEqualTo(new Result(1, "pod \"hello\" deleted\n",
        "Error from server (NotFound): pods \"nope\" not found\n"));
    // kubectl returns the error without waiting: the pod is left terminating, its `sleep` killed after the grace period.
    assertThat(pod().getMetadata().getDeletionTimestamp()).isNotNull();
    sh.session().simulator().advance(java.time.Duration.ofSeconds(31));
    assertThat(podExists()).isFalse();
  }

  @Test
  void defaultWaitLastsTheGracePeriodOfARunningPod() {
    sh.session().simulator().advance(java.time.Duration.ofSeconds(20));
    assertThat(pod().getStatus().getPhase()).isEqualTo("Running");
    java.time.Instant before = sh.session().cluster().clock().now();
    assertThat(sh.run("kubectl delete pod hello")).isEqualTo(new Result(0, "pod \"hello\" deleted\n", ""));
    assertThat(podExists()).isFalse();
    // `sleep` ignores SIGTERM, so the kubelet kills it only when the default 30 s grace period ends.
    assertThat(java.time.Duration.between(before, sh.session().cluster().clock().now())).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(30));
  }

  @Test
  void deleteTypeSlashNameAndOutputName() {
    assertThat(sh.run("kubectl delete deploy/hello-deployment -o name"))
        .isEqualTo(new Result(0, "deployment.apps/hello-deployment\n", ""));
  }

  @Test
  void deleteByFileNamesTheFileOnNotFound() {
    assertThat(sh.run("kubectl delete -f d.yaml")).isEqualTo(new Result(0, "deployment.apps \"hello-deployment\" deleted\n", ""));
    assertThat(sh.run("kubectl delete -f d.yaml")).isEqualTo(new Result(1, "", "Error from server (NotFound): error when"
        + " deleting \"d.yaml\": deployments.apps \"hello-deployment\" not found\n"));
    assertThat(sh.run("kubectl delete -f d.yaml --ignore-not-found")).isEqualTo(new Result(0, "No resources found\n", ""));
  }

  @Test
  void deleteBySelectorAndNoResourcesFoundOnStdout() {
    assertThat(sh.run("kubectl delete pods -l app=none")).isEqualTo(new Result(0, "No resources found\n", ""));
    assertThat(sh.run("kubectl delete pods -l app=v1")).isEqualTo(new Result(0, "pod \"hello\" deleted\n", ""));
  }

  @Test
  void deleteAllAndDryRun() {
    // The deployment's two pods are in the namespace too.
    assertThat(sh.session().cluster().list(ResourceKind.POD, "default", Selector.EVERYTHING, null)).hasSize(3);
    assertThat(sh.run("kubectl delete pods --all --dry-run=client"))
        .isEqualTo(new Result(0, everyPodDeleted(" (dry run)"), ""));
    assertThat(podExists()).isTrue();
    String expected = everyPodDeleted("");
    assertThat(expected).startsWith("pod \"hello\" deleted\npod \"hello-deployment-");
    assertThat(sh.run("kubectl delete pods --all")).isEqualTo(new Result(0, expected, ""));
    assertThat(podExists()).isFalse();
  }

  @Test
  void clusterScopedWithExplicitNamespaceWarns() throws Exception {
    Files.writeString(dir.resolve("ns.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n");
    sh.run("kubectl apply -f ns.yaml");
    assertThat(sh.run("kubectl delete namespace team -n default")).isEqualTo(new Result(0, "namespace \"team\" deleted\n",
        "Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n"));
  }

  @Test
  void forceDeletionWarnsAndSaysForceDeleted() {
    assertThat(sh.run("kubectl delete pod hello --force --grace-period=0")).isEqualTo(new Result(0,
        "pod \"hello\" force deleted\n", DeleteVerb.FORCE_WARNING + "\n"));
  }

  @Test
  void deleteArgumentErrors() {
    assertThat(sh.run("kubectl delete pods")).isEqualTo(new Result(1, "",
        "error: resource(s) were provided, but no name was specified\n"));
    assertThat(sh.run("kubectl delete pod hello -l app=v1")).isEqualTo(new Result(1, "",
        "error: name cannot be provided when a selector is specified\n"));
    assertThat(sh.run("kubectl delete").err()).startsWith("error: You must provide one or more resources by argument or"
        + " filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n");
    assertThat(sh.run("kubectl delete foo x")).isEqualTo(new Result(1, "",
        "error: the server doesn't have a resource type \"foo\"\n"));
    assertThat(sh.run("kubectl delete pod hello -o yaml").err())
        .isEqualTo("error: unexpected -o output mode: yaml. We only support '-o name'\n");
    assertThat(sh.run("kubectl delete pod hello --force --grace-period=5").err())
        .isEqualTo("error: --force and --grace-period greater than 0 cannot be specified together\n");
    assertThat(sh.run("kubectl delete pods --all -l app=v1").err())
        .isEqualTo("error: cannot set --all and --selector at the same time\n");
    assertThat(sh.run("kubectl delete pod hello --cascade=sideways").err())
        .isEqualTo("error: invalid cascade value (sideways). Must be \"background\", \"foreground\", or \"orphan\"\n");
  }

  // ---- label / annotate ----

  @Test
  void labelAddOverwriteRemove() {
    assertThat(sh.run("kubectl label pod hello tier=web")).isEqualTo(new Result(0, "pod/hello labeled\n", ""));
    assertThat(pod().getMetadata().getLabels()).containsEntry("tier", "web");
    assertThat(sh.run("kubectl label pod hello app=v2")).isEqualTo(new Result(1, "",
        "error: 'app' already has a value (v1), and --overwrite is false\n"));
    assertThat(sh.run("kubectl label pod hello app=v2 --overwrite")).isEqualTo(new Result(0, "pod/hello labeled\n", ""));
    assertThat(sh.run("kubectl label pod hello app=v2")).as("same value needs no --overwrite")
        .isEqualTo(new Result(0, "pod/hello not labeled\n", ""));
    assertThat(sh.run("kubectl label pod/hello tier-")).isEqualTo(new Result(0, "pod/hello unlabeled\n", ""));
    assertThat(pod().getMetadata().getLabels()).doesNotContainKey("tier");
    assertThat(sh.run("kubectl label pod hello app.kubernetes.io/name=web").out()).isEqualTo("pod/hello labeled\n");
    assertThat(sh.run("kubectl label pod hello app.kubernetes.io/name-").out()).isEqualTo("pod/hello unlabeled\n");
    assertThat(sh.run("kubectl label pod hello --list")).isEqualTo(new Result(0, "app=v2\n", ""));
    assertThat(sh.run("kubectl label pod hello gone-")).isEqualTo(new Result(0,
        "label \"gone\" not found.\npod/hello not labeled\n", ""));
    assertThat(sh.run("kubectl label pods -l app=v2 --list")).as("chosen by selector: a heading, kubectl's Kind.group")
        .isEqualTo(new Result(0, "Listing labels for Pod./hello:\n app=v2\n", ""));
  }

  @Test
  void labelErrors() {
    assertThat(sh.run("kubectl label pod hello")).isEqualTo(new Result(1, "",
        "error: at least one label update is required\n"));
    assertThat(sh.run("kubectl label pod nope a=b")).isEqualTo(new Result(1, "",
        "Error from server (NotFound): pods \"nope\" not found\n"));
    assertThat(sh.run("kubectl label pod hello 'a=hello world'").err()).startsWith(
        "error: invalid label value: \"a=hello world\": a valid label must be an empty string or consist of");
  }

  @Test
  void labelBySelectorAndDryRun() {
    assertThat(sh.run("kubectl label pods -l app=v1 x=y --dry-run=client"))
        .isEqualTo(new Result(0, "pod/hello labeled (dry run)\n", ""));
    assertThat(pod().getMetadata().getLabels()).doesNotContainKey("x");
  }

  @Test
  void annotate() {
    assertThat(sh.run("kubectl annotate deploy hello-deployment owner=me"))
        .isEqualTo(new Result(0, "deployment.apps/hello-deployment annotated\n", ""));
    assertThat(sh.run("kubectl annotate deploy hello-deployment owner=you")).isEqualTo(new Result(1, "",
        "error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (me)\n"));
    assertThat(sh.run("kubectl annotate deploy hello-deployment owner=you --overwrite").out())
        .isEqualTo("deployment.apps/hello-deployment annotated\n");
    assertThat(deployment().getMetadata().getAnnotations()).containsEntry("owner", "you");
    assertThat(sh.run("kubectl annotate deploy hello-deployment owner-").out())
        .isEqualTo("deployment.apps/hello-deployment annotated\n");
    assertThat(deployment().getMetadata().getAnnotations()).doesNotContainKey("owner");
  }

  @Test
  void setAlonePrintsItsHelp() {
    Result r = sh.run("kubectl set");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("image").contains("Update the image of a pod template");
  }

  // ---- scale ----

  @Test
  void scale() {
    assertThat(sh.run("kubectl scale deployment hello-deployment --replicas=5"))
        .isEqualTo(new Result(0, "deployment.apps/hello-deployment scaled\n", ""));
    assertThat(deployment().getSpec().getReplicas()).isEqualTo(5);
    assertThat(sh.run("kubectl scale deploy/hello-deployment --replicas=5").out()).as("printed even when unchanged")
        .isEqualTo("deployment.apps/hello-deployment scaled\n");
    assertThat(sh.run("kubectl scale deploy/hello-deployment --current-replicas=3 --replicas=1"))
        .isEqualTo(new Result(1, "", "error: Expected replicas to be 3, was 5\n"));
    assertThat(sh.run("kubectl scale -f d.yaml --replicas=1").out()).isEqualTo("deployment.apps/hello-deployment scaled\n");
    assertThat(deployment().getSpec().getReplicas()).isEqualTo(1);
  }

  @Test
  void scaleErrors() {
    assertThat(sh.run("kubectl scale deploy hello-deployment")).isEqualTo(new Result(1, "",
        "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n"));
    assertThat(sh.run("kubectl scale deploy nope --replicas=2")).isEqualTo(new Result(1, "",
        "Error from server (NotFound): deployments.apps \"nope\" not found\n"));
  }

  // ---- set image ----

  @Test
  void setImage() {
    assertThat(sh.run("kubectl set image deployment/hello-deployment hello=nginx:1.27"))
        .isEqualTo(new Result(0, "deployment.apps/hello-deployment image updated\n", ""));
    assertThat(deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27");
    assertThat(sh.run("kubectl set image deployment/hello-deployment hello=nginx:1.27"))
        .as("nothing printed when unchanged").isEqualTo(new Result(0, "", ""));
    assertThat(sh.run("kubectl set image deploy hello-deployment '*=nginx:1.28'").out())
        .isEqualTo("deployment.apps/hello-deployment image updated\n");
    assertThat(deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.28");
  }

  @Test
  void fileNamedObjectsForLabelAndSetImage() {
    assertThat(sh.run("kubectl label -f d.yaml tier=web").out()).isEqualTo("deployment.apps/hello-deployment labeled\n");
    assertThat(deployment().getMetadata().getLabels()).containsEntry("tier", "web");
    assertThat(sh.run("kubectl set image -f d.yaml hello=nginx:1.29").out())
        .isEqualTo("deployment.apps/hello-deployment image updated\n");
    assertThat(sh.run("kubectl label pod hello x=y").out()).as("options do not leak into the next command")
        .isEqualTo("pod/hello labeled\n");
    assertThat(sh.run("kubectl apply")).isEqualTo(new Result(1, "", "error: must specify one of -f and -k\n"));
    // hello plus the deployment's pods (the rollout to nginx:1.29 has started one more).
    String expected = everyPodDeleted(" (dry run)");
    assertThat(expected).startsWith("pod \"hello\" deleted (dry run)\npod \"hello-deployment-");
    assertThat(sh.run("kubectl delete pods --all --dry-run=client").out()).isEqualTo(expected);
    assertThat(sh.run("kubectl delete pod hello --wait=false").out()).as("no dry run left over")
        .isEqualTo("pod \"hello\" deleted\n");
  }

  @Test
  void setImageErrors() {
    assertThat(sh.run("kubectl set image deployment/hello-deployment foo=nginx")).isEqualTo(new Result(1, "",
        "error: unable to find container named \"foo\"\n"));
    assertThat(sh.run("kubectl set image deployment/hello-deployment")).isEqualTo(new Result(1, "",
        "error: at least one image update is required\n"));
  }
}
