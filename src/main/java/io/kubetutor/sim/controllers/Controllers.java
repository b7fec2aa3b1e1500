package io.kubetutor.sim.controllers;

import io.kubetutor.sim.ControlPlane;
import java.util.List;
import java.util.function.Function;

/**
 * The controllers the simulated control plane runs, in drain order (one line each). A controller
 * that needs to re-check later calls {@link ControlPlane#requeueAfter}.
 */
public final class Controllers {

  private Controllers() {}

  static final List<Function<ControlPlane, Reconciler>> ALL = List.of(
      DeploymentController::new,
      ReplicaSetController::new,
      Scheduler::new,
      plane -> new Kubelet(plane, plane.images()),
      GarbageCollector::new,
      NamespaceController::new,
      ServiceAccountController::new,
      RootCaPublisher::new,
      EndpointsController::new,
      PersistentVolumeBinder::new,
      JobController::new,
      DaemonSetController::new
      // one line per controller (keep a comma on every line but the last)
  );

  public static List<Reconciler> create(ControlPlane plane) {
    return ALL.stream().map(f -> f.apply(plane)).toList();
  }
}
