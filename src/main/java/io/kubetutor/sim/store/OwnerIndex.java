package io.kubetutor.sim.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.sim.ObjectKey;
import io.kubetutor.sim.Owners;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The store's index of objects by their controller (the owner reference with {@code controller:
 * true}), as the real controllers' informers index pods by owner: a ReplicaSet finds its pods, a
 * Deployment its ReplicaSets, without scanning the namespace. Objects without a controller are
 * indexed per namespace, so a controller looking for orphans to adopt sees only those. Kept by the
 * store on every write and removal, so it can never disagree with what is stored. Events are not
 * indexed: they have no owners and there are many of them.
 */
final class OwnerIndex {

  private final Map<ResourceKind, Map<String, HashMap<ObjectKey, HasMetadata>>> byController =
      new EnumMap<>(ResourceKind.class);
  private final Map<ResourceKind, Map<String, HashMap<ObjectKey, HasMetadata>>> withoutController =
      new EnumMap<>(ResourceKind.class);
  /** Where each indexed object is filed now: its controller's uid, or null for "no controller". */
  private final Map<ObjectKey, String> filedUnder = new HashMap<>();

  OwnerIndex() {
    for (ResourceKind k : ResourceKind.values()) {
      byController.put(k, new HashMap<>());
      withoutController.put(k, new HashMap<>());
    }
  }

  /** Files {@code o} (stored now under {@code key}) by its controller, moving it if the controller changed. */
  void put(ObjectKey key, HasMetadata o) {
    if (key.kind() == ResourceKind.EVENT) return;
    unfile(key);
    OwnerReference ref = Owners.controllerOf(o);
    if (ref != null && ref.getUid() != null) {
      byController.get(key.kind()).computeIfAbsent(ref.getUid(), u -> new HashMap<>()).put(key, o);
      filedUnder.put(key, ref.getUid());
    } else {
      withoutController.get(key.kind()).computeIfAbsent(key.namespace(), n -> new HashMap<>()).put(key, o);
      filedUnder.put(key, null);
    }
  }

  void remove(ObjectKey key) {
    if (key.kind() == ResourceKind.EVENT) return;
    unfile(key);
  }

  void clear() {
    byController.values().forEach(Map::clear);
    withoutController.values().forEach(Map::clear);
    filedUnder.clear();
  }

  private void unfile(ObjectKey key) {
    if (!filedUnder.containsKey(key)) return;
    String uid = filedUnder.remove(key);
    Map<String, HashMap<ObjectKey, HasMetadata>> groups = uid != null ? byController.get(key.kind())
        : withoutController.get(key.kind());
    String group = uid != null ? uid : key.namespace();
    HashMap<ObjectKey, HasMetadata> members = groups.get(group);
    if (members == null) return;
    members.remove(key);
    if (members.isEmpty()) groups.remove(group);
  }

  /** Objects of {@code kind} whose controller has {@code ownerUid}, in namespace then name order (a copy). */
  @SuppressWarnings("unchecked")
  <T extends HasMetadata> List<T> controlledBy(ResourceKind kind, String ownerUid) {
    HashMap<ObjectKey, HasMetadata> members = byController.get(kind).get(ownerUid);
    return sorted(members);
  }

  /** How many objects of {@code kind} {@code ownerUid} controls. */
  int countControlledBy(ResourceKind kind, String ownerUid) {
    HashMap<ObjectKey, HasMetadata> members = byController.get(kind).get(ownerUid);
    return members == null ? 0 : members.size();
  }

  /** Objects of {@code kind} in {@code namespace} that no controller owns, in name order (a copy). */
  @SuppressWarnings("unchecked")
  <T extends HasMetadata> List<T> withoutController(ResourceKind kind, String namespace) {
    HashMap<ObjectKey, HasMetadata> members = withoutController.get(kind).get(kind.namespaced() ? namespace : "");
    return sorted(members);
  }

  /** Members in key order (hash maps keep writes O(1); the order is paid for only when listing). */
  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata> List<T> sorted(HashMap<ObjectKey, HasMetadata> members) {
    if (members == null) return new ArrayList<>();
    List<ObjectKey> keys = new ArrayList<>(members.keySet());
    keys.sort(null);
    List<T> out = new ArrayList<>(keys.size());
    for (ObjectKey k : keys) out.add((T) members.get(k));
    return out;
  }
}
