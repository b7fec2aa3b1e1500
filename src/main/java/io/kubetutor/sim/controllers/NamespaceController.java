package io.kubetutor.sim.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.ControlPlane;
import io.kubetutor.sim.ObjectKey;
import io.kubetutor.sim.Owners;
import java.util.List;
import java.util.function.Consumer;

/**
 * The namespace controller ({@code pkg/controller/namespace}): a namespace being deleted stays
 * {@code Terminating} while everything in it is deleted, then it goes.
 */
public final class NamespaceController implements Reconciler {

  private final ControlPlane plane;

  public NamespaceController(ControlPlane plane) {
    this.plane = plane;
  }

  @Override public String name() { return "namespace-controller"; }

  @Override
  public void onChange(WatchEvent event, Consumer<ObjectKey> enqueue) {
    HasMetadata o = event.object();
    if (o instanceof Namespace ns) {
      if (Owners.deleting(ns) && event.type() != WatchEvent.Type.DELETED) enqueue.accept(ObjectKey.of(ns));
    } else if (event.type() == WatchEvent.Type.DELETED && o.getMetadata().getNamespace() != null) {
      Namespace ns = plane.store().get(Namespace.class, null, o.getMetadata().getNamespace());
      if (ns != null && Owners.deleting(ns)) enqueue.accept(ObjectKey.of(ns));
    }
  }

  @Override
  public void reconcile(ObjectKey key) {
    Namespace ns = (Namespace) plane.store().get(key);
    if (ns == null || !Owners.deleting(ns)) return;
    String name = ns.getMetadata().getName();
    int left = 0;
    for (ResourceKind kind : ResourceKind.values()) {
      if (!kind.namespaced() || kind == ResourceKind.EVENT) continue;
      List<HasMetadata> objects = plane.store().list(kind.type(), name, null).stream().map(o -> (HasMetadata) o).toList();
      for (HasMetadata o : objects) {
        left++;
        if (Owners.deleting(o)) continue;
        try {
          plane.store().delete(ObjectKey.of(o), DeleteOptions.DEFAULT);
        } catch (ClusterException e) {
          if (!e.isNotFound()) throw e;
        }
      }
    }
    if (left > 0) {
      plane.trace(name(), "namespace " + name + " is terminating, waiting for " + left + " objects to go");
      return;
    }
    for (HasMetadata e : List.copyOf(plane.store().list(ResourceKind.EVENT.type(), name, null))) {
      plane.store().remove(ObjectKey.of(e));
    }
    plane.trace(name(), "namespace " + name + " is empty, deleting it");
    plane.store().remove(key);
  }
}
