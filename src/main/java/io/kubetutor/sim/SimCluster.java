package io.kubetutor.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterClock;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.LogOptions;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.cluster.WatchEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The embedded simulator behind the {@link Cluster} port. PLACEHOLDER store: to be replaced by the
 * real control plane (store/, clock/, controllers/).
 */
public final class SimCluster implements Cluster {

  private final SimOptions options;
  private final Map<String, HasMetadata> objects = new TreeMap<>();
  private Instant now = Instant.parse("2026-01-05T09:00:00Z");
  private long rv = 1000;

  public SimCluster(SimOptions options) {
    this.options = options;
  }

  public boolean realtime() { return options.realtime(); }

  public synchronized void advance(Duration d) { now = now.plus(d); }

  @Override public String contextName() { return "sim"; }
  @Override public String defaultNamespace() { return "default"; }
  @Override public boolean isSimulator() { return true; }

  @Override
  public ClusterClock clock() {
    return new ClusterClock() {
      @Override public Instant now() { synchronized (SimCluster.this) { return now; } }
      @Override public void sleep(Duration d) { advance(d); }
      @Override public boolean quiescent() { return true; }
    };
  }

  private static String key(ResourceKind kind, String ns, String name) {
    return kind.name() + "/" + (kind.namespaced() ? ns : "") + "/" + name;
  }

  @Override
  public synchronized HasMetadata get(ResourceKind kind, String namespace, String name) {
    HasMetadata o = objects.get(key(kind, namespace, name));
    if (o == null) throw ClusterException.notFound(kind.qualifiedPlural(), name);
    return o;
  }

  @Override
  public synchronized List<HasMetadata> list(ResourceKind kind, String namespace, Selector labels, FieldSelector fields) {
    List<HasMetadata> out = new ArrayList<>();
    for (HasMetadata o : objects.values()) {
      if (ResourceKind.forObject(o).orElse(null) != kind) continue;
      if (namespace != null && kind.namespaced() && !namespace.equals(o.getMetadata().getNamespace())) continue;
      if (!labels.matches(o.getMetadata().getLabels())) continue;
      out.add(o);
    }
    return out;
  }

  @Override
  public synchronized HasMetadata create(HasMetadata object, DryRun dryRun) {
    ResourceKind kind = ResourceKind.forObject(object).orElseThrow();
    HasMetadata o = Objects.copy(object);
    String k = key(kind, o.getMetadata().getNamespace(), o.getMetadata().getName());
    if (objects.containsKey(k)) throw ClusterException.alreadyExists(kind.qualifiedPlural(), o.getMetadata().getName());
    o.getMetadata().setResourceVersion(String.valueOf(++rv));
    o.getMetadata().setCreationTimestamp(now.toString());
    if (dryRun == DryRun.NONE) objects.put(k, o);
    return o;
  }

  @Override
  public synchronized HasMetadata update(HasMetadata object, DryRun dryRun) {
    ResourceKind kind = ResourceKind.forObject(object).orElseThrow();
    HasMetadata o = Objects.copy(object);
    String k = key(kind, o.getMetadata().getNamespace(), o.getMetadata().getName());
    if (!objects.containsKey(k)) throw ClusterException.notFound(kind.qualifiedPlural(), o.getMetadata().getName());
    o.getMetadata().setResourceVersion(String.valueOf(++rv));
    if (dryRun == DryRun.NONE) objects.put(k, o);
    return o;
  }

  @Override
  public synchronized HasMetadata delete(ResourceKind kind, String namespace, String name, DeleteOptions options) {
    HasMetadata o = objects.remove(key(kind, namespace, name));
    if (o == null) throw ClusterException.notFound(kind.qualifiedPlural(), name);
    return o;
  }

  @Override
  public AutoCloseable watch(ResourceKind kind, String namespace, Selector labels, Consumer<WatchEvent> listener) {
    return () -> {};
  }

  @Override
  public String logs(String namespace, String pod, LogOptions options) {
    get(ResourceKind.POD, namespace, pod);
    return "";
  }

  @Override
  public VersionInfo serverVersion() {
    return new VersionInfo("1", "31", "v1.31.0", "9edcffcde5595e8a5b1a35f88c421764e575afce", "clean",
        "2024-08-13T07:28:49Z", "go1.22.5", "gc", "linux/amd64");
  }

  @Override
  public ExecResult exec(String namespace, String pod, String container, List<String> command, String stdin) {
    io.fabric8.kubernetes.api.model.Pod p = (io.fabric8.kubernetes.api.model.Pod) get(ResourceKind.POD, namespace, pod);
    return SimExec.run(p, SimExec.runningContainer(p, container), command);
  }
}
