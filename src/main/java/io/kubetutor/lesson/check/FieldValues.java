package io.kubetutor.lesson.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetutor.print.JsonPath;
import java.util.List;

/**
 * Reads a field of an object tree by a kubectl-style JSONPath ({@code {.spec.replicas}},
 * {@code .spec.template.spec.containers[0].image}) or a plain dotted path ({@code spec.replicas}).
 */
final class FieldValues {

  private FieldValues() {}

  /** Normalises the path to what {@link JsonPath#values} accepts. */
  static String normalise(String path) {
    String p = path.strip();
    if (p.startsWith("{") && p.endsWith("}")) p = p.substring(1, p.length() - 1).strip();
    if (!p.startsWith(".") && !p.startsWith("$")) p = "." + p;
    return p;
  }

  /** The field's value as text (several matches joined by spaces, as kubectl's jsonpath prints them); null if absent. */
  static String read(JsonNode root, String path) {
    List<JsonNode> values = JsonPath.values(normalise(path), root);
    if (values.isEmpty()) return null;
    StringBuilder sb = new StringBuilder();
    for (JsonNode v : values) {
      if (v == null || v.isMissingNode() || v.isNull()) continue;
      if (sb.length() > 0) sb.append(' ');
      sb.append(v.isValueNode() ? v.asText() : v.toString());
    }
    return sb.length() == 0 ? null : sb.toString();
  }
}
