package io.kubetutor.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.ResourceKind;

/** Identifies one stored object: kind, namespace ("" for cluster-scoped kinds) and name. */
public record ObjectKey(ResourceKind kind, String namespace, String name) implements Comparable<ObjectKey> {

  public ObjectKey {
    namespace = kind.namespaced() && namespace != null ? namespace : "";
  }

  public static ObjectKey of(HasMetadata o) {
    ResourceKind kind = ResourceKind.forObject(o).orElseThrow(() ->
        new IllegalArgumentException("not a served kind: " + o.getKind()));
    return new ObjectKey(kind, o.getMetadata().getNamespace(), o.getMetadata().getName());
  }

  @Override
  public int compareTo(ObjectKey o) {
    int c = kind.compareTo(o.kind);
    if (c != 0) return c;
    c = namespace.compareTo(o.namespace);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return kind.singular() + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
