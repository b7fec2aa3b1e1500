package io.kubetutor.sim.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.Selector;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.ObjectKey;
import java.util.List;
import java.util.function.Consumer;

/**
 * The simulated apiserver's storage with its semantics: uid, monotonically increasing
 * resourceVersion, generation (spec changes only), creationTimestamp from the sim clock, defaulting
 * and validation on create/update (errors are {@code ClusterException}s with the real messages),
 * generateName, optimistic concurrency, graceful deletion, and watch.
 *
 * <p>Objects returned are the stored instances: callers must not mutate them; copy first
 * ({@code cluster.Objects.copy}). Objects passed in are copied, so the caller keeps its own.
 */
public interface Store {

  /** The stored object, or null. */
  HasMetadata get(ObjectKey key);

  /** The stored object of a type, or null. */
  <T extends HasMetadata> T get(Class<T> type, String namespace, String name);

  /** Objects of a type, namespace-filtered ({@code null} = all) and label-selected, in name order. */
  <T extends HasMetadata> List<T> list(Class<T> type, String namespace, Selector selector);

  /**
   * Objects of a type whose controller reference ({@code controller: true}) points at the owner with
   * {@code ownerUid}, in namespace then name order: what a controller's informer index by owner gives.
   * The list is the caller's; the objects in it are stored instances (do not mutate).
   */
  default <T extends HasMetadata> List<T> controlledBy(Class<T> type, String ownerUid) {
    List<T> out = new java.util.ArrayList<>();
    for (T o : list(type, null, null)) {
      var ref = io.kubetutor.sim.Owners.controllerOf(o);
      if (ref != null && ownerUid.equals(ref.getUid())) out.add(o);
    }
    return out;
  }

  /** Objects of a type in {@code namespace} without a controller reference (candidates for adoption), in name order. */
  default <T extends HasMetadata> List<T> withoutController(Class<T> type, String namespace) {
    List<T> out = new java.util.ArrayList<>();
    for (T o : list(type, namespace, null)) if (io.kubetutor.sim.Owners.controllerOf(o) == null) out.add(o);
    return out;
  }

  /** Creates through the apiserver path (generateName, defaulting, validation, AlreadyExists). */
  HasMetadata create(HasMetadata object);

  /** Updates metadata and spec (status is kept); a stale resourceVersion is a Conflict. */
  HasMetadata update(HasMetadata object);

  /**
   * Updates status only (the status subresource). The status is copied one level deep: its lists
   * and nested objects are taken over by the store, so the caller must not change them afterwards
   * (controllers build a fresh status for each write; this keeps status writes cheap at scale).
   */
  HasMetadata updateStatus(HasMetadata object);

  /**
   * Deletes: pods on a node are marked (deletionTimestamp, grace period) and left for the kubelet to
   * finish with {@link #remove}; everything else goes at once. Dependents are the garbage
   * collector's job.
   */
  HasMetadata delete(ObjectKey key, DeleteOptions options);

  /**
   * The pods/binding subresource: sets {@code spec.nodeName} and the {@code PodScheduled} condition
   * in one write (the scheduler's bind). Fails with a Conflict if the pod is already bound.
   */
  default HasMetadata bind(ObjectKey pod, String node) {
    // The generic path (two writes); MemoryStore does it in one.
    io.fabric8.kubernetes.api.model.Pod p = io.kubetutor.cluster.Objects.copy((io.fabric8.kubernetes.api.model.Pod) get(pod));
    p.getSpec().setNodeName(node);
    io.fabric8.kubernetes.api.model.Pod stored = (io.fabric8.kubernetes.api.model.Pod) update(p);
    io.fabric8.kubernetes.api.model.Pod withCondition = io.kubetutor.cluster.Objects.copy(stored);
    var conditions = new java.util.ArrayList<io.fabric8.kubernetes.api.model.PodCondition>();
    if (withCondition.getStatus().getConditions() != null) conditions.addAll(withCondition.getStatus().getConditions());
    conditions.removeIf(c -> "PodScheduled".equals(c.getType()));
    conditions.add(new io.fabric8.kubernetes.api.model.PodConditionBuilder().withType("PodScheduled")
        .withStatus("True").build());
    withCondition.getStatus().setConditions(conditions);
    return updateStatus(withCondition);
  }

  /** Removes an object for good (the kubelet after termination, finalizers done). */
  void remove(ObjectKey key);

  /** Every change, in order, on the engine thread. Returns a handle that stops the watch. */
  AutoCloseable watch(Consumer<WatchEvent> listener);
}
