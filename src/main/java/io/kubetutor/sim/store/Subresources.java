package io.kubetutor.sim.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * The spec/status split of the kinds that have a status subresource: a main-resource update keeps
 * the stored status, a status update keeps the stored spec (as the apiserver's strategies do).
 * Stored parts are shared, not copied: stored objects are immutable by contract.
 */
final class Subresources {

  private Subresources() {}

  /** True for kinds whose status is written only through the status subresource. */
  static boolean hasStatus(HasMetadata o) {
    return o instanceof Pod || o instanceof Deployment || o instanceof ReplicaSet || o instanceof DaemonSet
        || o instanceof Job || o instanceof Node || o instanceof Namespace || o instanceof Service
        || o instanceof PersistentVolumeClaim || o instanceof PersistentVolume;
  }

  static void takeStatus(HasMetadata target, HasMetadata from) {
    if (target instanceof Pod t && from instanceof Pod f) t.setStatus(f.getStatus());
    else if (target instanceof Deployment t && from instanceof Deployment f) t.setStatus(f.getStatus());
    else if (target instanceof ReplicaSet t && from instanceof ReplicaSet f) t.setStatus(f.getStatus());
    else if (target instanceof DaemonSet t && from instanceof DaemonSet f) t.setStatus(f.getStatus());
    else if (target instanceof Job t && from instanceof Job f) t.setStatus(f.getStatus());
    else if (target instanceof Node t && from instanceof Node f) t.setStatus(f.getStatus());
    else if (target instanceof Namespace t && from instanceof Namespace f) t.setStatus(f.getStatus());
    else if (target instanceof Service t && from instanceof Service f) t.setStatus(f.getStatus());
    else if (target instanceof PersistentVolumeClaim t && from instanceof PersistentVolumeClaim f) t.setStatus(f.getStatus());
    else if (target instanceof PersistentVolume t && from instanceof PersistentVolume f) t.setStatus(f.getStatus());
  }

  static void takeSpec(HasMetadata target, HasMetadata from) {
    if (target instanceof Pod t && from instanceof Pod f) t.setSpec(f.getSpec());
    else if (target instanceof Deployment t && from instanceof Deployment f) t.setSpec(f.getSpec());
    else if (target instanceof ReplicaSet t && from instanceof ReplicaSet f) t.setSpec(f.getSpec());
    else if (target instanceof DaemonSet t && from instanceof DaemonSet f) t.setSpec(f.getSpec());
    else if (target instanceof Job t && from instanceof Job f) t.setSpec(f.getSpec());
    else if (target instanceof Node t && from instanceof Node f) t.setSpec(f.getSpec());
    else if (target instanceof Namespace t && from instanceof Namespace f) t.setSpec(f.getSpec());
    else if (target instanceof Service t && from instanceof Service f) t.setSpec(f.getSpec());
    else if (target instanceof PersistentVolumeClaim t && from instanceof PersistentVolumeClaim f) t.setSpec(f.getSpec());
    else if (target instanceof PersistentVolume t && from instanceof PersistentVolume f) t.setSpec(f.getSpec());
  }

  /**
   * What a status write stores: a new object of {@code old}'s kind with a fresh one-level copy of {@code old}'s
   * metadata, {@code old}'s spec (shared: stored parts never change) and a one-level copy of
   * {@code incoming}'s status (its lists and nested objects are taken over, see
   * {@link Store#updateStatus}). A whole-object copy would also copy a pod's spec only to throw it away. Null for kinds without a status subresource here.
   */
  static HasMetadata withStatusOf(HasMetadata old, HasMetadata incoming) {
    HasMetadata o;
    if (old instanceof Pod f && incoming instanceof Pod in) {
      Pod t = new Pod();
      t.setSpec(f.getSpec());
      t.setStatus(ShallowCopy.of(in.getStatus()));
      o = t;
    } else if (old instanceof Deployment f && incoming instanceof Deployment in) {
      Deployment t = new Deployment();
      t.setSpec(f.getSpec());
      t.setStatus(ShallowCopy.of(in.getStatus()));
      o = t;
    } else if (old instanceof ReplicaSet f && incoming instanceof ReplicaSet in) {
      ReplicaSet t = new ReplicaSet();
      t.setSpec(f.getSpec());
      t.setStatus(ShallowCopy.of(in.getStatus()));
      o = t;
    } else {
      return null;
    }
    o.setApiVersion(old.getApiVersion());
    o.setMetadata(ShallowCopy.of(old.getMetadata()));
    return o;
  }

  /** The spec as a comparable value (for generation), or null for kinds without one. */
  static Object spec(HasMetadata o) {
    if (o instanceof Deployment d) return d.getSpec();
    if (o instanceof ReplicaSet r) return r.getSpec();
    if (o instanceof DaemonSet d) return d.getSpec();
    if (o instanceof Job j) return j.getSpec();
    return null;
  }
}
