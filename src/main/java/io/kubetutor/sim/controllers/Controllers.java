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
      // one line per controller
      plane -> new Kubelet(plane, plane.images())
  );

  public static List<Reconciler> create(ControlPlane plane) {
    return ALL.stream().map(f -> f.apply(plane)).toList();
  }
}
