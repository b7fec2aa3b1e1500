package io.kubetutor.sim.controllers;

import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.ObjectKey;
import java.util.function.Consumer;

/**
 * One controller of the simulated control plane, after controller-runtime's Reconciler: it is told
 * which objects changed, maps them to the keys it owns, and reconciles one key at a time by
 * reading and writing the store (through its {@code ControlPlane}), nothing else. Reconcile must be
 * idempotent: it may run again for the same key with nothing changed.
 */
public interface Reconciler {

  /** The component name as the real one is called ({@code deployment-controller}, {@code kubelet}). */
  String name();

  /** Maps a store change to the keys this controller must reconcile (calls {@code enqueue} zero or more times). */
  void onChange(WatchEvent event, Consumer<ObjectKey> enqueue);

  /** Brings the world toward the desired state of one object. */
  void reconcile(ObjectKey key);
}
