package io.kubetutor.kubectl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON patch ({@code kubectl patch --type json}): add, remove, replace, move, copy and
 * test operations on JSON pointers. Failures carry the texts of the evanphx/json-patch library the
 * apiserver uses.
 */
public final class JsonPatch {

  /** A patch that cannot be applied; the message is the apiserver's. */
  public static final class PatchException extends RuntimeException {
    PatchException(String message) {
      super(message);
    }
  }

  private JsonPatch() {}

  public static JsonNode apply(JsonNode document, JsonNode patch) {
    if (!patch.isArray()) throw new PatchException("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
    JsonNode doc = document.deepCopy();
    for (JsonNode op : patch) {
      String kind = op.path("op").asText("");
      String path = op.path("path").asText(null);
      if (path == null) throw new PatchException("jsonpatch " + kind + " operation does not apply: missing path");
      switch (kind) {
        case "add" -> doc = add(doc, path, value(op, kind));
        case "remove" -> {
          get(doc, path, kind);
          doc = remove(doc, path, kind);
        }
        case "replace" -> {
          get(doc, path, kind);
          doc = remove(doc, path, kind);
          doc = add(doc, path, value(op, kind));
        }
        case "move" -> {
          String from = op.path("from").asText("");
          JsonNode v = get(doc, from, kind).deepCopy();
          doc = add(remove(doc, from, kind), path, v);
        }
        case "copy" -> doc = add(doc, path, get(doc, op.path("from").asText(""), kind).deepCopy());
        case "test" -> {
          if (!get(doc, path, kind).equals(value(op, kind))) {
            throw new PatchException("testing value " + path + " failed: test failed");
          }
        }
        default -> throw new PatchException("Unexpected kind: " + kind);
      }
    }
    return doc;
  }

  private static JsonNode value(JsonNode op, String kind) {
    if (!op.has("value")) throw new PatchException("jsonpatch " + kind + " operation does not apply: missing value");
    return op.get("value");
  }

  private static List<String> tokens(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer.isEmpty()) return out;
    for (String t : pointer.substring(1).split("/", -1)) out.add(t.replace("~1", "/").replace("~0", "~"));
    return out;
  }

  private static JsonNode get(JsonNode doc, String path, String kind) {
    JsonNode cur = doc;
    for (String t : tokens(path)) {
      cur = cur.isArray() ? (isIndex(t) ? cur.get(Integer.parseInt(t)) : null) : cur.get(t);
      if (cur == null) throw missing(kind, path);
    }
    return cur;
  }

  private static PatchException missing(String kind, String path) {
    return new PatchException("jsonpatch " + kind + " operation does not apply: doc is missing path: \"" + path
        + "\": missing value");
  }

  private static boolean isIndex(String t) {
    return !t.isEmpty() && t.chars().allMatch(Character::isDigit);
  }

  private static JsonNode add(JsonNode doc, String path, JsonNode value) {
    List<String> tokens = tokens(path);
    if (tokens.isEmpty()) return value.deepCopy();
    JsonNode parent = get(doc, pointerOf(tokens.subList(0, tokens.size() - 1)), "add");
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ObjectNode o) {
      o.set(last, value.deepCopy());
    } else if (parent instanceof ArrayNode a) {
      if (last.equals("-")) {
        a.add(value.deepCopy());
      } else if (isIndex(last) && Integer.parseInt(last) <= a.size()) {
        a.insert(Integer.parseInt(last), value.deepCopy());
      } else {
        throw new PatchException("add operation does not apply: doc is missing path: \"" + path + "\": missing value");
      }
    } else {
      throw missing("add", path);
    }
    return doc;
  }

  private static JsonNode remove(JsonNode doc, String path, String kind) {
    List<String> tokens = tokens(path);
    JsonNode parent = get(doc, pointerOf(tokens.subList(0, tokens.size() - 1)), kind);
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ObjectNode o && o.has(last)) {
      o.remove(last);
    } else if (parent instanceof ArrayNode a && isIndex(last) && Integer.parseInt(last) < a.size()) {
      a.remove(Integer.parseInt(last));
    } else {
      throw missing(kind, path);
    }
    return doc;
  }

  private static String pointerOf(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    for (String t : tokens) sb.append('/').append(t.replace("~", "~0").replace("/", "~1"));
    return sb.toString();
  }
}
