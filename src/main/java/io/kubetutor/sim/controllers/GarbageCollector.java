package io.kubetutor.sim.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.ControlPlane;
import io.kubetutor.sim.ObjectKey;
import io.kubetutor.sim.Owners;
import io.kubetutor.sim.store.MemoryStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The garbage collector ({@code pkg/controller/garbagecollector}): deletes objects whose owners are
 * all gone (background cascade), deletes dependents before their owner when the owner carries the
 * {@code foregroundDeletion} finalizer, and strips owner references for the {@code orphan} finalizer.
 * It keeps an owner-uid to dependents index from the watch (the real one's dependency graph).
 */
public final class GarbageCollector implements Reconciler {

  private final ControlPlane plane;
  private final Map<String, Set<ObjectKey>> dependents = new HashMap<>();

  public GarbageCollector(ControlPlane plane) {
    this.plane = plane;
  }

  @Override public String name() { return "garbagecollector"; }

  @Override
  public void onChange(WatchEvent event, Consumer<ObjectKey> enqueue) {
    HasMetadata o = event.object();
    if (ResourceKind.forObject(o).orElse(null) == ResourceKind.EVENT) return;
    ObjectKey key = ObjectKey.of(o);
    List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
    if (event.type() == WatchEvent.Type.DELETED) {
      if (refs != null) for (OwnerReference r : refs) remove(r.getUid(), key);
      Set<ObjectKey> orphans = dependents.get(o.getMetadata().getUid());
      if (orphans != null) orphans.forEach(enqueue);
      return;
    }
    if (refs != null) {
      for (OwnerReference r : refs) dependents.computeIfAbsent(r.getUid(), u -> new LinkedHashSet<>()).add(key);
      // A dependent may arrive after its owner is gone.
      if (event.type() == WatchEvent.Type.ADDED) enqueue.accept(key);
    }
    List<String> finalizers = o.getMetadata().getFinalizers();
    if (Owners.deleting(o) && finalizers != null && (finalizers.contains(MemoryStore.FOREGROUND_FINALIZER)
        || finalizers.contains(MemoryStore.ORPHAN_FINALIZER))) {
      enqueue.accept(key);
    }
  }

  private void remove(String ownerUid, ObjectKey key) {
    Set<ObjectKey> set = dependents.get(ownerUid);
    if (set == null) return;
    set.remove(key);
    if (set.isEmpty()) dependents.remove(ownerUid);
  }

  @Override
  public void reconcile(ObjectKey key) {
    HasMetadata o = plane.store().get(key);
    if (o == null) return;
    List<String> finalizers = o.getMetadata().getFinalizers();
    if (Owners.deleting(o) && finalizers != null) {
      if (finalizers.contains(MemoryStore.ORPHAN_FINALIZER)) {
        orphanDependents(o);
        return;
      }
      if (finalizers.contains(MemoryStore.FOREGROUND_FINALIZER)) {
        deleteDependentsFirst(o);
        return;
      }
    }
    collectIfOwnersGone(o);
  }

  private List<HasMetadata> liveDependents(HasMetadata owner) {
    List<HasMetadata> out = new ArrayList<>();
    for (ObjectKey k : new ArrayList<>(dependents.getOrDefault(owner.getMetadata().getUid(), Set.of()))) {
      HasMetadata d = plane.store().get(k);
      if (d != null) out.add(d);
    }
    return out;
  }

  private void orphanDependents(HasMetadata owner) {
    String uid = owner.getMetadata().getUid();
    for (HasMetadata d : liveDependents(owner)) {
      HasMetadata copy = Objects.copy(d);
      copy.getMetadata().getOwnerReferences().removeIf(r -> uid.equals(r.getUid()));
      if (copy.getMetadata().getOwnerReferences().isEmpty()) copy.getMetadata().setOwnerReferences(null);
      plane.store().update(copy);
      plane.trace(name(), "orphaned " + ObjectKey.of(d) + " (owner " + ObjectKey.of(owner) + " deleted with orphan)");
    }
    removeFinalizer(owner, MemoryStore.ORPHAN_FINALIZER);
  }

  private void deleteDependentsFirst(HasMetadata owner) {
    List<HasMetadata> live = liveDependents(owner);
    boolean blocking = false;
    for (HasMetadata d : live) {
      boolean blocks = d.getMetadata().getOwnerReferences().stream()
          .anyMatch(r -> owner.getMetadata().getUid().equals(r.getUid()) && Boolean.TRUE.equals(r.getBlockOwnerDeletion()));
      if (blocks) blocking = true;
      if (!Owners.deleting(d)) {
        plane.trace(name(), "deleting " + ObjectKey.of(d) + " before its owner " + ObjectKey.of(owner));
        try {
          plane.store().delete(ObjectKey.of(d),
              new DeleteOptions(null, DeleteOptions.Propagation.FOREGROUND, io.kubetutor.cluster.Cluster.DryRun.NONE));
        } catch (ClusterException e) {
          if (!e.isNotFound()) throw e;
        }
      }
    }
    // Re-checked when a dependent goes (its DELETED event enqueues the owner through the index).
    if (!blocking || live.isEmpty()) removeFinalizer(owner, MemoryStore.FOREGROUND_FINALIZER);
    else plane.requeueAfter(this, ObjectKey.of(owner), java.time.Duration.ofSeconds(1));
  }

  private void removeFinalizer(HasMetadata o, String finalizer) {
    HasMetadata copy = Objects.copy(o);
    List<String> f = new ArrayList<>(copy.getMetadata().getFinalizers());
    f.remove(finalizer);
    copy.getMetadata().setFinalizers(f.isEmpty() ? null : f);
    plane.store().update(copy);
  }

  private void collectIfOwnersGone(HasMetadata o) {
    List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
    if (refs == null || refs.isEmpty() || Owners.deleting(o)) return;
    List<OwnerReference> alive = new ArrayList<>();
    for (OwnerReference r : refs) {
      ResourceKind kind = ResourceKind.forKind(r.getApiVersion(), r.getKind()).orElse(null);
      HasMetadata owner = kind == null ? null
          : plane.store().get(new ObjectKey(kind, o.getMetadata().getNamespace(), r.getName()));
      if (owner != null && r.getUid().equals(owner.getMetadata().getUid())) alive.add(r);
    }
    if (alive.size() == refs.size()) return;
    if (alive.isEmpty()) {
      plane.trace(name(), "deleting " + ObjectKey.of(o) + ": its owner is gone");
      try {
        plane.store().delete(ObjectKey.of(o), DeleteOptions.DEFAULT);
      } catch (ClusterException e) {
        if (!e.isNotFound()) throw e;
      }
    } else {
      HasMetadata copy = Objects.copy(o);
      copy.getMetadata().setOwnerReferences(alive);
      plane.store().update(copy);
    }
  }
}
