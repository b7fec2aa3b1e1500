package io.kubetutor.sim.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.ResourceKind;

/**
 * The apiserver's write path between decoding and storage: defaulting, admission plugins and
 * validation. It mutates {@code object} (a private copy) and throws a {@code ClusterException} to
 * refuse it. {@code old} is the stored object on update, null on create.
 */
@FunctionalInterface
public interface Admission {

  void admit(ResourceKind kind, HasMetadata object, HasMetadata old);

  Admission NONE = (kind, object, old) -> {};
}
