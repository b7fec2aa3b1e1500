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
 * @param warnings     what the apiserver would warn about when this object is sent
 */
public record Manifest(String source, ResourceKind kind, ObjectNode raw, HasMetadata object,
                       ClusterException decodeError, java.util.List<String> warnings) {

  /** {@code --validate}: what unknown fields do (kubectl's field-validation directive). */
  public enum Validation {
    /** Unknown fields are a BadRequest (kubectl's default; also {@code --validate=true}). */
    STRICT,
    /** Unknown fields become {@code Warning: unknown field "x"} lines and are dropped. */
    WARN,
    /** Unknown fields are dropped silently, and the client's kind/apiVersion check is off ({@code false}). */
    IGNORE;

    /** Parses the flag value; throws with kubectl's message. */
    public static Validation parse(String value) {
      if (value == null) return STRICT;
      return switch (value) {
        case "strict", "true" -> STRICT;
        case "warn" -> WARN;
        case "ignore", "false" -> IGNORE;
        default -> throw new ManifestException("invalid - validate option \"" + value
            + "\"; must be one of: strict (or true), warn, ignore (or false)");
      };
    }
  }

  /** Prints the server's warnings for this object ({@code --validate=warn}). */
  public void printWarnings(java.io.PrintWriter err) {
    for (String w : warnings) err.println("Warning: " + w);
  }

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
