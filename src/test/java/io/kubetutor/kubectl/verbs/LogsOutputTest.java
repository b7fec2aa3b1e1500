package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterClock;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.LogOptions;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.kubectl.Kubectl;
import io.kubetutor.kubectl.KubectlEnv;
import io.kubetutor.sim.SimCluster;
import io.kubetutor.sim.SimOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What {@code kubectl logs} prints of the text the port returns: options passed through, prefixes,
 * and {@code -f} printing only what the container adds while the cluster clock moves on.
 */
class LogsOutputTest {

  /** The simulator, with a container log that grows by one line per simulated second. */
  static final class GrowingLogs implements Cluster {
    final SimCluster sim = new SimCluster(SimOptions.virtual(1));
    final List<LogOptions> requests = new ArrayList<>();
    Instant start;
    int sleeps;

    @Override public String contextName() { return "sim"; }
    @Override public String defaultNamespace() { return "default"; }
    @Override public HasMetadata get(ResourceKind k, String ns, String n) { return sim.get(k, ns, n); }
    @Override public List<HasMetadata> list(ResourceKind k, String ns, Selector l, FieldSelector f) { return sim.list(k, ns, l, f); }
    @Override public HasMetadata create(HasMetadata o, DryRun d) { return sim.create(o, d); }
    @Override public HasMetadata update(HasMetadata o, DryRun d) { return sim.update(o, d); }
    @Override public HasMetadata updateStatus(HasMetadata o) { return sim.updateStatus(o); }
    @Override public HasMetadata delete(ResourceKind k, String ns, String n, DeleteOptions o) { return sim.delete(k, ns, n, o); }
    @Override public AutoCloseable watch(ResourceKind k, String ns, Selector l, Consumer<WatchEvent> c) { return sim.watch(k, ns, l, c); }
    @Override public VersionInfo serverVersion() { return sim.serverVersion(); }

    /** Five seconds of life; then nothing more will happen. */
    @Override
    public ClusterClock clock() {
      return new ClusterClock() {
        @Override public Instant now() { return sim.clock().now(); }
        @Override public void sleep(Duration d) throws InterruptedException { sleeps++; sim.clock().sleep(d); }
        @Override public boolean quiescent() { return sleeps >= 5; }
      };
    }

    @Override
    public String logs(String namespace, String pod, LogOptions options) {
      requests.add(options);
      if (start == null) start = sim.clock().now();
      long lines = 1 + Duration.between(start, sim.clock().now()).toSeconds();
      StringBuilder b = new StringBuilder();
      for (long i = 1; i <= lines; i++) b.append("line ").append(i).append('\n');
      return b.toString();
    }
  }

  private static String run(Cluster cluster, StringWriter err, String... args) {
    StringWriter out = new StringWriter();
    KubectlEnv env = new KubectlEnv() {
      @Override public Cluster cluster() { return cluster; }
      @Override public String namespace() { return "default"; }
      @Override public Path workdir() { return Path.of("."); }
      @Override public PrintWriter out() { return new PrintWriter(out, true); }
      @Override public PrintWriter err() { return new PrintWriter(err, true); }
      @Override public InputStream in() { return new ByteArrayInputStream(new byte[0]); }
    };
    new Kubectl(env).execute(List.of(args));
    return out.toString();
  }

  @Test
  void passesOptionsAndPrintsTheText() {
    GrowingLogs c = new GrowingLogs();
    StatusFixtures.store(c, LogsExecVerbTest.pod("web", "web", "running"));
    StringWriter err = new StringWriter();
    assertThat(run(c, err, "logs", "web", "--tail=2", "--timestamps", "-c", "c0")).isEqualTo("line 1\n");
    assertThat(err.toString()).isEmpty();
    LogOptions asked = c.requests.get(0);
    assertThat(asked.container()).isEqualTo("c0");
    assertThat(asked.tailLines()).isEqualTo(2);
    assertThat(asked.timestamps()).isTrue();
    assertThat(asked.previous()).isFalse();
  }

  @Test
  void sinceIsCountedBackFromTheClusterClock() {
    GrowingLogs c = new GrowingLogs();
    StatusFixtures.store(c, LogsExecVerbTest.pod("web", "web", "running"));
    run(c, new StringWriter(), "logs", "web", "--since=90s");
    assertThat(c.requests.get(0).sinceTime()).isEqualTo(c.sim.clock().now().minusSeconds(90));
  }

  @Test
  void selectorDefaultsTailToTenAndPrefixNamesTheSource() {
    GrowingLogs c = new GrowingLogs();
    StatusFixtures.store(c, LogsExecVerbTest.pod("web-1", "web", "running"));
    StatusFixtures.store(c, LogsExecVerbTest.pod("web-2", "web", "running"));
    String out = run(c, new StringWriter(), "logs", "-l", "app=web", "--prefix");
    assertThat(out).isEqualTo("[pod/web-1/c0] line 1\n[pod/web-2/c0] line 1\n");
    assertThat(c.requests.get(0).tailLines()).isEqualTo(10);
  }

  @Test
  void followPrintsNewLinesUntilTheClockIsQuiescent() {
    GrowingLogs c = new GrowingLogs();
    StatusFixtures.store(c, LogsExecVerbTest.pod("web", "web", "running"));
    String out = run(c, new StringWriter(), "logs", "-f", "web");
    assertThat(out).isEqualTo("line 1\nline 2\nline 3\nline 4\nline 5\nline 6\n");
  }
}
