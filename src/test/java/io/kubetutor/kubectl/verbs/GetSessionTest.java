package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** get and describe inside a real session on the simulator. */
class GetSessionTest {

  @TempDir Path dir;

  @Test
  void readsWhatTheSessionCreated() {
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(h.run("kubectl get deployments").err()).isEqualTo("No resources found in default namespace.\n");
      assertThat(h.run("kubectl create deployment web --image=nginx").exit()).isZero();
      assertThat(h.run("kubectl get deploy -o name").out()).isEqualTo("deployment.apps/web\n");
      assertThat(h.run("kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}").out())
          .isEqualTo("nginx");
      assertThat(h.run("kubectl get deploy/web").out()).startsWith("NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    ");
      assertThat(h.run("kubectl describe deploy web").out()).startsWith("Name:")
          .contains("Pod Template:\n  Labels:  app=web\n  Containers:\n   nginx:\n    Image:         nginx\n");
    }
  }
}
