package io.kubetutor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.shell.SessionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The course's tagging lesson end to end: a pushed :dev reaches new pods with Always, not with IfNotPresent. */
class ImageTagLessonTest {

  @TempDir Path dir;

  private static String deployment(String name, String policy, String node) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: %s
          template:
            metadata:
              labels:
                app: %s
            spec:
              nodeSelector:
                kubernetes.io/hostname: %s
              containers:
              - name: api
                imagePullPolicy: %s
                image: username/hello-fastapi:dev
        """.formatted(name, name, name, node, policy);
  }

  private static List<Pod> pods(SimCluster sim, String app) {
    return sim.list(ResourceKind.POD, "default", Selector.parse("app=" + app), null).stream()
        .map(p -> (Pod) p).filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
  }

  private static String imageId(Pod p) {
    return p.getStatus().getContainerStatuses().get(0).getImageID();
  }

  @Test
  void pushedDevTagReachesAlwaysPodsAfterDeletion() throws Exception {
    Files.writeString(dir.resolve("always.yml"), deployment("always", "Always", "kubetutor-worker"));
    Files.writeString(dir.resolve("cached.yml"), deployment("cached", "IfNotPresent", "kubetutor-worker2"));
    Files.writeString(dir.resolve("Dockerfile"), "FROM python:3.12\nCMD [\"fastapi\", \"run\", \"main.py\"]\n");
    try (SessionHarness h = new SessionHarness(dir)) {
      SimCluster sim = h.session().simulator();
      assertThat(h.run("kubectl apply -f always.yml").exit()).isZero();
      assertThat(h.run("kubectl apply -f cached.yml").exit()).isZero();
      sim.advance(Duration.ofMinutes(1));
      String oldDigest = sim.images().find("username/hello-fastapi:dev").orElseThrow().digest();
      assertThat(imageId(pods(sim, "always").get(0))).endsWith(oldDigest);

      assertThat(h.run("docker build -t username/hello-fastapi:dev .").exit()).isZero();
      assertThat(h.run("docker push username/hello-fastapi:dev").exit()).isZero();
      String newDigest = sim.images().find("username/hello-fastapi:dev").orElseThrow().digest();

      for (String app : List.of("always", "cached")) {
        assertThat(h.run("kubectl delete pod " + pods(sim, app).get(0).getMetadata().getName() + " --wait=false").exit()).isZero();
      }
      sim.advance(Duration.ofMinutes(2));

      assertThat(imageId(pods(sim, "always").get(0))).isEqualTo("docker.io/username/hello-fastapi@" + newDigest);
      assertThat(imageId(pods(sim, "cached").get(0))).isEqualTo("docker.io/username/hello-fastapi@" + oldDigest);
    }
  }
}
