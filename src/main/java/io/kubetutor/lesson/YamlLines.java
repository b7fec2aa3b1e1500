package io.kubetutor.lesson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kubetutor.cluster.Objects;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of a YAML document starts (JSON pointer to 1-based line), so errors about a
 * lesson can name the line an instructor must fix.
 */
final class YamlLines {

  private final Map<String, Integer> lines = new HashMap<>();

  static YamlLines of(String yaml) {
    YamlLines y = new YamlLines();
    try (JsonParser p = Objects.YAML.getFactory().createParser(yaml)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME) continue;
        String pointer = p.getParsingContext().pathAsPointer().toString();
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) continue;
        // A container's pointer is its own; record where it starts (the first occurrence wins).
        String key = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
            ? p.getParsingContext().getParent() == null ? "" : p.getParsingContext().getParent().pathAsPointer().toString()
            : pointer;
        y.lines.putIfAbsent(key, p.currentTokenLocation().getLineNr());
      }
    } catch (IOException | RuntimeException e) {
      // The tree parse reports the syntax error; lines are best effort.
    }
    return y;
  }

  /** The line of {@code pointer}, or of its nearest ancestor that has one; 0 if unknown. */
  int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer n = lines.get(p);
      if (n != null) return n;
      if (p.isEmpty()) return 0;
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }
}
