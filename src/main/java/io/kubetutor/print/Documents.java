package io.kubetutor.print;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.Objects;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Objects as {@code kubectl get -o yaml|json} writes them. kubectl prints objects through
 * unstructured maps, so keys come out sorted alphabetically at every level (not in Go struct
 * order); YAML is go-yaml's style (sequences inside maps are not indented further), JSON is
 * {@code json.MarshalIndent} with four spaces and HTML-safe escaping.
 */
public final class Documents {

  private Documents() {}

  /** go-yaml style: {@code - } at the indentation of the owning key. */
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .stringQuotingChecker(new GoYamlQuoting())
      .build());

  /** go-yaml also quotes strings that would read back as timestamps ({@code "2026-01-05T09:50:00Z"}). */
  private static final class GoYamlQuoting extends StringQuotingChecker.Default {
    private static final java.util.regex.Pattern TIMESTAMP =
        java.util.regex.Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}([Tt ].*)?");

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || TIMESTAMP.matcher(value).matches();
    }
  }

  /** The object as a JSON tree with keys sorted at every level. */
  public static JsonNode tree(Object object) {
    return sorted(Objects.toTree(object));
  }

  /**
   * A typed object as Go's {@code encoding/json} writes its struct: fields in declaration order
   * ({@code kind}, {@code apiVersion}, {@code metadata}, {@code spec}, {@code status}), maps sorted.
   * kubectl prints objects it built or decoded into Go types this way with {@code -o json}; kinds
   * without a known struct layout fall back to sorted keys.
   */
  public static JsonNode goStruct(JsonNode tree) {
    JsonNode kind = tree.get("kind");
    if (kind == null || !GoFieldOrder.knows(kind.asText())) return sorted(tree);
    return GoFieldOrder.order(kind.asText(), tree);
  }

  /** kubectl's wrapper for several objects: {@code apiVersion: v1, items, kind: List, metadata}. */
  public static JsonNode list(List<? extends HasMetadata> objects) {
    ObjectNode list = JsonNodeFactory.instance.objectNode();
    list.put("apiVersion", "v1");
    ArrayNode items = list.putArray("items");
    for (HasMetadata o : objects) items.add(tree(o));
    list.put("kind", "List");
    list.putObject("metadata").put("resourceVersion", "");
    return list;
  }

  public static String yaml(JsonNode tree) {
    try {
      return YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code json.MarshalIndent(obj, "", "    ")} plus the newline kubectl adds. */
  public static String json(JsonNode tree) {
    StringBuilder sb = new StringBuilder();
    writeJson(tree, sb, "");
    return sb.append('\n').toString();
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (String n : names) out.set(n, sorted(node.get(n)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode e : node) out.add(sorted(e));
      return out;
    }
    return node;
  }

  private static void writeJson(JsonNode node, StringBuilder sb, String indent) {
    if (node.isObject()) {
      if (node.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      String inner = indent + "    ";
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        sb.append(inner);
        quote(e.getKey(), sb);
        sb.append(": ");
        writeJson(e.getValue(), sb, inner);
        if (it.hasNext()) sb.append(',');
        sb.append('\n');
      }
      sb.append(indent).append('}');
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append("[\n");
      String inner = indent + "    ";
      for (int i = 0; i < node.size(); i++) {
        sb.append(inner);
        writeJson(node.get(i), sb, inner);
        if (i < node.size() - 1) sb.append(',');
        sb.append('\n');
      }
      sb.append(indent).append(']');
    } else if (node.isTextual()) {
      quote(node.asText(), sb);
    } else if (node.isNull() || node.isMissingNode()) {
      sb.append("null");
    } else {
      sb.append(node.toString());
    }
  }

  /** Go's encoding/json string escaping, including its HTML-safe escapes. */
  static void quote(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
