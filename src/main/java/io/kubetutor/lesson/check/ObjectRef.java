package io.kubetutor.lesson.check;

import io.kubetutor.cluster.ResourceKind;

/** The kind, name and namespace (null: the session's) a check refers to. */
public record ObjectRef(ResourceKind kind, String name, String namespace) {

  public String namespaceOr(String fallback) {
    return namespace != null ? namespace : fallback;
  }

  /** {@code pod/hello}, as kubectl names objects. */
  @Override
  public String toString() {
    return kind.singular() + "/" + name;
  }
}
