package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.ResourceKind;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Read-modify-write retries: a Conflict re-reads the object and redoes the change; other errors do not. */
class TargetsTest {

  private final AtomicInteger version = new AtomicInteger(1);

  private Cluster cluster() {
    return (Cluster) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Cluster.class},
        (proxy, method, args) -> {
          if (method.getName().equals("get")) return pod(version.incrementAndGet());
          throw new UnsupportedOperationException(method.getName());
        });
  }

  private static Pod pod(int rv) {
    return new PodBuilder().withNewMetadata().withName("p").withNamespace("default").withResourceVersion(String.valueOf(rv))
        .endMetadata().build();
  }

  @Test
  void conflictRereadsAndRetries() {
    List<String> seen = new ArrayList<>();
    String result = Targets.retryOnConflict(cluster(), new Targets.Found(ResourceKind.POD, pod(1)), f -> {
      seen.add(f.object().getMetadata().getResourceVersion());
      if (seen.size() < 3) throw ClusterException.conflict("pods", "p", "the object has been modified");
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(seen).containsExactly("1", "2", "3");
  }

  @Test
  void givesUpAfterFiveAttemptsAndNeverRetriesOtherErrors() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> Targets.retryOnConflict(cluster(), new Targets.Found(ResourceKind.POD, pod(1)), f -> {
      attempts.incrementAndGet();
      throw ClusterException.conflict("pods", "p", "the object has been modified");
    })).isInstanceOf(ClusterException.class);
    assertThat(attempts).hasValue(Targets.MAX_ATTEMPTS);
    attempts.set(0);
    assertThatThrownBy(() -> Targets.retryOnConflict(cluster(), new Targets.Found(ResourceKind.POD, pod(1)), f -> {
      attempts.incrementAndGet();
      throw ClusterException.notFound("pods", "p");
    })).isInstanceOf(ClusterException.class);
    assertThat(attempts).hasValue(1);
  }
}
