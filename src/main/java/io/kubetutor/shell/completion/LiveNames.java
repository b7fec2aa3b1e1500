package io.kubetutor.shell.completion;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Names of live objects for completion. The simulator answers at once; a real cluster is asked in
 * the background with a bounded wait, and its answers are cached for a few seconds, so a slow or
 * unreachable cluster costs the student at most {@link #wait} per Tab press.
 */
public final class LiveNames {

  private record Key(String context, ResourceKind kind, String namespace) {}

  private record Entry(List<String> names, long fetchedAt) {}

  private final Map<Key, Entry> cache = new ConcurrentHashMap<>();
  private final Map<Key, CompletableFuture<List<String>>> inFlight = new ConcurrentHashMap<>();
  private final ExecutorService fetcher = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "completion-names");
    t.setDaemon(true);
    return t;
  });
  private final Duration ttl;
  private final Duration wait;
  private final LongSupplier nanoClock;

  public LiveNames() {
    this(Duration.ofSeconds(5), Duration.ofMillis(400), System::nanoTime);
  }

  LiveNames(Duration ttl, Duration wait, LongSupplier nanoClock) {
    this.ttl = ttl;
    this.wait = wait;
    this.nanoClock = nanoClock;
  }

  /** Names of {@code kind} in {@code namespace} (null: all namespaces); empty when the backend cannot say in time. */
  public List<String> names(Cluster cluster, ResourceKind kind, String namespace) {
    if (cluster.isSimulator()) return fetch(cluster, kind, namespace);
    Key key = new Key(cluster.contextName(), kind, kind.namespaced() ? namespace : null);
    Entry cached = cache.get(key);
    long now = nanoClock.getAsLong();
    if (cached != null && now - cached.fetchedAt() < ttl.toNanos()) return cached.names();
    CompletableFuture<List<String>> fresh = new CompletableFuture<>();
    CompletableFuture<List<String>> running = inFlight.putIfAbsent(key, fresh);
    CompletableFuture<List<String>> future = running != null ? running : fresh;
    if (running == null) {
      // Submitted only after the future is registered, so its removal can never precede its insertion.
      fetcher.execute(() -> {
        List<String> names = fetch(cluster, kind, namespace);
        cache.put(key, new Entry(names, nanoClock.getAsLong()));
        inFlight.remove(key, fresh);
        fresh.complete(names);
      });
    }
    try {
      return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return cached != null ? cached.names() : List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (Exception e) {
      return cached != null ? cached.names() : List.of();
    }
  }

  private static List<String> fetch(Cluster cluster, ResourceKind kind, String namespace) {
    try {
      return cluster.list(kind, kind.namespaced() ? namespace : null, Selector.EVERYTHING, FieldSelector.EVERYTHING)
          .stream().map(HasMetadata::getMetadata).map(m -> m.getName()).sorted().distinct().toList();
    } catch (RuntimeException e) {
      // Forbidden, unreachable, unknown kind on this server: nothing to offer, never an error while typing.
      return List.of();
    }
  }
}
