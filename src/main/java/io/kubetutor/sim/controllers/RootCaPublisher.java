package io.kubetutor.sim.controllers;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.ControlPlane;
import io.kubetutor.sim.ObjectKey;
import io.kubetutor.sim.Owners;
import java.util.Map;
import java.util.function.Consumer;

/** The root-CA publisher: every active namespace has the {@code kube-root-ca.crt} ConfigMap. */
public final class RootCaPublisher implements Reconciler {

  static final String NAME = "kube-root-ca.crt";
  /** A placeholder certificate: the simulator has no TLS, the ConfigMap is there to be seen. */
  static final String CERT = "-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIa3ViZXR1dG9yMA0GCSqGSIb3DQEBCwUAMBUxEzARBgNV\n"
      + "BAMTCmt1YmVybmV0ZXMwHhcNMjYwMTA1MDg1NTAwWhcNMzYwMTAzMDkwMDAwWjAV\n-----END CERTIFICATE-----\n";

  private final ControlPlane plane;

  public RootCaPublisher(ControlPlane plane) {
    this.plane = plane;
  }

  @Override public String name() { return "root-ca-cert-publisher"; }

  @Override
  public void onChange(WatchEvent event, Consumer<ObjectKey> enqueue) {
    HasMetadata o = event.object();
    if (o instanceof Namespace && event.type() == WatchEvent.Type.ADDED) enqueue.accept(ObjectKey.of(o));
    if (o instanceof ConfigMap && event.type() == WatchEvent.Type.DELETED && NAME.equals(o.getMetadata().getName())) {
      enqueue.accept(new ObjectKey(ResourceKind.NAMESPACE, "", o.getMetadata().getNamespace()));
    }
  }

  @Override
  public void reconcile(ObjectKey key) {
    Namespace ns = (Namespace) plane.store().get(key);
    if (ns == null || Owners.deleting(ns)) return;
    String name = ns.getMetadata().getName();
    if (plane.store().get(ConfigMap.class, name, NAME) != null) return;
    plane.store().create(new ConfigMapBuilder().withNewMetadata().withName(NAME).withNamespace(name)
        .withAnnotations(Map.of("kubernetes.io/description", "Contains a CA bundle that can be used to verify the "
            + "kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. "
            + "No other usage is guaranteed across distributions of Kubernetes clusters."))
        .endMetadata().withData(Map.of("ca.crt", CERT)).build());
  }
}
