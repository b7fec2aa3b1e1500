package io.kubetutor.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** One watch notification, as the API sends it. */
public record WatchEvent(Type type, HasMetadata object) {
  public enum Type { ADDED, MODIFIED, DELETED }
}
