package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionOptions;
import io.kubetutor.shell.SessionHarness.Result;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden tests of rollout status, history, undo, restart, pause and resume, on rollouts the simulator runs. */
class RolloutVerbsTest {

  @TempDir Path dir;
  SessionHarness sh;
  Cluster cluster;

  @BeforeEach
  void start() {
    sh = new SessionHarness(dir);
    cluster = sh.session().cluster();
  }

  @AfterEach
  void stop() {
    sh.close();
  }

  private Deployment deployment(String image, int updated, int total, int available) {
    return new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("default").withGeneration(2L)
        .addToAnnotations(RolloutTarget.REVISION, "2").endMetadata()
        .withNewSpec().withReplicas(3).withNewSelector().addToMatchLabels("app", "web").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage(image).addNewPort().withContainerPort(80)
        .withProtocol("TCP").endPort().endContainer().endSpec().endTemplate().endSpec()
        .withStatus(new DeploymentStatusBuilder().withObservedGeneration(2L).withReplicas(total)
            .withUpdatedReplicas(updated).withAvailableReplicas(available).build())
        .build();
  }

  private Deployment current() {
    return (Deployment) cluster.get(ResourceKind.DEPLOYMENT, "default", "web");
  }

  @Test
  void statusMessagesInKubectlOrder() {
    assertThat(RolloutStatusViewer.deployment(deployment("nginx", 1, 3, 1), 0).message())
        .isEqualTo("Waiting for deployment \"web\" rollout to finish: 1 out of 3 new replicas have been updated...\n");
    assertThat(RolloutStatusViewer.deployment(deployment("nginx", 3, 4, 3), 0).message())
        .isEqualTo("Waiting for deployment \"web\" rollout to finish: 1 old replicas are pending termination...\n");
    assertThat(RolloutStatusViewer.deployment(deployment("nginx", 3, 3, 2), 0).message())
        .isEqualTo("Waiting for deployment \"web\" rollout to finish: 2 of 3 updated replicas are available...\n");
    RolloutStatusViewer.State done = RolloutStatusViewer.deployment(deployment("nginx", 3, 3, 3), 0);
    assertThat(done.message()).isEqualTo("deployment \"web\" successfully rolled out\n");
    assertThat(done.done()).isTrue();
    Deployment unobserved = deployment("nginx", 3, 3, 3);
    unobserved.getMetadata().setGeneration(3L);
    assertThat(RolloutStatusViewer.deployment(unobserved, 0).message())
        .isEqualTo("Waiting for deployment spec update to be observed...\n");
  }

  /** A deployment of three nginx pods, as a student would apply it. */
  static final String WEB = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: web
              image: nginx:1.25
              ports:
              - containerPort: 80
      """;

  /** Applies {@link #WEB} (optionally paused) and lets the simulated cluster finish rolling it out. */
  private void applyWeb(boolean paused) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("web.yaml"), paused ? WEB.replace("  replicas: 3\n", "  replicas: 3\n  paused: true\n") : WEB);
    assertThat(sh.run("kubectl apply -f web.yaml").out()).isEqualTo("deployment.apps/web created\n");
    settle();
  }

  /** Runs the simulation until only far timers (the deployment's progress deadline check) are left. */
  private void settle() {
    sh.session().simulator().settle();
  }

  private String hashOfRevision(int revision) {
    return cluster.list(ResourceKind.REPLICASET, "default", io.kubetutor.cluster.Selector.EVERYTHING, null).stream()
        .filter(rs -> String.valueOf(revision).equals(rs.getMetadata().getAnnotations().get(RolloutTarget.REVISION)))
        .map(rs -> rs.getMetadata().getLabels().get("pod-template-hash")).findFirst().orElseThrow();
  }

  @Test
  void statusFollowsARealRolloutOnTheVirtualClock() throws Exception {
    applyWeb(false);
    Result done = sh.run("kubectl rollout status deployment/web");
    assertThat(done).isEqualTo(new Result(0, "deployment \"web\" successfully rolled out\n", ""));
    assertThat(sh.run("kubectl set image deployment/web web=nginx:1.27").out()).isEqualTo("deployment.apps/web image updated\n");
    // The command's think time lets the controller start the rollout; status then follows it to the end,
    // one line per change of the deployment, so a status write that changes no count repeats its line.
    java.util.List<io.kubetutor.cluster.WatchEvent> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
    Result watched;
    try (AutoCloseable w = cluster.watch(ResourceKind.DEPLOYMENT, "default", io.kubetutor.cluster.Selector.EVERYTHING,
        changes::add)) {
      watched = sh.run("kubectl rollout status deployment/web");
    }
    // The first line is the state when the command started (after the think time's changes), then one
    // line per later change: the output is the tail of the status lines of every change, none dropped.
    java.util.List<String> perChange = changes.stream()
        .map(e -> RolloutStatusViewer.deployment((Deployment) e.object(), 0).message().strip()).toList();
    java.util.List<String> printed = watched.out().lines().toList();
    assertThat(printed).isEqualTo(perChange.subList(perChange.size() - printed.size(), perChange.size()));
    assertThat(watched).isEqualTo(new Result(0, """
        Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
        Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
        Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
        Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
        Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
        deployment "web" successfully rolled out
        """, ""));
    assertThat(current().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27");
  }

  @Test
  void statusWatchFalseTimeoutRevisionAndNotFound() throws Exception {
    applyWeb(false);
    assertThat(sh.run("kubectl set image deployment/web web=nginx:1.27").exit()).isZero();
    Result once = sh.run("kubectl rollout status deploy web --watch=false");
    assertThat(once).isEqualTo(new Result(0,
        "Waiting for deployment \"web\" rollout to finish: 2 out of 3 new replicas have been updated...\n", ""));
    Result timeout = sh.run("kubectl rollout status deploy/web --timeout=1s");
    // One second is not enough for the old pod to finish terminating.
    assertThat(timeout).isEqualTo(new Result(1,
        "Waiting for deployment \"web\" rollout to finish: 1 old replicas are pending termination...\n",
        "error: timed out waiting for the condition\n"));
    assertThat(sh.run("kubectl rollout status deploy/web --revision=7").err())
        .isEqualTo("error: desired revision (7) is different from the running revision (2)\n");
    assertThat(sh.run("kubectl rollout status deploy/nope").err())
        .isEqualTo("Error from server (NotFound): deployments.apps \"nope\" not found\n");
  }

  @Test
  void historyTableHasTrailingSpaceAndBlankLine() throws Exception {
    applyWeb(true);
    // A deployment created paused gets no ReplicaSet, so it has no history yet.
    assertThat(sh.run("kubectl rollout history deployment/web").out())
        .isEqualTo("deployment.apps/web \nNo rollout history found.\n");
    assertThat(sh.run("kubectl rollout resume deployment/web").out()).isEqualTo("deployment.apps/web resumed\n");
    settle();
    assertThat(sh.run("kubectl set image deployment/web web=nginx:1.27").exit()).isZero();
    // The controller copies the deployment's change-cause to the new ReplicaSet.
    assertThat(sh.run("kubectl annotate deployment/web kubernetes.io/change-cause='kubectl set image deployment/web web=nginx:1.27'")
        .exit()).isZero();
    settle();
    assertThat(sh.run("kubectl rollout history deployment/web").out()).isEqualTo("""
        deployment.apps/web\s
        REVISION  CHANGE-CAUSE
        1         <none>
        2         kubectl set image deployment/web web=nginx:1.27

        """);
  }

  @Test
  void historyOfOneRevisionPrintsPodTemplate() throws Exception {
    applyWeb(false);
    assertThat(sh.run("kubectl set image deployment/web web=nginx:1.27").exit()).isZero();
    settle();
    assertThat(sh.run("kubectl rollout history deployment/web --revision=1").out()).isEqualTo("""
        deployment.apps/web with revision #1
        Pod Template:
          Labels:  app=web
                   pod-template-hash=%s
          Containers:
           web:
            Image:         nginx:1.25
            Port:          80/TCP
            Host Port:     0/TCP
            Environment:   <none>
            Mounts:        <none>
          Volumes:         <none>
          Node-Selectors:  <none>
          Tolerations:     <none>

        """.formatted(hashOfRevision(1)));
    assertThat(sh.run("kubectl rollout history deployment/web --revision=9").err())
        .isEqualTo("error: unable to find the specified revision\n");
  }

  @Test
  void undoCopiesPreviousTemplateBack() throws Exception {
    applyWeb(false);
    assertThat(sh.run("kubectl set image deployment/web web=nginx:1.27").exit()).isZero();
    settle();
    assertThat(sh.run("kubectl rollout undo deployment/web --to-revision=5").err())
        .isEqualTo("error: unable to find specified revision 5 in history\n");
    assertThat(sh.run("kubectl rollout undo deployment/web --to-revision=2").out())
        .isEqualTo("deployment.apps/web skipped rollback (current template already matches revision 2)\n");
    String firstHash = hashOfRevision(1);
    Result r = sh.run("kubectl rollout undo deployment/web");
    assertThat(r).isEqualTo(new Result(0, "deployment.apps/web rolled back\n", ""));
    settle();
    Deployment d = current();
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.25");
    assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(Map.of("app", "web"));
    // Rolling back re-uses revision 1's ReplicaSet, which becomes revision 3.
    assertThat(d.getMetadata().getAnnotations().get(RolloutTarget.REVISION)).isEqualTo("3");
    assertThat(hashOfRevision(3)).isEqualTo(firstHash);
    assertThat(sh.run("kubectl rollout history deployment/web").out())
        .isEqualTo("deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n");
  }

  @Test
  void pauseResumeAndTheirEffectOnUndoAndRestart() {
    StatusFixtures.store(cluster, deployment("nginx", 3, 3, 3));
    assertThat(sh.run("kubectl rollout pause deployment/web").out()).isEqualTo("deployment.apps/web paused\n");
    assertThat(current().getSpec().getPaused()).isTrue();
    assertThat(sh.run("kubectl rollout pause deployment/web").out()).isEqualTo("deployment.apps/web already paused\n");
    assertThat(sh.run("kubectl rollout undo deployment/web").err()).isEqualTo("error: you cannot rollback a paused "
        + "deployment; resume it first with 'kubectl rollout resume' and try again\n");
    assertThat(sh.run("kubectl rollout restart deployment/web").err())
        .isEqualTo("error: deployments.apps \"web\" can't restart paused deployment (run rollout resume first)\n");
    assertThat(sh.run("kubectl rollout resume deployment/web").out()).isEqualTo("deployment.apps/web resumed\n");
    assertThat(current().getSpec().getPaused()).isNull();
    assertThat(sh.run("kubectl rollout resume deployment/web").out()).isEqualTo("deployment.apps/web already resumed\n");
  }

  @Test
  void restartStampsTemplateAndRefusesTwiceInOneSecond() {
    // No think time between commands, so both restarts fall within the same simulated second.
    sh.close();
    SessionOptions o = SessionOptions.forTests(dir);
    sh = new SessionHarness(new SessionOptions(o.context(), o.namespace(), o.seed(), o.clock(), java.time.Duration.ZERO,
        o.workdir(), o.color(), o.debug(), o.interactive(), o.grading(), o.kubeconfig(), o.stateDir()));
    cluster = sh.session().cluster();
    StatusFixtures.store(cluster, deployment("nginx", 3, 3, 3));
    assertThat(sh.run("kubectl rollout restart deployment/web").out()).isEqualTo("deployment.apps/web restarted\n");
    String stamp = current().getSpec().getTemplate().getMetadata().getAnnotations().get("kubectl.kubernetes.io/restartedAt");
    assertThat(stamp).isEqualTo(cluster.clock().now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    Result again = sh.run("kubectl rollout restart deployment/web");
    assertThat(again.err()).isEqualTo("error: failed to create patch for web: if restart has already been triggered "
        + "within the past second, please wait before attempting to trigger another\n");
    assertThat(again.exit()).isEqualTo(1);
  }
}
