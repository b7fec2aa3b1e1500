package io.kubetutor.kubectl.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The {@code kubectl.kubernetes.io/last-applied-configuration} annotation: the manifest as applied,
 * encoded the way kubectl encodes it (compact JSON, keys sorted as Go sorts map keys, an empty
 * {@code annotations} map kept, a trailing newline).
 */
public final class LastApplied {

  public static final String ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

  private static final ObjectMapper SORTED = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .nodeFactory(new com.fasterxml.jackson.databind.node.JsonNodeFactory(false))
      .build();

  static {
    SORTED.getFactory().setCharacterEscapes(new GoEscapes());
  }

  /** Go's encoding/json escapes {@code < > &} and U+2028/U+2029 as {@code \\u003c}-style sequences. */
  private static final class GoEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
    private final int[] table;

    GoEscapes() {
      table = standardAsciiEscapesForJSON();
      table['<'] = ESCAPE_CUSTOM;
      table['>'] = ESCAPE_CUSTOM;
      table['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return table;
    }

    @Override
    public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
      if (ch == '<' || ch == '>' || ch == '&' || ch == 0x2028 || ch == 0x2029) {  // lower-case hex, as Go writes it
        return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }

  private LastApplied() {}

  /**
   * The manifest with the annotation set to its own encoding (kubectl's GetModifiedConfiguration
   * with {@code annotate=true}): what apply creates, or merges into the live object.
   */
  public static ObjectNode annotate(ObjectNode manifest) {
    ObjectNode modified = manifest.deepCopy();
    ObjectNode meta = modified.has("metadata") && modified.get("metadata").isObject()
        ? (ObjectNode) modified.get("metadata") : modified.putObject("metadata");
    ObjectNode annotations = meta.has("annotations") && meta.get("annotations").isObject()
        ? (ObjectNode) meta.get("annotations") : meta.putObject("annotations");
    annotations.remove(ANNOTATION);
    String encoded = encode(modified);
    annotations.put(ANNOTATION, encoded);
    return modified;
  }

  /** The annotation's value read from a live object's annotations, or null. */
  public static JsonNode read(Map<String, String> annotations) {
    String v = annotations == null ? null : annotations.get(ANNOTATION);
    if (v == null || v.isBlank()) return null;
    try {
      return SORTED.readTree(v);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Compact JSON with every object's keys sorted, plus the newline Go's encoder writes. */
  public static String encode(JsonNode node) {
    try {
      Object plain = SORTED.treeToValue(node, Object.class);
      return SORTED.writeValueAsString(plain) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
