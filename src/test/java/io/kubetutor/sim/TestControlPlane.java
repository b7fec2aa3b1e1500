package io.kubetutor.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.Selector;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.clock.SimClock;
import io.kubetutor.sim.controllers.Reconciler;
import io.kubetutor.sim.store.Store;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A minimal control plane for testing one controller on the virtual clock: a map store with uids,
 * resourceVersions, graceful pod deletion and watch, a recorded event list, and a loop that feeds
 * store changes to the controller and reconciles until nothing is queued.
 */
public final class TestControlPlane implements ControlPlane, Store {

  /** A recorded event. */
  public record Event(String object, String fieldPath, String type, String reason, String message, String component,
                      String host, java.time.Instant at) {}

  private final SimClock clock = new SimClock();
  private final Random random = new Random(1);
  private final Map<ObjectKey, HasMetadata> objects = new TreeMap<>();
  private final List<Consumer<WatchEvent>> watchers = new ArrayList<>();
  private final List<Reconciler> controllers = new ArrayList<>();
  private final Deque<Runnable> queue = new ArrayDeque<>();
  public final List<Event> events = new ArrayList<>();
  private long rv = 100;
  private int uid;

  public void register(Reconciler r) {
    controllers.add(r);
  }

  @Override public Store store() { return this; }
  @Override public SimClock clock() { return clock; }
  @Override public RandomGenerator random() { return random; }

  @Override
  public String randomSuffix() {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5; i++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    return b.toString();
  }

  @Override
  public void event(HasMetadata involved, String fieldPath, String type, String reason, String message, String component, String host) {
    events.add(new Event(involved.getMetadata().getName(), fieldPath, type, reason, message, component, host, clock.now()));
  }

  @Override public void trace(String component, String message) {}

  private final io.kubetutor.sim.images.ImageRegistry images = io.kubetutor.sim.images.ImageRegistry.withCatalogue();

  @Override public io.kubetutor.sim.images.ImageRegistry images() { return images; }

  @Override
  public void requeueAfter(Reconciler controller, ObjectKey key, Duration delay) {
    clock.schedule(delay, "requeue " + key, () -> queue.add(() -> controller.reconcile(key)));
  }

  /** Runs everything queued; then advances the clock by {@code d}, draining after each timer. */
  public void advance(Duration d) {
    drain();
    clock.advanceTo(clock.now().plus(d), this::drain);
    drain();
  }

  public void drain() {
    while (!queue.isEmpty()) queue.poll().run();
  }

  private void changed(WatchEvent.Type type, HasMetadata o) {
    WatchEvent e = new WatchEvent(type, o);
    for (Consumer<WatchEvent> w : List.copyOf(watchers)) w.accept(e);
    for (Reconciler r : controllers) {
      LinkedHashSet<ObjectKey> keys = new LinkedHashSet<>();
      r.onChange(e, keys::add);
      for (ObjectKey k : keys) queue.add(() -> r.reconcile(k));
    }
  }

  // ---- Store

  @Override public HasMetadata get(ObjectKey key) { return objects.get(key); }

  @Override
  public <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
    for (HasMetadata o : objects.values()) {
      if (type.isInstance(o) && o.getMetadata().getName().equals(name)
          && (namespace == null || namespace.equals(o.getMetadata().getNamespace()) || o.getMetadata().getNamespace() == null)) {
        return type.cast(o);
      }
    }
    return null;
  }

  @Override
  public <T extends HasMetadata> List<T> list(Class<T> type, String namespace, Selector selector) {
    List<T> result = new ArrayList<>();
    for (HasMetadata o : objects.values()) {
      if (!type.isInstance(o)) continue;
      if (namespace != null && !namespace.equals(o.getMetadata().getNamespace())) continue;
      if (selector != null && !selector.matches(o.getMetadata().getLabels())) continue;
      result.add(type.cast(o));
    }
    return result;
  }

  @Override
  public HasMetadata create(HasMetadata object) {
    HasMetadata o = Objects.copy(object);
    if (o.getMetadata().getName() == null) o.getMetadata().setName(o.getMetadata().getGenerateName() + randomSuffix());
    o.getMetadata().setUid("uid-" + (++uid));
    o.getMetadata().setResourceVersion(String.valueOf(++rv));
    o.getMetadata().setCreationTimestamp(DateTimeFormatter.ISO_INSTANT.format(clock.now()));
    objects.put(ObjectKey.of(o), o);
    changed(WatchEvent.Type.ADDED, o);
    return o;
  }

  @Override
  public HasMetadata update(HasMetadata object) {
    HasMetadata o = Objects.copy(object);
    o.getMetadata().setResourceVersion(String.valueOf(++rv));
    objects.put(ObjectKey.of(o), o);
    changed(WatchEvent.Type.MODIFIED, o);
    return o;
  }

  @Override
  public HasMetadata updateStatus(HasMetadata object) {
    return update(object);
  }

  @Override
  public HasMetadata delete(ObjectKey key, DeleteOptions options) {
    HasMetadata o = objects.get(key);
    if (o == null) return null;
    if (o instanceof Pod p && p.getSpec().getNodeName() != null && (options.gracePeriodSeconds() == null || options.gracePeriodSeconds() > 0)) {
      Pod copy = Objects.copy(p);
      long grace = options.gracePeriodSeconds() != null ? options.gracePeriodSeconds()
          : p.getSpec().getTerminationGracePeriodSeconds() != null ? p.getSpec().getTerminationGracePeriodSeconds() : 30;
      copy.getMetadata().setDeletionTimestamp(DateTimeFormatter.ISO_INSTANT.format(clock.now().plusSeconds(grace)));
      copy.getMetadata().setDeletionGracePeriodSeconds(grace);
      return update(copy);
    }
    remove(key);
    return o;
  }

  @Override
  public HasMetadata bind(ObjectKey key, String node) {
    Pod pod = (Pod) objects.get(key);
    if (pod.getSpec().getNodeName() != null) throw new IllegalStateException("already bound");
    Pod copy = Objects.copy(pod);
    copy.getSpec().setNodeName(node);
    return update(copy);
  }

  @Override
  public void remove(ObjectKey key) {
    HasMetadata o = objects.remove(key);
    if (o != null) changed(WatchEvent.Type.DELETED, o);
  }

  @Override
  public AutoCloseable watch(Consumer<WatchEvent> listener) {
    watchers.add(listener);
    return () -> watchers.remove(listener);
  }
}
