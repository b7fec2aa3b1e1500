package io.kubetutor.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.lesson.check.Check;
import io.kubetutor.lesson.check.CommandCheck;
import io.kubetutor.lesson.check.CountCheck;
import io.kubetutor.lesson.check.EventCheck;
import io.kubetutor.lesson.check.Expectation;
import io.kubetutor.lesson.check.FieldCheck;
import io.kubetutor.lesson.check.FileCheck;
import io.kubetutor.lesson.check.ObjectExistsCheck;
import io.kubetutor.lesson.check.ObjectRef;
import io.kubetutor.lesson.check.Scope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns one entry of a step's {@code checks} into a {@link Check}. An entry has exactly one of the
 * keys {@code exists}, {@code absent}, {@code field}, {@code count}, {@code event}, {@code command},
 * {@code file}, whose value holds the check's parameters, and an optional {@code message}.
 */
final class CheckParser {

  static final List<String> TYPES = List.of("exists", "absent", "field", "count", "event", "command", "file", "any");

  private final BiConsumer<String, String> errors;
  private String at;

  CheckParser(BiConsumer<String, String> errors) {
    this.errors = errors;
  }

  Check parse(JsonNode entry, String pointer) {
    at = pointer;
    if (entry == null || !entry.isObject()) {
      errors.accept(pointer, "a check must be a mapping with one of: " + String.join(", ", TYPES));
      return null;
    }
    List<String> types = new ArrayList<>();
    for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (TYPES.contains(k)) types.add(k);
      else if (!k.equals("message")) errors.accept(pointer + "/" + k, "unknown field \"" + k + "\" (check types: "
          + String.join(", ", TYPES) + ")");
    }
    if (types.size() != 1) {
      errors.accept(pointer, "a check needs exactly one of: " + String.join(", ", TYPES));
      return null;
    }
    String type = types.get(0);
    JsonNode p = entry.get(type);
    at = pointer + "/" + type;
    String message = entry.hasNonNull("message") ? entry.get("message").asText() : null;
    if (type.equals("any")) {
      if (!p.isArray() || p.isEmpty()) {
        errors.accept(at, "\"any\" must be a non-empty list of checks");
        return null;
      }
      List<Check> alternatives = new ArrayList<>();
      String base = at;
      for (int i = 0; i < p.size(); i++) {
        Check c = parse(p.get(i), base + "/" + i);
        if (c != null) alternatives.add(c);
      }
      return new io.kubetutor.lesson.check.AnyOfCheck(alternatives, message);
    }
    if (!p.isObject()) {
      errors.accept(at, "\"" + type + "\" must be a mapping of its parameters");
      return null;
    }
    return switch (type) {
      case "exists", "absent" -> {
        allowed(p, "kind", "name", "namespace");
        ObjectRef ref = ref(p);
        yield ref == null ? null : new ObjectExistsCheck(ref, type.equals("exists"), message);
      }
      case "field" -> {
        allowed(p, "kind", "name", "namespace", "path", "equals", "matches", "gt", "ge", "lt", "le");
        ObjectRef ref = ref(p);
        String path = text(p, "path", true);
        yield ref == null || path == null ? null : new FieldCheck(ref, path, expectation(p), message);
      }
      case "count" -> {
        allowed(p, "kind", "namespace", "selector", "status", "equals", "gt", "ge", "lt", "le");
        ResourceKind kind = kind(p);
        Selector selector = Selector.EVERYTHING;
        String s = text(p, "selector", false);
        if (s != null) {
          try {
            selector = Selector.parse(s);
          } catch (RuntimeException e) {
            errors.accept(at + "/selector", "invalid selector \"" + s + "\": " + e.getMessage());
          }
        }
        yield kind == null ? null : new CountCheck(kind, text(p, "namespace", false), selector,
            text(p, "status", false), expectation(p), message);
      }
      case "event" -> {
        allowed(p, "reason", "object", "namespace", "scope", "min");
        yield new EventCheck(text(p, "reason", true), pattern(p, "object", false), text(p, "namespace", false),
            scope(p), integer(p, "min", 1), message);
      }
      case "command" -> {
        allowed(p, "pattern", "min", "max", "scope", "per_match", "any_exit");
        Pattern pattern = pattern(p, "pattern", true);
        int min = integer(p, "min", 1);
        int max = integer(p, "max", Integer.MAX_VALUE);
        if (max < min) errors.accept(at, "\"max\" is smaller than \"min\"");
        yield pattern == null ? null : new CommandCheck(pattern, min, max, scope(p), p.path("per_match").asBoolean(false),
            p.path("any_exit").asBoolean(false), message);
      }
      case "file" -> {
        allowed(p, "path", "field", "equals", "matches", "gt", "ge", "lt", "le");
        String path = text(p, "path", true);
        String field = text(p, "field", false);
        Expectation e = expectation(p);
        if (field == null && !e.isPresenceOnly()) errors.accept(at, "a comparison needs \"field\"");
        yield path == null ? null : new FileCheck(path, field, e, message);
      }
      default -> null;
    };
  }

  private void allowed(JsonNode p, String... names) {
    Set<String> ok = Set.of(names);
    for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!ok.contains(k)) errors.accept(at + "/" + k, "unknown field \"" + k + "\"");
    }
  }

  private ObjectRef ref(JsonNode p) {
    ResourceKind kind = kind(p);
    String name = text(p, "name", true);
    return kind == null || name == null ? null : new ObjectRef(kind, name, text(p, "namespace", false));
  }

  private ResourceKind kind(JsonNode p) {
    String k = text(p, "kind", true);
    if (k == null) return null;
    return ResourceKind.lookup(k).orElseGet(() -> {
      errors.accept(at + "/kind", "unknown kind \"" + k + "\"");
      return null;
    });
  }

  private String text(JsonNode p, String field, boolean required) {
    JsonNode v = p.get(field);
    if (v == null || v.isNull()) {
      if (required) errors.accept(at, "missing required field \"" + field + "\"");
      return null;
    }
    if (!v.isValueNode()) {
      errors.accept(at + "/" + field, "\"" + field + "\" must be a scalar");
      return null;
    }
    return v.asText();
  }

  private int integer(JsonNode p, String field, int fallback) {
    JsonNode v = p.get(field);
    if (v == null) return fallback;
    if (!v.isIntegralNumber() || v.asInt() < 0) {
      errors.accept(at + "/" + field, "\"" + field + "\" must be a non-negative integer");
      return fallback;
    }
    return v.asInt();
  }

  private Scope scope(JsonNode p) {
    String s = text(p, "scope", false);
    if (s == null) return Scope.STEP;
    try {
      return Scope.parse(s);
    } catch (IllegalArgumentException e) {
      errors.accept(at + "/scope", e.getMessage());
      return Scope.STEP;
    }
  }

  private Pattern pattern(JsonNode p, String field, boolean required) {
    String s = text(p, field, required);
    if (s == null) return null;
    try {
      return Pattern.compile(s);
    } catch (PatternSyntaxException e) {
      errors.accept(at + "/" + field, "invalid pattern: " + e.getDescription());
      return null;
    }
  }

  private Expectation expectation(JsonNode p) {
    String eq = text(p, "equals", false);
    Pattern matches = pattern(p, "matches", false);
    return new Expectation(eq, matches, number(p, "gt"), number(p, "ge"), number(p, "lt"), number(p, "le"));
  }

  private BigDecimal number(JsonNode p, String field) {
    JsonNode v = p.get(field);
    if (v == null) return null;
    if (!v.isNumber()) {
      errors.accept(at + "/" + field, "\"" + field + "\" must be a number");
      return null;
    }
    return v.decimalValue();
  }
}
