package io.kubetutor.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A label selector as the apiserver understands it (apimachinery {@code labels.Parse}): equality
 * ({@code a=b}, {@code a==b}, {@code a!=b}), set-based ({@code a in (x,y)}, {@code a notin (x)}),
 * existence ({@code a}, {@code !a}) and numeric ({@code a>1}, {@code a<1}), ANDed by commas.
 */
public final class Selector {

  public enum Op { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST, GT, LT }

  public record Requirement(String key, Op op, List<String> values) {
    boolean matches(Map<String, String> labels) {
      String v = labels.get(key);
      return switch (op) {
        case EQUALS, IN -> v != null && values.contains(v);
        case NOT_EQUALS, NOT_IN -> v == null || !values.contains(v);
        case EXISTS -> labels.containsKey(key);
        case DOES_NOT_EXIST -> !labels.containsKey(key);
        case GT, LT -> {
          if (v == null) yield false;
          try {
            long have = Long.parseLong(v);
            long want = Long.parseLong(values.get(0));
            yield op == Op.GT ? have > want : have < want;
          } catch (NumberFormatException e) {
            yield false;
          }
        }
      };
    }

    @Override
    public String toString() {
      return switch (op) {
        case EQUALS -> key + "=" + values.get(0);
        case NOT_EQUALS -> key + "!=" + values.get(0);
        case IN -> key + " in (" + String.join(",", new TreeSet<>(values)) + ")";
        case NOT_IN -> key + " notin (" + String.join(",", new TreeSet<>(values)) + ")";
        case EXISTS -> key;
        case DOES_NOT_EXIST -> "!" + key;
        case GT -> key + ">" + values.get(0);
        case LT -> key + "<" + values.get(0);
      };
    }
  }

  public static final Selector EVERYTHING = new Selector(List.of());

  private final List<Requirement> requirements;

  private Selector(List<Requirement> requirements) {
    this.requirements = List.copyOf(requirements);
  }

  public List<Requirement> requirements() { return requirements; }

  public boolean isEverything() { return requirements.isEmpty(); }

  public boolean matches(Map<String, String> labels) {
    Map<String, String> l = labels == null ? Collections.emptyMap() : labels;
    for (Requirement r : requirements) {
      if (!r.matches(l)) return false;
    }
    return true;
  }

  /** An equality selector from a map, as {@code matchLabels} or a Service selector means it. */
  public static Selector of(Map<String, String> matchLabels) {
    if (matchLabels == null || matchLabels.isEmpty()) return EVERYTHING;
    List<Requirement> reqs = new ArrayList<>();
    new java.util.TreeMap<>(matchLabels).forEach((k, v) -> reqs.add(new Requirement(k, Op.EQUALS, List.of(v))));
    return new Selector(reqs);
  }

  /** Combines requirements of two selectors (logical AND). */
  public Selector and(Selector other) {
    List<Requirement> all = new ArrayList<>(requirements);
    all.addAll(other.requirements);
    return new Selector(all);
  }

  public static Selector of(List<Requirement> requirements) {
    return requirements.isEmpty() ? EVERYTHING : new Selector(requirements);
  }

  /** Parses {@code --selector} text; throws IllegalArgumentException with the apimachinery message. */
  public static Selector parse(String text) {
    if (text == null || text.isBlank()) return EVERYTHING;
    return new Parser(text).parse();
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Requirement r : requirements) parts.add(r.toString());
    return String.join(",", parts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Selector s && s.requirements.equals(requirements);
  }

  @Override
  public int hashCode() { return requirements.hashCode(); }

  /** A small hand-written lexer/parser following the grammar of apimachinery's selector.go. */
  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) { this.s = s; }

    Selector parse() {
      List<Requirement> reqs = new ArrayList<>();
      while (true) {
        skipSpaces();
        reqs.add(requirement());
        skipSpaces();
        if (pos >= s.length()) break;
        if (s.charAt(pos) != ',') throw error("found '" + s.charAt(pos) + "', expected: ',' or 'end of string'");
        pos++;
      }
      return new Selector(reqs);
    }

    private Requirement requirement() {
      skipSpaces();
      boolean not = false;
      if (peek() == '!') {
        not = true;
        pos++;
        skipSpaces();
      }
      String key = identifier();
      if (key.isEmpty()) throw error("found '" + (pos < s.length() ? String.valueOf(s.charAt(pos)) : "") + "', expected: identifier");
      validateKey(key);
      if (not) return new Requirement(key, Op.DOES_NOT_EXIST, List.of());
      skipSpaces();
      if (pos >= s.length() || s.charAt(pos) == ',') return new Requirement(key, Op.EXISTS, List.of());
      if (s.startsWith("==", pos)) { pos += 2; return single(key, Op.EQUALS); }
      if (s.startsWith("!=", pos)) { pos += 2; return single(key, Op.NOT_EQUALS); }
      if (s.charAt(pos) == '=') { pos++; return single(key, Op.EQUALS); }
      if (s.charAt(pos) == '>') { pos++; return numeric(key, Op.GT); }
      if (s.charAt(pos) == '<') { pos++; return numeric(key, Op.LT); }
      String word = identifier();
      if (word.equals("in")) return set(key, Op.IN);
      if (word.equals("notin")) return set(key, Op.NOT_IN);
      throw error("found '" + word + "', expected: in, notin, =, ==, !=, gt, lt");
    }

    private Requirement single(String key, Op op) {
      skipSpaces();
      String v = identifier();
      validateValue(v);
      return new Requirement(key, op, List.of(v));
    }

    private Requirement numeric(String key, Op op) {
      skipSpaces();
      String v = identifier();
      try {
        Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer");
      }
      return new Requirement(key, op, List.of(v));
    }

    private Requirement set(String key, Op op) {
      skipSpaces();
      if (peek() != '(') throw error("found '" + (pos < s.length() ? s.charAt(pos) : "") + "', expected: '('");
      pos++;
      Set<String> values = new TreeSet<>();
      while (true) {
        skipSpaces();
        String v = identifier();
        validateValue(v);
        values.add(v);
        skipSpaces();
        if (peek() == ',') { pos++; continue; }
        if (peek() == ')') { pos++; break; }
        throw error("found '" + (pos < s.length() ? s.charAt(pos) : "") + "', expected: ',' or ')'");
      }
      return new Requirement(key, op, List.copyOf(values));
    }

    private String identifier() {
      int start = pos;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (Character.isWhitespace(c) || c == ',' || c == '=' || c == '!' || c == '(' || c == ')' || c == '<' || c == '>') break;
        pos++;
      }
      return s.substring(start, pos);
    }

    private char peek() { return pos < s.length() ? s.charAt(pos) : '\0'; }

    private void skipSpaces() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String detail) {
      return new IllegalArgumentException("unable to parse requirement: " + detail);
    }

    private static void validateKey(String key) {
      String name = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
      if (name.isEmpty() || name.length() > 63 || !name.matches("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]")) {
        throw new IllegalArgumentException("unable to parse requirement: values[0][" + key + "]: Invalid value: \"" + key
            + "\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
            + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
            + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
      }
    }

    private static void validateValue(String v) {
      if (v.length() > 63 || !v.matches("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?")) {
        throw new IllegalArgumentException("unable to parse requirement: values[0][" + v + "]: Invalid value: \"" + v
            + "\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and"
            + " must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex"
            + " used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
      }
    }
  }
}
