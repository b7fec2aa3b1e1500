package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterClock;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.LogOptions;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.print.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A fixed in-memory cluster for the reading verbs: objects as given, a clock at
 * {@link Fixtures#NOW} that moves only when a verb sleeps, and scripted watch events that are
 * delivered one per sleep (so {@code get -w} output is deterministic); a burst is several events
 * delivered during a single sleep, as a busy controller produces them.
 */
final class ReadFakeCluster implements Cluster {

  private final TreeMap<String, HasMetadata> objects = new TreeMap<>();
  private final List<List<WatchEvent>> script = new ArrayList<>();
  private Consumer<WatchEvent> watcher;
  private Instant now = Fixtures.NOW;

  ReadFakeCluster add(HasMetadata... os) {
    for (HasMetadata o : os) {
      ResourceKind k = ResourceKind.forObject(o).orElseThrow();
      objects.put(key(k, o.getMetadata().getNamespace(), o.getMetadata().getName()), o);
    }
    return this;
  }

  ReadFakeCluster script(WatchEvent... events) {
    for (WatchEvent e : events) script.add(List.of(e));
    return this;
  }

  ReadFakeCluster burst(WatchEvent... events) {
    script.add(List.of(events));
    return this;
  }

  private static String key(ResourceKind k, String ns, String name) {
    return k.ordinal() + "/" + (k.namespaced() ? ns : "") + "/" + name;
  }

  @Override public String contextName() { return "sim"; }
  @Override public String defaultNamespace() { return "default"; }

  @Override
  public ClusterClock clock() {
    return new ClusterClock() {
      @Override public Instant now() { return now; }
      @Override public void sleep(Duration d) {
        now = now.plus(d);
        if (watcher != null && !script.isEmpty()) script.remove(0).forEach(watcher);
      }
      @Override public boolean quiescent() { return script.isEmpty(); }
    };
  }

  @Override
  public HasMetadata get(ResourceKind kind, String namespace, String name) {
    HasMetadata o = objects.get(key(kind, namespace, name));
    if (o == null) throw ClusterException.notFound(kind.qualifiedPlural(), name);
    return o;
  }

  @Override
  public List<HasMetadata> list(ResourceKind kind, String namespace, Selector labels, FieldSelector fields) {
    List<HasMetadata> out = new ArrayList<>();
    for (HasMetadata o : objects.values()) {
      if (ResourceKind.forObject(o).orElseThrow() != kind) continue;
      if (namespace != null && kind.namespaced() && !namespace.equals(o.getMetadata().getNamespace())) continue;
      if (!labels.matches(o.getMetadata().getLabels())) continue;
      if (!fields.matches(f -> f.equals("metadata.name") ? o.getMetadata().getName()
          : f.equals("metadata.namespace") ? o.getMetadata().getNamespace() : null)) continue;
      out.add(o);
    }
    return out;
  }

  @Override
  public AutoCloseable watch(ResourceKind kind, String namespace, Selector labels, Consumer<WatchEvent> listener) {
    watcher = listener;
    return () -> watcher = null;
  }

  @Override public HasMetadata create(HasMetadata object, DryRun dryRun) { throw new UnsupportedOperationException(); }
  @Override public HasMetadata update(HasMetadata object, DryRun dryRun) { throw new UnsupportedOperationException(); }
  @Override public HasMetadata delete(ResourceKind kind, String namespace, String name, DeleteOptions options) {
    throw new UnsupportedOperationException();
  }
  @Override public String logs(String namespace, String pod, LogOptions options) { throw new UnsupportedOperationException(); }
  @Override public VersionInfo serverVersion() { throw new UnsupportedOperationException(); }
}
