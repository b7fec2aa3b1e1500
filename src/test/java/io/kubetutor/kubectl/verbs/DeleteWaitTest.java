package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterClock;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.kubectl.Kubectl;
import io.kubetutor.kubectl.KubectlEnv;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl delete} prints the line when the DELETE is accepted, then waits through the
 * cluster clock until the object is gone (a pod in its grace period stays a while).
 */
class DeleteWaitTest {

  /** A backend whose pod lingers for {@code lingerSeconds} of clock time after the DELETE. */
  private final class Lingering {
    final int lingerSeconds;
    final List<Duration> sleeps = new ArrayList<>();
    final List<DeleteOptions> deletes = new ArrayList<>();
    Instant now = Instant.parse("2026-01-05T09:00:00Z");
    Instant deletedAt;
    boolean interruptOnSleep;

    Lingering(int lingerSeconds) {
      this.lingerSeconds = lingerSeconds;
    }

    Cluster cluster() {
      ClusterClock clock = new ClusterClock() {
        @Override public Instant now() { return now; }
        @Override public void sleep(Duration d) throws InterruptedException {
          if (interruptOnSleep) throw new InterruptedException();
          sleeps.add(d);
          now = now.plus(d);
        }
      };
      return (Cluster) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Cluster.class},
          (proxy, method, args) -> switch (method.getName()) {
            case "clock" -> clock;
            case "defaultNamespace" -> "default";
            case "get" -> {
              if (deletedAt != null && !now.isBefore(deletedAt.plusSeconds(lingerSeconds))) {
                throw ClusterException.notFound("pods", (String) args[2]);
              }
              yield pod();
            }
            case "delete" -> {
              deletes.add((DeleteOptions) args[3]);
              deletedAt = now;
              yield pod();
            }
            default -> throw new UnsupportedOperationException(method.getName());
          });
    }
  }

  private static Pod pod() {
    return new PodBuilder().withNewMetadata().withName("web").withNamespace("default").withUid("u1").endMetadata().build();
  }

  private String[] run(Lingering backend, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Cluster cluster = backend.cluster();
    KubectlEnv env = new KubectlEnv() {
      @Override public Cluster cluster() { return cluster; }
      @Override public String namespace() { return "default"; }
      @Override public Path workdir() { return Path.of("."); }
      @Override public PrintWriter out() { return new PrintWriter(out, true); }
      @Override public PrintWriter err() { return new PrintWriter(err, true); }
      @Override public InputStream in() { return InputStream.nullInputStream(); }
    };
    int code = new Kubectl(env).execute(List.of(args));
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void waitsUntilThePodIsGone() {
    Lingering backend = new Lingering(30);
    assertThat(run(backend, "delete", "pod", "web")).containsExactly("0", "pod \"web\" deleted\n", "");
    assertThat(backend.sleeps).hasSize(30).allMatch(d -> d.equals(Duration.ofSeconds(1)));
    assertThat(backend.deletes.get(0).gracePeriodSeconds()).as("the pod's own grace period").isNull();
  }

  @Test
  void timeoutGivesUp() {
    Lingering backend = new Lingering(30);
    assertThat(run(backend, "delete", "pod", "web", "--timeout=10s")).containsExactly("1", "pod \"web\" deleted\n",
        "error: timed out waiting for the condition on pods/web\n");
    assertThat(backend.sleeps).hasSize(10);
    assertThat(DeleteVerb.goDuration("1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DeleteVerb.goDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(run(new Lingering(1), "delete", "pod", "web", "--timeout=soon")[2])
        .isEqualTo("error: invalid argument \"soon\" for \"--timeout\" flag: time: invalid duration \"soon\"\n");
  }

  @Test
  void waitFalseReturnsAtOnce() {
    Lingering backend = new Lingering(30);
    assertThat(run(backend, "delete", "pod", "web", "--wait=false")).containsExactly("0", "pod \"web\" deleted\n", "");
    assertThat(backend.sleeps).isEmpty();
  }

  @Test
  void nowAndForceSetTheGracePeriod() {
    Lingering now = new Lingering(1);
    run(now, "delete", "pod", "web", "--now");
    assertThat(now.deletes.get(0).gracePeriodSeconds()).isEqualTo(1L);
    Lingering unforcedZero = new Lingering(1);
    run(unforcedZero, "delete", "pod", "web", "--grace-period=0");
    assertThat(unforcedZero.deletes.get(0).gracePeriodSeconds()).as("kubectl turns an unforced 0 into 1").isEqualTo(1L);
    Lingering force = new Lingering(0);
    run(force, "delete", "pod", "web", "--force", "--cascade=orphan");
    assertThat(force.deletes.get(0).gracePeriodSeconds()).isZero();
    assertThat(force.deletes.get(0).propagation()).isEqualTo(DeleteOptions.Propagation.ORPHAN);
  }

  @Test
  void interruptEndsTheWaitQuietly() {
    Lingering backend = new Lingering(30);
    backend.interruptOnSleep = true;
    String[] r = run(backend, "delete", "pod", "web");
    assertThat(r[1]).isEqualTo("pod \"web\" deleted\n");
    assertThat(r[2]).isEmpty();
    assertThat(r[0]).isEqualTo("130");
    Thread.interrupted();  // clear the flag the dispatcher restored
  }
}
