package io.kubetutor.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.sim.clock.SimClock;
import io.kubetutor.sim.store.Store;
import java.util.random.RandomGenerator;

/**
 * What a controller of the simulator may use: the store (the apiserver), the clock and its timers,
 * the event recorder, the seeded random source, and the trace. Controllers touch nothing else, so
 * the simulation is deterministic and nothing runs on the host.
 */
public interface ControlPlane {

  Store store();

  SimClock clock();

  /** The seeded random source; the only randomness in the simulator (names, IPs, choices). */
  RandomGenerator random();

  /** A generated-name suffix: 5 characters from {@code bcdfghjklmnpqrstvwxz2456789}, seeded. */
  String randomSuffix();

  /**
   * Records a Kubernetes Event about {@code involved} (merged with an identical earlier one by
   * count, as client-go's event cache does). {@code fieldPath} may be null; {@code host} is the node
   * for kubelet events, else null.
   */
  void event(HasMetadata involved, String fieldPath, String type, String reason, String message,
             String component, String host);

  /**
   * Reconciles {@code key} again after {@code delay} of simulated time (a timer on the clock), as a
   * real controller's rate-limited queue does; {@code Duration.ZERO} means in this same drain.
   */
  void requeueAfter(io.kubetutor.sim.controllers.Reconciler controller, ObjectKey key, java.time.Duration delay);

  /** The simulated remote image registry the kubelet pulls from (and {@code docker push} publishes to). */
  io.kubetutor.sim.images.ImageRegistry images();

  /** One line of {@code sim trace}: what a controller did and why. */
  void trace(String component, String message);
}
