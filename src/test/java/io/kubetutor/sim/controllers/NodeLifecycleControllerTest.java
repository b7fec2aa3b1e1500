package io.kubetutor.sim.controllers;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeLifecycleControllerTest {

  @TempDir Path dir;

  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: hello-deployment
      spec:
        replicas: 3
        selector:
          matchLabels:
            app: hello-app
        template:
          metadata:
            labels:
              app: hello-app
          spec:
            containers:
              - name: hellos
                image: ubuntu:22.04
                command: ['sleep', '999999999']
      """;

  /** NAME and NODE of every pod, with STATUS, one "name status node" line each. */
  private static List<String> pods(SessionHarness h) {
    return h.run("kubectl get pods -o wide --no-headers").out().lines()
        .map(l -> l.split("\\s+"))
        .map(c -> c[0] + " " + c[2] + " " + c[6])
        .toList();
  }

  @Test
  void aFailedNodeGoesNotReadyItsPodsAreEvictedAfterTheirTolerationAndReplacedElsewhere() throws Exception {
    Files.writeString(dir.resolve("d.yml"), DEPLOYMENT);
    try (SessionHarness h = new SessionHarness(dir)) {
      h.run("kubectl apply -f d.yml");
      h.run("kubectl run bare --image=ubuntu:22.04 -- sleep 100000");
      h.run("sim settle");
      String node = h.run("kubectl get pod bare -o jsonpath={.spec.nodeName}").out();
      List<String> onNode = pods(h).stream().filter(l -> l.endsWith(" " + node) && l.startsWith("hello-"))
          .map(l -> l.split(" ")[0]).toList();
      assertThat(onNode).isNotEmpty();

      var fail = h.run("sim node fail " + node);
      assertThat(fail.exit()).isZero();
      assertThat(h.run("kubectl get node " + node + " --no-headers").out()).contains(" NotReady ");
      assertThat(h.run("kubectl get node " + node + " -o jsonpath={.spec.taints[*].key}:{.spec.taints[*].effect}").out())
          .isEqualTo("node.kubernetes.io/unreachable node.kubernetes.io/unreachable:NoSchedule NoExecute");
      assertThat(h.run("kubectl get node " + node
          + " -o 'jsonpath={.status.conditions[?(@.type==\"Ready\")].reason}/{.status.conditions[?(@.type==\"Ready\")].message}'").out())
          .isEqualTo("NodeStatusUnknown/Kubelet stopped posting node status.");
      assertThat(h.run("sim nodes").out()).containsPattern(node + "\\s+Unknown\\s+stopped\\s+\\d+\\s+"
          + "node.kubernetes.io/unreachable:NoSchedule,node.kubernetes.io/unreachable:NoExecute\n");

      // Within the default 300 s toleration nothing is evicted.
      h.run("sim advance 4m");
      assertThat(pods(h)).contains("bare Running " + node);
      h.run("sim advance 2m");
      h.run("sim settle");
      List<String> after = pods(h);
      assertThat(after).contains("bare Terminating " + node);  // the stopped kubelet cannot finish it; not replaced
      for (String p : onNode) assertThat(after).contains(p + " Terminating " + node);
      List<String> running = after.stream().filter(l -> l.startsWith("hello-") && l.contains(" Running ")).toList();
      assertThat(running).hasSize(3).noneMatch(l -> l.endsWith(" " + node));
      assertThat(h.run("sim status").out()).contains("timers:  ");

      assertThat(h.run("sim node recover " + node).exit()).isZero();
      h.run("sim settle");
      assertThat(h.run("kubectl get node " + node + " --no-headers").out()).contains(" Ready ");
      assertThat(h.run("kubectl get node " + node + " -o jsonpath={.spec.taints}").out()).isEmpty();
      List<String> recovered = pods(h);
      assertThat(recovered).noneMatch(l -> l.startsWith("bare ")).hasSize(3);
      assertThat(h.run("sim nodes").out()).containsPattern(node + "\\s+True\\s+running\\s+0\\s+<none>\n");
    }
  }

  @Test
  void badNodeCommandsAreRefused() {
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(h.run("sim node fail nosuch").err()).isEqualTo("error: no node named \"nosuch\" (see sim nodes)\n");
      assertThat(h.run("sim node explode kubetutor-worker").err()).isEqualTo("error: use sim node fail|recover NAME\n");
    }
  }
}
