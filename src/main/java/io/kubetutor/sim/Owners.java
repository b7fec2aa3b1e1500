package io.kubetutor.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

/** Small facts about objects that several controllers need: controller references, pod readiness. */
public final class Owners {

  private Owners() {}

  /** The owner reference with {@code controller: true}, or null. */
  public static OwnerReference controllerOf(HasMetadata o) {
    if (o.getMetadata().getOwnerReferences() == null) return null;
    for (OwnerReference r : o.getMetadata().getOwnerReferences()) {
      if (Boolean.TRUE.equals(r.getController())) return r;
    }
    return null;
  }

  public static boolean controlledBy(HasMetadata o, HasMetadata owner) {
    OwnerReference r = controllerOf(o);
    return r != null && r.getUid().equals(owner.getMetadata().getUid());
  }

  /** A controller reference to {@code owner}, as controllers put on what they create or adopt. */
  public static OwnerReference controllerRef(HasMetadata owner) {
    return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
        .withController(true).withBlockOwnerDeletion(true).build();
  }

  public static boolean deleting(HasMetadata o) {
    return o.getMetadata().getDeletionTimestamp() != null;
  }

  /** Not finished and not being deleted: counts toward a ReplicaSet's replicas. */
  public static boolean active(Pod p) {
    String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
    return !"Succeeded".equals(phase) && !"Failed".equals(phase) && !deleting(p);
  }

  public static PodCondition condition(Pod p, String type) {
    if (p.getStatus() == null || p.getStatus().getConditions() == null) return null;
    for (PodCondition c : p.getStatus().getConditions()) if (type.equals(c.getType())) return c;
    return null;
  }

  public static boolean ready(Pod p) {
    PodCondition c = condition(p, "Ready");
    return c != null && "True".equals(c.getStatus());
  }
}
