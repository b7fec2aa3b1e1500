package io.kubetutor.kubectl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kubectl's client-side apply merge (CreateThreeWayMergePatch followed by the apiserver's
 * strategic merge), computed directly as the resulting object because the backends take whole
 * objects ({@code Cluster.update}):
 * <ul>
 *   <li>{@code original}: the last applied manifest (the annotation), {@code modified}: the new
 *       manifest, {@code current}: the live object;</li>
 *   <li>a field in the manifest wins over the live value;</li>
 *   <li>a field that was in the last applied manifest and is no longer in the new one is removed;</li>
 *   <li>a field no manifest ever had (defaults, controller-set fields, other clients' edits) is kept;</li>
 *   <li>lists with a merge key (containers by name, ports by containerPort, ...) merge element by
 *       element with the same three rules; other lists are replaced whole.</li>
 * </ul>
 * {@link #patch} is the change as a JSON merge document (nulls for removals), which is what kubectl
 * shows in its "applying patch" errors and what decides {@code configured} versus {@code unchanged}.
 */
public final class ThreeWayMerge {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Equal JSON values, numbers compared by value (a manifest's 3 and the live object's 3L). */
  private static final java.util.Comparator<JsonNode> NUMERIC = (a, b) -> {
    if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue());
    return a.equals(b) ? 0 : 1;
  };

  private ThreeWayMerge() {}

  /** The live object after applying {@code modified}. Inputs are not changed. */
  public static ObjectNode merge(JsonNode original, ObjectNode modified, ObjectNode current) {
    return (ObjectNode) mergeValue(orEmpty(original), modified, current, "");
  }

  /** The changes the merge makes to {@code current}: {@code {}} when the apply changes nothing. */
  public static ObjectNode patch(JsonNode original, ObjectNode modified, ObjectNode current) {
    ObjectNode merged = merge(original, modified, current);
    return diff(current, merged, "");
  }

  private static JsonNode orEmpty(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? F.objectNode() : n;
  }

  private static JsonNode mergeValue(JsonNode original, JsonNode modified, JsonNode current, String path) {
    if (modified.isObject() && current != null && current.isObject()) {
      return mergeObject(original != null && original.isObject() ? (ObjectNode) original : F.objectNode(),
          (ObjectNode) modified, (ObjectNode) current, path);
    }
    return withoutDirectives(modified);
  }

  private static ObjectNode mergeObject(ObjectNode original, ObjectNode modified, ObjectNode current, String path) {
    ObjectNode out = F.objectNode();
    // Live fields first, in their order: kept, updated, or removed when the last manifest had them.
    for (Map.Entry<String, JsonNode> e : current.properties()) {
      String k = e.getKey();
      JsonNode mod = modified.get(k);
      if (mod == null) {
        if (!original.has(k)) out.set(k, e.getValue().deepCopy());
        continue;
      }
      if (mod.isNull()) continue;  // an explicit null in the manifest deletes the field
      if (mod.isObject() && "replace".equals(mod.path("$patch").asText())) {
        out.set(k, withoutDirectives(mod));
        continue;
      }
      out.set(k, mergeField(original.get(k), mod, e.getValue(), path, k));
    }
    for (Map.Entry<String, JsonNode> e : modified.properties()) {
      if (e.getKey().startsWith("$")) continue;  // strategic-merge directives are not fields
      if (!current.has(e.getKey()) && !e.getValue().isNull()) out.set(e.getKey(), withoutDirectives(e.getValue()));
    }
    return out;
  }

  private static JsonNode mergeField(JsonNode original, JsonNode mod, JsonNode cur, String path, String field) {
    String childPath = path.isEmpty() ? field : path + "." + field;
    if (mod.isArray() && cur.isArray()) {
      String key = MergeKeys.keyFor(path, field);
      if (key != null) return mergeList(original, (ArrayNode) mod, (ArrayNode) cur, childPath + "[]", key);
      return withoutDirectives(mod);
    }
    return mergeValue(original, mod, cur, childPath);
  }

  /** Elements matched by merge key: manifest order first, then live-only elements that stay. */
  private static ArrayNode mergeList(JsonNode original, ArrayNode modified, ArrayNode current, String path, String key) {
    Map<String, JsonNode> orig = byKey(original != null && original.isArray() ? (ArrayNode) original : F.arrayNode(), key);
    Map<String, JsonNode> cur = byKey(current, key);
    Map<String, JsonNode> mod = byKey(modified, key);
    ArrayNode out = F.arrayNode();
    for (JsonNode m : modified) {
      String k = keyOf(m, key);
      if ("delete".equals(m.path("$patch").asText())) continue;  // {$patch: delete, name: x} removes x
      JsonNode c = k == null ? null : cur.get(k);
      out.add(c == null ? withoutDirectives(m) : mergeValue(k == null ? null : orig.get(k), m, c, path));
    }
    for (JsonNode c : current) {
      String k = keyOf(c, key);
      if (k == null || mod.containsKey(k) || orig.containsKey(k)) continue;
      out.add(c.deepCopy());
    }
    return out;
  }

  /** A copy without {@code $patch}-style directive keys. */
  private static JsonNode withoutDirectives(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = F.objectNode();
      n.properties().forEach(e -> {
        if (!e.getKey().startsWith("$")) o.set(e.getKey(), withoutDirectives(e.getValue()));
      });
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = F.arrayNode();
      n.forEach(x -> a.add(withoutDirectives(x)));
      return a;
    }
    return n.deepCopy();
  }

  private static Map<String, JsonNode> byKey(ArrayNode list, String key) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    for (JsonNode n : list) {
      String k = keyOf(n, key);
      if (k != null) m.putIfAbsent(k, n);
    }
    return m;
  }

  private static String keyOf(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** A merge-patch style difference from {@code from} to {@code to}; lists are shown whole. */
  public static ObjectNode diff(ObjectNode from, ObjectNode to, String path) {
    ObjectNode out = F.objectNode();
    for (Map.Entry<String, JsonNode> e : to.properties()) {
      JsonNode old = from.get(e.getKey());
      JsonNode now = e.getValue();
      if (old == null) {
        out.set(e.getKey(), now.deepCopy());
      } else if (old.isObject() && now.isObject()) {
        ObjectNode d = diff((ObjectNode) old, (ObjectNode) now, path + "." + e.getKey());
        if (!d.isEmpty()) out.set(e.getKey(), d);
      } else if (!old.equals(NUMERIC, now)) {
        out.set(e.getKey(), now.deepCopy());
      }
    }
    List<String> removed = new ArrayList<>();
    for (Iterator<String> it = from.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!to.has(k)) removed.add(k);
    }
    for (String k : removed) out.set(k, NullNode.getInstance());
    return out;
  }
}
