package io.kubetutor.sim;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.clock.SimClock;
import io.kubetutor.sim.controllers.Reconciler;
import io.kubetutor.sim.store.MemoryStore;
import io.kubetutor.sim.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The control plane's engine: one lock under which every API call, reconcile and timer runs (so a
 * realtime timer never interleaves with a command), one de-duplicating work queue per controller
 * fed by the store's watch, and the drain loop that runs controllers until the queues are empty.
 */
public final class Engine implements ControlPlane {

  /** Upper bound of reconciles in one drain, so a controller that keeps re-queueing cannot hang the shell. */
  static final int MAX_RECONCILES_PER_DRAIN = 2_000_000;
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final ReentrantLock lock = new ReentrantLock();
  private final SimClock clock;
  private final SeededRandom random;
  private final MemoryStore store;
  private final List<Reconciler> controllers = new ArrayList<>();
  private final List<WorkQueue> queues = new ArrayList<>();
  /** Each queue's add, made once (not once per controller per store change). */
  private final List<Consumer<ObjectKey>> enqueuers = new ArrayList<>();
  /** Decides merge-by-count and the combined event (client-go's event correlator). */
  private final EventRecorder eventRecorder = new EventRecorder();
  private final List<Consumer<String>> tracers = new ArrayList<>();
  private final io.kubetutor.sim.images.ImageRegistry images = io.kubetutor.sim.images.ImageRegistry.withCatalogue();
  private long eventSeq;
  private boolean draining;

  public Engine(long seed, Instant start) {
    this.clock = new SimClock(start);
    // A timer's action that fails (the kubelet meeting a value it cannot handle) is reported in the
    // trace and dropped; the other timers of the instant and the drain still run.
    clock.onFailure((label, e) -> trace("engine", "internal error in timer " + label + ": " + e));
    this.random = new SeededRandom(seed);
    this.store = new MemoryStore(clock, random, this::randomSuffix);
    store.watch(this::dispatch);
  }

  /** Registers the controllers (in the order of {@code Controllers}); their order is the drain order. */
  public void install(List<Reconciler> all) {
    for (Reconciler r : all) {
      controllers.add(r);
      WorkQueue q = new WorkQueue();
      queues.add(q);
      enqueuers.add(q::add);
    }
  }

  public List<Reconciler> controllers() { return List.copyOf(controllers); }

  @Override public Store store() { return store; }
  public MemoryStore memoryStore() { return store; }
  @Override public SimClock clock() { return clock; }
  @Override public io.kubetutor.sim.images.ImageRegistry images() { return images; }
  @Override public RandomGenerator random() { return random; }
  public SeededRandom seededRandom() { return random; }

  @Override
  public String randomSuffix() {
    StringBuilder sb = new StringBuilder(5);
    for (int i = 0; i < 5; i++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    return sb.toString();
  }

  // ---- locking ----

  /** Runs {@code action} under the engine lock, then drains the controllers' queues. */
  public <T> T call(Supplier<T> action) {
    lock.lock();
    try {
      T result = action.get();
      drain();
      return result;
    } finally {
      lock.unlock();
    }
  }

  public void run(Runnable action) {
    call(() -> {
      action.run();
      return null;
    });
  }

  /** Reads under the lock without draining. */
  public <T> T read(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  // ---- queues ----

  private void dispatch(WatchEvent event) {
    for (int i = 0; i < controllers.size(); i++) controllers.get(i).onChange(event, enqueuers.get(i));
  }

  /**
   * Reconciles {@code key} again after {@code delay}. As client-go's delaying queue, a key already
   * waiting keeps the earlier of the two times: every controller asks again from that reconcile if
   * it still needs to, so a later request adds nothing (a 10,000-pod rollout asked 10,000 times).
   */
  @Override
  public void requeueAfter(Reconciler controller, ObjectKey key, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      enqueue(controller, key);
      return;
    }
    Waiting waiting = new Waiting(controller, key);
    SimClock.Timer pending = requeues.get(waiting);
    Instant at = clock.now().plus(delay);
    if (pending != null && !pending.cancelled()) {
      if (!pending.at().isAfter(at)) return;
      pending.cancel();
    }
    requeues.put(waiting, clock.schedule(delay, controller.name() + " " + key, () -> {
      requeues.remove(waiting);
      enqueue(controller, key);
    }));
  }

  /** A key waiting in a controller's delaying queue. */
  private record Waiting(Reconciler controller, ObjectKey key) {}

  private final Map<Waiting, SimClock.Timer> requeues = new HashMap<>();

  /** Adds a key to one controller's queue. */
  public void enqueue(Reconciler controller, ObjectKey key) {
    int i = controllers.indexOf(controller);
    if (i >= 0) queues.get(i).add(key);
  }

  /** One controller's de-duplicating queue of keys, in the order they came. */
  private static final class WorkQueue {
    private LinkedHashSet<ObjectKey> keys = new LinkedHashSet<>();

    void add(ObjectKey key) { keys.add(key); }

    boolean isEmpty() { return keys.isEmpty(); }

    /** Every key queued so far, leaving the queue empty. */
    List<ObjectKey> takeAll() {
      List<ObjectKey> batch = new ArrayList<>(keys);
      // clear() zeroes the whole table, which keeps the size of its largest batch (10,000 pods):
      // a large batch leaves a fresh set behind instead, so later one-key drains stay cheap.
      if (keys.size() > 64) keys = new LinkedHashSet<>();
      else keys.clear();
      return batch;
    }
  }

  /**
   * Runs reconciles until every queue is empty (bounded). Each round takes, controller by controller,
   * every key queued so far, so a controller reacting to 10,000 pod changes runs once after them,
   * not once per change.
   */
  public void drain() {
    if (draining) return;  // a reconcile's own writes only enqueue; the outer loop picks them up
    draining = true;
    try {
      int done = 0;
      boolean any = true;
      while (any) {
        any = false;
        for (int i = 0; i < controllers.size(); i++) {
          WorkQueue q = queues.get(i);
          if (q.isEmpty()) continue;
          any = true;
          List<ObjectKey> batch = q.takeAll();
          for (ObjectKey key : batch) {
            reconcile(controllers.get(i), key);
            if (++done >= MAX_RECONCILES_PER_DRAIN) {
              trace("engine", "stopped after " + done + " reconciles; work left for later");
              return;
            }
          }
        }
      }
    } finally {
      draining = false;
    }
  }

  private void reconcile(Reconciler r, ObjectKey key) {
    try {
      r.reconcile(key);
      if (!failures.isEmpty()) failures.remove(r.name() + " " + key);
    } catch (ClusterException e) {
      // A conflict or a vanished object: the controller retries a moment later, as a real one requeues.
      trace(r.name(), "error reconciling " + key + ": " + e.getMessage() + "; retrying in 1s");
      clock.schedule(Duration.ofSeconds(1), r.name() + " retry " + key, () -> enqueue(r, key));
    } catch (RuntimeException e) {
      // A defect meeting an object it cannot handle. It must not reach the student's command (which
      // only let time pass) nor stop the other controllers: the key is retried with client-go's
      // rate-limited back-off (5 ms doubling, here from 1 s up to 5 min), as a failing sync is.
      Duration wait = backOff(r.name() + " " + key);
      trace(r.name(), "internal error reconciling " + key + ": " + e + "; retrying in " + wait.toSeconds() + "s");
      clock.schedule(wait, r.name() + " retry " + key, () -> enqueue(r, key));
    }
  }

  /** Consecutive unexpected failures per controller and key, for the back-off. */
  private final Map<String, Integer> failures = new HashMap<>();
  private static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);

  private Duration backOff(String what) {
    int n = failures.merge(what, 1, Integer::sum);
    Duration d = Duration.ofSeconds(1L << Math.min(n - 1, 9));
    return d.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : d;
  }

  public boolean idle() {
    for (WorkQueue q : queues) if (!q.isEmpty()) return false;
    return true;
  }

  // ---- time ----

  /** Virtual time passes: timers fire in order, controllers run after each. */
  public void advance(Duration d) {
    run(() -> clock.advanceTo(clock.now().plus(d), this::drain));
  }

  /** Advances to {@code target} under the lock (the realtime ticker). */
  public void advanceTo(Instant target) {
    run(() -> clock.advanceTo(target, this::drain));
  }

  /**
   * Runs until nothing is pending within the next minute (bounded at one simulated hour). Returns
   * the labels of the timers still pending, if any.
   */
  public List<String> settle() {
    return call(() -> {
      drain();
      Instant limit = clock.now().plus(Duration.ofHours(1));
      while (true) {
        SimClock.Timer next = clock.peek();
        if (next == null || next.at().isAfter(clock.now().plus(Duration.ofMinutes(1)))
            || next.at().isAfter(limit)) break;
        clock.advanceTo(next.at(), this::drain);
      }
      List<String> waiting = new ArrayList<>();
      SimClock.Timer next = clock.peek();
      if (next != null) waiting.add(next.label() + " at " + next.at());
      return waiting;
    });
  }

  // ---- events and traces ----

  @Override
  public void event(HasMetadata involved, String fieldPath, String type, String reason, String message,
                    String component, String host) {
    ObjectMeta im = involved.getMetadata();
    String namespace = im.getNamespace() == null ? "default" : im.getNamespace();
    // Events do not pass admission: a terminating namespace still records them, a missing one does not.
    if (store.get(new ObjectKey(ResourceKind.NAMESPACE, "", namespace)) == null) return;
    String now = ApiTime.format(clock.now());
    ObjectReference ref = new ObjectReference();
    ref.setKind(involved.getKind());
    ref.setApiVersion(involved.getApiVersion());
    ref.setNamespace(im.getNamespace());
    ref.setName(im.getName());
    ref.setUid(im.getUid());
    ref.setResourceVersion(im.getResourceVersion());
    ref.setFieldPath(fieldPath);
    Event e = new Event();
    e.setApiVersion("v1");
    e.setKind("Event");
    ObjectMeta meta = new ObjectMeta();
    meta.setNamespace(namespace);
    meta.setCreationTimestamp(now);
    e.setMetadata(meta);
    e.setInvolvedObject(ref);
    e.setType(type);
    e.setReason(reason);
    e.setMessage(message);
    e.setSource(new EventSource(component, host));
    e.setReportingComponent(component);
    e.setReportingInstance(host == null ? "" : host);
    e.setFirstTimestamp(now);
    e.setLastTimestamp(now);
    e.setCount(1);
    EventRecorder.Outcome outcome = eventRecorder.correlate(e, clock.now(), () -> {
      long nanos = clock.now().getEpochSecond() * 1_000_000_000L + clock.now().getNano() + (eventSeq++);
      return im.getName() + "." + Long.toHexString(nanos);
    });
    if (outcome.skip()) return;
    Event recorded = outcome.event();
    if (outcome.update()) {
      Event stored = store.get(Event.class, namespace, recorded.getMetadata().getName());
      if (stored != null) {
        // client-go patches only these three fields of the existing event.
        Event merged = io.kubetutor.sim.store.ShallowCopy.of(stored);
        merged.setMetadata(io.kubetutor.sim.store.ShallowCopy.of(stored.getMetadata()));
        merged.setCount(recorded.getCount());
        merged.setLastTimestamp(recorded.getLastTimestamp());
        merged.setMessage(recorded.getMessage());
        store.putRaw(merged, false);
        return;
      }
      // The earlier event was deleted: client-go's patch fails with NotFound and it creates the event again.
    }
    recorded.getMetadata().setUid(new java.util.UUID(random.nextLong(), random.nextLong()).toString());
    store.putRaw(recorded, true);
  }

  @Override
  public void trace(String component, String message) {
    if (tracers.isEmpty()) return;  // nobody listening (scripts, grading): no line to build
    String line = component + ": " + message;
    for (Consumer<String> t : tracers) t.accept(line);
  }

  public AutoCloseable onTrace(Consumer<String> sink) {
    tracers.add(sink);
    return () -> tracers.remove(sink);
  }

  /** Forgets the event-merge index (after a load: events are merged only with ones seen since). */
  public void resetEventIndex() { eventRecorder.reset(); }
}
