package io.kubetutor.kubectl.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.ResourceKind;

/**
 * One object read from a manifest ({@code -f}): where it came from, its kind, the JSON exactly as
 * written (for apply's last-applied annotation) and the decoded model object with its namespace
 * filled in.
 *
 * @param source       the path as the user typed it ({@code STDIN} for {@code -f -}), for error prefixes
 * @param raw          the document as written, plus {@code metadata.namespace} when it was defaulted
 * @param object       the decoded object, or null when {@code decodeError} is set
 * @param decodeError  what the apiserver would answer when this object is sent (unknown fields, wrong
 *                     types): kubectl only learns it from the request, so verbs raise it per object
 */
public record Manifest(String source, ResourceKind kind, ObjectNode raw, HasMetadata object,
                       ClusterException decodeError) {

  public String name() {
    return raw.path("metadata").path("name").asText("");
  }

  public String namespace() {
    return raw.path("metadata").path("namespace").asText(null);
  }

  /** The decoded object, or the server's decode error. */
  public HasMetadata require() {
    if (decodeError != null) throw decodeError;
    return object;
  }
}
