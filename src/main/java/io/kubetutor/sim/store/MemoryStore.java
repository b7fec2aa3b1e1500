package io.kubetutor.sim.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.ObjectKey;
import io.kubetutor.sim.clock.SimClock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The simulated apiserver's storage, indexed by kind, namespace and name so that listing one kind
 * in one namespace touches nothing else. Lists return the stored instances without copying; every
 * write stores a fresh copy, so a stored object is never changed after it is stored.
 * Not thread-safe by itself: the engine calls it under its lock.
 */
public final class MemoryStore implements Store {

  public static final String FOREGROUND_FINALIZER = "foregroundDeletion";
  public static final String ORPHAN_FINALIZER = "orphan";

  private final Map<ResourceKind, TreeMap<String, Space>> data = new EnumMap<>(ResourceKind.class);

  /**
   * The objects of one kind in one namespace: a hash map for reads and writes, and the names in
   * order, sorted again only after an object came or went (lists are in name order; a status
   * write, by far the most common write, changes neither).
   */
  private static final class Space {
    final java.util.HashMap<String, HasMetadata> byName = new java.util.HashMap<>();
    private String[] sorted;

    void put(String name, HasMetadata o) {
      if (byName.put(name, o) == null) sorted = null;
    }

    HasMetadata remove(String name) {
      HasMetadata old = byName.remove(name);
      if (old != null) sorted = null;
      return old;
    }

    String[] names() {
      if (sorted == null) {
        sorted = byName.keySet().toArray(new String[0]);
        java.util.Arrays.sort(sorted);
      }
      return sorted;
    }
  }
  private final SimClock clock;
  private final RandomGenerator random;
  private final Supplier<String> suffix;
  private final List<Consumer<WatchEvent>> watchers = new CopyOnWriteArrayList<>();
  private final OwnerIndex owners = new OwnerIndex();
  private Admission admission = Admission.NONE;
  private long resourceVersion = 1000;

  /**
   * The most pods the simulator holds. A real cluster runs out of etcd space or quota long before
   * a typo such as {@code replicas: 20000000} is met; without a bound the controllers would create
   * pods until the shell ran out of memory. Ten thousand replicas (the scale exercises) fit twice.
   */
  public static final int MAX_PODS = 20_000;

  private int podLimit = MAX_PODS;

  public MemoryStore(SimClock clock, RandomGenerator random, Supplier<String> suffix) {
    this.clock = clock;
    this.random = random;
    this.suffix = suffix;
    for (ResourceKind k : ResourceKind.values()) data.put(k, new TreeMap<>());
  }

  public void setAdmission(Admission admission) { this.admission = admission; }

  /** Lowers (or raises) {@link #MAX_PODS}, so tests can fill the cluster with a few pods. */
  public void setPodLimit(int limit) { this.podLimit = limit; }

  public long resourceVersion() { return resourceVersion; }

  // ---- reads ----

  @Override
  public HasMetadata get(ObjectKey key) {
    Space ns = data.get(key.kind()).get(key.namespace());
    return ns == null ? null : ns.byName.get(key.name());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
    return (T) get(new ObjectKey(kindOf(type), namespace, name));
  }

  @Override
  public <T extends HasMetadata> List<T> list(Class<T> type, String namespace, Selector selector) {
    return list(kindOf(type), namespace, selector);
  }

  /** Objects of a kind, in namespace then name order; the stored instances (do not mutate). */
  @SuppressWarnings("unchecked")
  public <T extends HasMetadata> List<T> list(ResourceKind kind, String namespace, Selector selector) {
    TreeMap<String, Space> byNs = data.get(kind);
    List<T> out = new ArrayList<>();
    Collection<Space> spaces;
    if (namespace == null || !kind.namespaced()) spaces = byNs.values();
    else {
      Space one = byNs.get(namespace);
      spaces = one == null ? List.of() : List.of(one);
    }
    boolean all = selector == null || selector.isEverything();
    for (Space space : spaces) {
      for (String name : space.names()) {
        HasMetadata o = space.byName.get(name);
        if (all || selector.matches(o.getMetadata().getLabels())) out.add((T) o);
      }
    }
    return out;
  }

  @Override
  public <T extends HasMetadata> List<T> controlledBy(Class<T> type, String ownerUid) {
    return owners.controlledBy(kindOf(type), ownerUid);
  }

  /** How many objects of a kind the owner with {@code ownerUid} controls (without listing them). */
  public int countControlledBy(ResourceKind kind, String ownerUid) {
    return owners.countControlledBy(kind, ownerUid);
  }

  @Override
  public <T extends HasMetadata> List<T> withoutController(Class<T> type, String namespace) {
    return owners.withoutController(kindOf(type), namespace);
  }

  public int count(ResourceKind kind) {
    int n = 0;
    for (Space space : data.get(kind).values()) n += space.byName.size();
    return n;
  }

  /** Every stored object, kind by kind (for saving the simulator). */
  public List<HasMetadata> all() {
    List<HasMetadata> out = new ArrayList<>();
    for (ResourceKind k : ResourceKind.values()) out.addAll(list(k, null, null));
    return out;
  }

  /** Puts saved objects back as they were, without admission or watch events. */
  public void restore(List<HasMetadata> objects, long resourceVersion) {
    for (TreeMap<String, Space> m : data.values()) m.clear();
    owners.clear();
    for (HasMetadata o : objects) put(ObjectKey.of(o), o);
    this.resourceVersion = resourceVersion;
  }

  // ---- writes ----

  @Override
  public HasMetadata create(HasMetadata object) {
    HasMetadata o = prepareCreate(object);
    put(ObjectKey.of(o), o);
    notify(WatchEvent.Type.ADDED, o);
    return o;
  }

  /** The create path without storing: what a server-side dry run returns. */
  public HasMetadata prepareCreate(HasMetadata object) {
    ResourceKind kind = ResourceKind.forObject(object).orElseThrow(() ->
        ClusterException.badRequest("the server could not find the requested resource"));
    HasMetadata o = DeepCopy.of(object);
    o.setApiVersion(kind.apiVersion());
    ObjectMeta meta = o.getMetadata() == null ? new ObjectMeta() : o.getMetadata();
    o.setMetadata(meta);
    if (kind.namespaced()) {
      if (meta.getNamespace() == null || meta.getNamespace().isEmpty()) meta.setNamespace("default");
    } else {
      meta.setNamespace(null);
    }
    if ((meta.getName() == null || meta.getName().isEmpty()) && meta.getGenerateName() != null
        && !meta.getGenerateName().isEmpty()) {
      meta.setName(generateName(kind, meta.getNamespace(), meta.getGenerateName()));
    }
    if (kind.namespaced()) checkNamespace(kind, meta);
    admission.admit(kind, o, null);
    if (get(new ObjectKey(kind, meta.getNamespace(), meta.getName())) != null) {
      throw ClusterException.alreadyExists(kind.qualifiedPlural(), meta.getName());
    }
    if (kind == ResourceKind.POD && count(ResourceKind.POD) >= podLimit) {
      throw ClusterException.forbidden("pods \"" + meta.getName() + "\" is forbidden: the simulated cluster is full: it"
          + " holds at most " + podLimit + " pods");
    }
    meta.setUid(uid());
    meta.setResourceVersion(String.valueOf(++resourceVersion));
    meta.setCreationTimestamp(io.kubetutor.sim.ApiTime.format(clock.now()));
    meta.setDeletionTimestamp(null);
    meta.setDeletionGracePeriodSeconds(null);
    if (Subresources.spec(o) != null) meta.setGeneration(1L);
    return o;
  }

  @Override
  public HasMetadata update(HasMetadata object) {
    HasMetadata o = prepareUpdate(object, false);
    return commitUpdate(o);
  }

  @Override
  public HasMetadata updateStatus(HasMetadata object) {
    HasMetadata o = prepareUpdate(object, true);
    return commitUpdate(o);
  }

  /** The update path without storing (server-side dry run); {@code status} selects the status subresource. */
  public HasMetadata prepareUpdate(HasMetadata object, boolean status) {
    ResourceKind kind = ResourceKind.forObject(object).orElseThrow(() ->
        ClusterException.badRequest("the server could not find the requested resource"));
    ObjectMeta in = object.getMetadata();
    ObjectKey key = new ObjectKey(kind, in.getNamespace() == null && kind.namespaced() ? "default" : in.getNamespace(),
        in.getName());
    HasMetadata old = get(key);
    if (old == null) throw ClusterException.notFound(kind.qualifiedPlural(), in.getName());
    String rv = in.getResourceVersion();
    if (rv != null && !rv.isEmpty() && !rv.equals(old.getMetadata().getResourceVersion())) {
      throw ClusterException.conflict(kind.qualifiedPlural(), in.getName(),
          "the object has been modified; please apply your changes to the latest version and try again");
    }
    ObjectMeta was = old.getMetadata();
    HasMetadata o = status ? Subresources.withStatusOf(old, object) : null;
    if (o != null) {
      // The hot path (kubelet and controller status writes): only the status is copied.
      o.setApiVersion(kind.apiVersion());
      ObjectMeta meta = o.getMetadata();
      meta.setResourceVersion(was.getResourceVersion());
      return o;
    }
    o = Objects.copy(object);
    o.setApiVersion(kind.apiVersion());
    ObjectMeta meta = o.getMetadata();
    if (status) {
      // The status subresource ignores metadata and spec changes.
      o.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder(was).build());
      meta = o.getMetadata();
      Subresources.takeSpec(o, old);
    } else {
      if (Subresources.hasStatus(o)) Subresources.takeStatus(o, old);
      meta.setNamespace(was.getNamespace());
      admission.admit(kind, o, old);
      Object before = Subresources.spec(old);
      if (before != null) {
        long gen = was.getGeneration() == null ? 1 : was.getGeneration();
        meta.setGeneration(java.util.Objects.equals(before, Subresources.spec(o)) ? gen : gen + 1);
      }
    }
    meta.setUid(was.getUid());
    meta.setCreationTimestamp(was.getCreationTimestamp());
    meta.setDeletionTimestamp(was.getDeletionTimestamp());
    meta.setDeletionGracePeriodSeconds(was.getDeletionGracePeriodSeconds());
    meta.setResourceVersion(was.getResourceVersion());
    return o;
  }

  private HasMetadata commitUpdate(HasMetadata o) {
    ObjectMeta meta = o.getMetadata();
    meta.setResourceVersion(String.valueOf(++resourceVersion));
    ObjectKey key = ObjectKey.of(o);
    // An object being deleted goes once its last finalizer is removed.
    if (meta.getDeletionTimestamp() != null && (meta.getFinalizers() == null || meta.getFinalizers().isEmpty())
        && !(o instanceof Pod)) {
      put(key, o);
      remove(key);
      return o;
    }
    put(key, o);
    notify(WatchEvent.Type.MODIFIED, o);
    return o;
  }

  @Override
  public HasMetadata bind(ObjectKey key, String node) {
    Pod old = (Pod) get(key);
    if (old == null) throw ClusterException.notFound("pods", key.name());
    if (old.getSpec().getNodeName() != null) {
      throw ClusterException.conflict("pods/binding", key.name(), "pod " + key.name() + " is already assigned to node \""
          + old.getSpec().getNodeName() + "\"");
    }
    // One-level copies: only nodeName, the conditions and the resourceVersion change.
    Pod bound = shallowWithMeta(old);
    bound.setSpec(ShallowCopy.of(old.getSpec()));
    bound.getSpec().setNodeName(node);
    bound.setStatus(old.getStatus() == null ? new io.fabric8.kubernetes.api.model.PodStatus() : ShallowCopy.of(old.getStatus()));
    List<io.fabric8.kubernetes.api.model.PodCondition> conditions = bound.getStatus().getConditions() == null
        ? new ArrayList<>() : new ArrayList<>(bound.getStatus().getConditions());
    conditions.removeIf(c -> "PodScheduled".equals(c.getType()));
    io.fabric8.kubernetes.api.model.PodCondition scheduled = new io.fabric8.kubernetes.api.model.PodCondition();
    scheduled.setType("PodScheduled");
    scheduled.setStatus("True");
    scheduled.setLastTransitionTime(io.kubetutor.sim.ApiTime.format(clock.now()));
    conditions.add(scheduled);
    bound.getStatus().setConditions(conditions);
    bound.getMetadata().setResourceVersion(String.valueOf(++resourceVersion));
    put(key, bound);
    notify(WatchEvent.Type.MODIFIED, bound);
    return bound;
  }

  @Override
  public HasMetadata delete(ObjectKey key, DeleteOptions options) {
    HasMetadata old = get(key);
    if (old == null) throw ClusterException.notFound(key.kind().qualifiedPlural(), key.name());
    ObjectMeta was = old.getMetadata();
    DeleteOptions opts = options == null ? DeleteOptions.DEFAULT : options;
    if (old instanceof Pod pod) {
      long grace = opts.gracePeriodSeconds() != null ? opts.gracePeriodSeconds()
          : pod.getSpec() != null && pod.getSpec().getTerminationGracePeriodSeconds() != null
              ? pod.getSpec().getTerminationGracePeriodSeconds() : 30;
      boolean scheduled = pod.getSpec() != null && pod.getSpec().getNodeName() != null;
      boolean finished = pod.getStatus() != null
          && ("Succeeded".equals(pod.getStatus().getPhase()) || "Failed".equals(pod.getStatus().getPhase()));
      if (!scheduled || grace <= 0 || finished) {
        remove(key);
        return old;
      }
      if (was.getDeletionTimestamp() != null) {
        // A second delete may only shorten the grace period.
        long current = was.getDeletionGracePeriodSeconds() == null ? grace : was.getDeletionGracePeriodSeconds();
        if (grace >= current) return old;
      }
      Pod marked = shallowWithMeta(pod);
      marked.getMetadata().setDeletionTimestamp(io.kubetutor.sim.ApiTime.format(clock.now().plusSeconds(grace)));
      marked.getMetadata().setDeletionGracePeriodSeconds(grace);
      marked.getMetadata().setResourceVersion(String.valueOf(++resourceVersion));
      put(key, marked);
      notify(WatchEvent.Type.MODIFIED, marked);
      return marked;
    }
    if (was.getDeletionTimestamp() != null) return old;
    HasMetadata marked = Objects.copy(old);
    ObjectMeta meta = marked.getMetadata();
    List<String> finalizers = meta.getFinalizers() == null ? new ArrayList<>() : new ArrayList<>(meta.getFinalizers());
    if (opts.propagation() == DeleteOptions.Propagation.FOREGROUND && !finalizers.contains(FOREGROUND_FINALIZER)) {
      finalizers.add(FOREGROUND_FINALIZER);
    } else if (opts.propagation() == DeleteOptions.Propagation.ORPHAN && !finalizers.contains(ORPHAN_FINALIZER)) {
      finalizers.add(ORPHAN_FINALIZER);
    }
    if (marked instanceof Namespace ns) {
      // The namespace controller empties it, then removes it.
      if (ns.getStatus() == null) ns.setStatus(new NamespaceStatus());
      ns.getStatus().setPhase("Terminating");
      if (ns.getSpec() == null) ns.setSpec(new io.fabric8.kubernetes.api.model.NamespaceSpec());
      ns.getSpec().setFinalizers(List.of("kubernetes"));
    } else if (finalizers.isEmpty()) {
      remove(key);
      return old;
    }
    meta.setFinalizers(finalizers.isEmpty() ? null : finalizers);
    meta.setDeletionTimestamp(io.kubetutor.sim.ApiTime.format(clock.now()));
    meta.setDeletionGracePeriodSeconds(0L);
    meta.setResourceVersion(String.valueOf(++resourceVersion));
    put(key, marked);
    notify(WatchEvent.Type.MODIFIED, marked);
    return marked;
  }

  @Override
  public void remove(ObjectKey key) {
    Space space = data.get(key.kind()).get(key.namespace());
    HasMetadata old = space == null ? null : space.remove(key.name());
    if (old == null) return;
    if (space.byName.isEmpty()) data.get(key.kind()).remove(key.namespace());
    owners.remove(key);
    HasMetadata gone = shallowWithMeta(old);
    gone.getMetadata().setResourceVersion(String.valueOf(++resourceVersion));
    notify(WatchEvent.Type.DELETED, gone);
  }

  @Override
  public AutoCloseable watch(Consumer<WatchEvent> listener) {
    watchers.add(listener);
    return () -> watchers.remove(listener);
  }

  /** Writes an object as given (no admission, no checks): controllers' bookkeeping such as events. */
  public HasMetadata putRaw(HasMetadata o, boolean created) {
    o.getMetadata().setResourceVersion(String.valueOf(++resourceVersion));
    put(ObjectKey.of(o), o);
    notify(created ? WatchEvent.Type.ADDED : WatchEvent.Type.MODIFIED, o);
    return o;
  }

  // ---- helpers ----

  /**
   * A one-level copy of a stored object with its own one-level copy of the metadata, for writes
   * that change only metadata fields (resourceVersion, deletion marks): stored objects are never
   * changed, so the rest can be shared.
   */
  static <T extends HasMetadata> T shallowWithMeta(T stored) {
    T copy = ShallowCopy.of(stored);
    copy.setMetadata(ShallowCopy.of(stored.getMetadata()));
    return copy;
  }

  private void put(ObjectKey key, HasMetadata o) {
    data.get(key.kind()).computeIfAbsent(key.namespace(), n -> new Space()).put(key.name(), o);
    owners.put(key, o);
  }

  private void notify(WatchEvent.Type type, HasMetadata o) {
    WatchEvent e = new WatchEvent(type, o);
    for (Consumer<WatchEvent> w : watchers) w.accept(e);
  }

  private void checkNamespace(ResourceKind kind, ObjectMeta meta) {
    Namespace ns = (Namespace) get(new ObjectKey(ResourceKind.NAMESPACE, "", meta.getNamespace()));
    if (ns == null) throw ClusterException.notFound("namespaces", meta.getNamespace());
    if (ns.getMetadata().getDeletionTimestamp() != null && kind != ResourceKind.EVENT) {
      throw new ClusterException(403, "Forbidden", kind.qualifiedPlural() + " \"" + meta.getName()
          + "\" is forbidden: unable to create new content in namespace " + meta.getNamespace()
          + " because it is being terminated");
    }
  }

  private String generateName(ResourceKind kind, String namespace, String base) {
    String prefix = base.length() > 58 ? base.substring(0, 58) : base;
    for (int attempt = 0; attempt < 16; attempt++) {
      String name = prefix + suffix.get();
      if (get(new ObjectKey(kind, namespace, name)) == null) return name;
    }
    throw ClusterException.alreadyExists(kind.qualifiedPlural(), prefix);
  }

  private String uid() {
    long hi = random.nextLong();
    long lo = random.nextLong();
    hi = (hi & ~0xF000L) | 0x4000L;
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    // The UUID text of those bits, written by hand: String.format cost more than the rest of a create.
    char[] out = new char[36];
    int at = 0;
    for (int i = 0; i < 32; i++) {
      if (i == 8 || i == 12 || i == 16 || i == 20) out[at++] = '-';
      long word = i < 16 ? hi : lo;
      out[at++] = HEX[(int) (word >>> (60 - 4 * (i % 16))) & 0xF];
    }
    return new String(out);
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final ResourceKind[] KINDS = ResourceKind.values();

  private static ResourceKind kindOf(Class<? extends HasMetadata> type) {
    for (ResourceKind k : KINDS) if (k.type() == type) return k;
    throw new IllegalArgumentException("not a served kind: " + type.getSimpleName());
  }
}
