package io.kubetutor.sim.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.ControlPlane;
import io.kubetutor.sim.ObjectKey;
import io.kubetutor.sim.Owners;
import java.util.function.Consumer;

/** The service-account controller: every active namespace has a {@code default} ServiceAccount. */
public final class ServiceAccountController implements Reconciler {

  private final ControlPlane plane;

  public ServiceAccountController(ControlPlane plane) {
    this.plane = plane;
  }

  @Override public String name() { return "serviceaccount-controller"; }

  @Override
  public void onChange(WatchEvent event, Consumer<ObjectKey> enqueue) {
    HasMetadata o = event.object();
    if (o instanceof Namespace && event.type() == WatchEvent.Type.ADDED) enqueue.accept(ObjectKey.of(o));
    if (o instanceof ServiceAccount && event.type() == WatchEvent.Type.DELETED
        && "default".equals(o.getMetadata().getName())) {
      enqueue.accept(new ObjectKey(ResourceKind.NAMESPACE, "", o.getMetadata().getNamespace()));
    }
  }

  @Override
  public void reconcile(ObjectKey key) {
    Namespace ns = (Namespace) plane.store().get(key);
    if (ns == null || Owners.deleting(ns)) return;
    String name = ns.getMetadata().getName();
    if (plane.store().get(ServiceAccount.class, name, "default") != null) return;
    plane.store().create(new ServiceAccountBuilder().withNewMetadata().withName("default").withNamespace(name)
        .endMetadata().build());
  }
}
