package io.kubetutor.print;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * kubectl's jsonpath template dialect ({@code client-go/util/jsonpath}): literal text with
 * {@code {...}} actions holding paths ({@code .a.b}, {@code ['a']}, {@code [*]}, {@code [0]},
 * {@code [1:3]}, {@code ..name}, {@code [?(@.x=="y")]}), quoted literals ({@code {"\n"}}) and
 * {@code {range ...}}/{@code {end}}. Missing keys print nothing, as {@code kubectl get} allows them.
 * Several results of one action are joined by a space; maps and lists print as compact JSON.
 */
public final class JsonPath {

  private sealed interface Node permits Text, Action, Range {}

  private record Text(String text) implements Node {}

  private record Action(Path path, String literal) implements Node {}

  private record Range(Path path, List<Node> body) implements Node {}

  private final String template;
  private final List<Node> nodes;

  private JsonPath(String template, List<Node> nodes) {
    this.template = template;
    this.nodes = nodes;
  }

  public String template() { return template; }

  /** Parses a template, or throws {@link PrintException} with kubectl's "error parsing jsonpath" text. */
  public static JsonPath parse(String template) {
    List<List<Node>> stack = new ArrayList<>();
    List<Path> ranges = new ArrayList<>();
    List<Node> current = new ArrayList<>();
    int i = 0;
    StringBuilder text = new StringBuilder();
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '{') {
        text.append(c);
        i++;
        continue;
      }
      if (text.length() > 0) {
        current.add(new Text(text.toString()));
        text.setLength(0);
      }
      int close = findClose(template, i + 1);
      if (close < 0) throw error(template, "unclosed action");
      String action = template.substring(i + 1, close).trim();
      i = close + 1;
      if (action.startsWith("range ") || action.equals("range")) {
        Path p = Path.parse(template, action.substring(5).trim());
        stack.add(current);
        ranges.add(p);
        current = new ArrayList<>();
      } else if (action.equals("end")) {
        if (stack.isEmpty()) throw error(template, "not in range, nothing to end");
        Range r = new Range(ranges.remove(ranges.size() - 1), current);
        current = stack.remove(stack.size() - 1);
        current.add(r);
      } else if (action.startsWith("\"") || action.startsWith("'")) {
        current.add(new Action(null, unquote(template, action)));
      } else {
        current.add(new Action(Path.parse(template, action), null));
      }
    }
    if (text.length() > 0) current.add(new Text(text.toString()));
    if (!stack.isEmpty()) throw error(template, "unclosed range");
    return new JsonPath(template, current);
  }

  /** Evaluates the template against a JSON tree. */
  public String execute(JsonNode root) {
    StringBuilder out = new StringBuilder();
    run(nodes, root, root, out);
    return out.toString();
  }

  /** The values one bare path yields (custom-columns and {@code --sort-by} use this). */
  public static List<JsonNode> values(String expression, JsonNode root) {
    String e = expression.trim();
    if (e.startsWith("{") && e.endsWith("}")) e = e.substring(1, e.length() - 1).trim();
    return Path.parse(expression, e).eval(root, root);
  }

  private static void run(List<Node> nodes, JsonNode root, JsonNode current, StringBuilder out) {
    for (Node n : nodes) {
      if (n instanceof Text t) {
        out.append(t.text());
      } else if (n instanceof Action a) {
        if (a.literal() != null) {
          out.append(a.literal());
        } else {
          List<String> parts = new ArrayList<>();
          for (JsonNode v : a.path().eval(root, current)) parts.add(render(v));
          out.append(String.join(" ", parts));
        }
      } else if (n instanceof Range r) {
        for (JsonNode v : r.path().eval(root, current)) {
          if (v.isArray()) {
            for (JsonNode e : v) run(r.body(), root, e, out);
          } else {
            run(r.body(), root, v, out);
          }
        }
      }
    }
  }

  /** Strings raw, everything else as compact JSON (Go's {@code %v} of json values / json.Marshal). */
  static String render(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) return "";
    if (v.isTextual()) return v.asText();
    if (v.isValueNode()) return v.toString();
    StringBuilder sb = new StringBuilder();
    compact(v, sb);
    return sb.toString();
  }

  private static void compact(JsonNode v, StringBuilder sb) {
    if (v.isObject()) {
      sb.append('{');
      Iterator<Map.Entry<String, JsonNode>> it = v.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        Documents.quote(e.getKey(), sb);
        sb.append(':');
        compact(e.getValue(), sb);
        if (it.hasNext()) sb.append(',');
      }
      sb.append('}');
    } else if (v.isArray()) {
      sb.append('[');
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) sb.append(',');
        compact(v.get(i), sb);
      }
      sb.append(']');
    } else if (v.isTextual()) {
      Documents.quote(v.asText(), sb);
    } else {
      sb.append(v.toString());
    }
  }

  private static int findClose(String s, int from) {
    boolean inQuote = false;
    char quote = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inQuote) {
        if (c == '\\') i++;
        else if (c == quote) inQuote = false;
      } else if (c == '"' || c == '\'') {
        inQuote = true;
        quote = c;
      } else if (c == '}') {
        return i;
      }
    }
    return -1;
  }

  static String unquote(String template, String quoted) {
    char q = quoted.charAt(0);
    if (quoted.length() < 2 || quoted.charAt(quoted.length() - 1) != q) throw error(template, "unterminated quoted string");
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < quoted.length() - 1; i++) {
      char c = quoted.charAt(i);
      if (c == '\\' && i + 1 < quoted.length() - 1) {
        char n = quoted.charAt(++i);
        switch (n) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          default -> sb.append(n);
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  static PrintException error(String template, String why) {
    return new PrintException("error parsing jsonpath " + template + ", " + why);
  }

  /** A path: a start ({@code $} root or {@code @}/relative current) and steps. */
  private record Path(boolean fromRoot, List<Step> steps) {

    List<JsonNode> eval(JsonNode root, JsonNode current) {
      List<JsonNode> nodes = new ArrayList<>();
      nodes.add(fromRoot ? root : current);
      for (Step s : steps) {
        List<JsonNode> next = new ArrayList<>();
        for (JsonNode n : nodes) s.apply(n, root, next);
        nodes = next;
      }
      return nodes;
    }

    static Path parse(String template, String text) {
      Parser p = new Parser(template, text);
      Path path = p.path();
      if (!p.atEnd()) throw error(template, "unrecognized character in action: U+" + String.format("%04X", (int) p.peek())
          + " '" + p.peek() + "'");
      return path;
    }
  }

  private interface Step {
    void apply(JsonNode node, JsonNode root, List<JsonNode> out);
  }

  private record Field(String name) implements Step {
    @Override
    public void apply(JsonNode node, JsonNode root, List<JsonNode> out) {
      if (name.equals("*")) {
        if (node.isObject() || node.isArray()) node.forEach(out::add);
        return;
      }
      if (node.isObject() && node.has(name)) out.add(node.get(name));
    }
  }

  private record Recursive(Step then) implements Step {
    @Override
    public void apply(JsonNode node, JsonNode root, List<JsonNode> out) {
      List<JsonNode> all = new ArrayList<>();
      collect(node, all);
      for (JsonNode n : all) then.apply(n, root, out);
    }

    private static void collect(JsonNode n, List<JsonNode> all) {
      all.add(n);
      if (n.isObject() || n.isArray()) n.forEach(c -> collect(c, all));
    }
  }

  private record Slice(Integer start, Integer end, boolean isRange, boolean all) implements Step {
    @Override
    public void apply(JsonNode node, JsonNode root, List<JsonNode> out) {
      if (!node.isArray()) return;
      int size = node.size();
      if (all) {
        node.forEach(out::add);
        return;
      }
      if (!isRange) {
        int i = start < 0 ? start + size : start;
        if (i >= 0 && i < size) out.add(node.get(i));
        return;
      }
      int s = start == null ? 0 : (start < 0 ? Math.max(0, start + size) : Math.min(start, size));
      int e = end == null ? size : (end < 0 ? Math.max(0, end + size) : Math.min(end, size));
      for (int i = s; i < e; i++) out.add(node.get(i));
    }
  }

  private record Keys(List<String> keys) implements Step {
    @Override
    public void apply(JsonNode node, JsonNode root, List<JsonNode> out) {
      for (String k : keys) new Field(k).apply(node, root, out);
    }
  }

  private record Filter(Path left, String op, Path rightPath, JsonNode rightValue) implements Step {
    @Override
    public void apply(JsonNode node, JsonNode root, List<JsonNode> out) {
      List<JsonNode> candidates = new ArrayList<>();
      if (node.isArray()) node.forEach(candidates::add);
      else candidates.add(node);
      for (JsonNode c : candidates) {
        List<JsonNode> l = left.eval(root, c);
        if (op == null) {
          if (!l.isEmpty()) out.add(c);
          continue;
        }
        List<JsonNode> r = rightPath != null ? rightPath.eval(root, c) : List.of(rightValue);
        if (l.isEmpty() || r.isEmpty()) continue;
        if (compare(l.get(0), r.get(0))) out.add(c);
      }
    }

    private boolean compare(JsonNode a, JsonNode b) {
      if (a.isNumber() && b.isNumber()) {
        double x = a.asDouble();
        double y = b.asDouble();
        return switch (op) {
          case "==" -> x == y;
          case "!=" -> x != y;
          case "<" -> x < y;
          case "<=" -> x <= y;
          case ">" -> x > y;
          default -> x >= y;
        };
      }
      String x = render(a);
      String y = render(b);
      return switch (op) {
        case "==" -> x.equals(y);
        case "!=" -> !x.equals(y);
        case "<" -> x.compareTo(y) < 0;
        case "<=" -> x.compareTo(y) <= 0;
        case ">" -> x.compareTo(y) > 0;
        default -> x.compareTo(y) >= 0;
      };
    }
  }

  /** Recursive-descent parser of one action's path. */
  private static final class Parser {
    private final String template;
    private final String s;
    private int i;

    Parser(String template, String s) {
      this.template = template;
      this.s = s;
    }

    boolean atEnd() { return i >= s.length(); }

    char peek() { return s.charAt(i); }

    Path path() {
      boolean fromRoot = false;
      if (!atEnd() && peek() == '$') {
        fromRoot = true;
        i++;
      } else if (!atEnd() && peek() == '@') {
        i++;
      }
      List<Step> steps = new ArrayList<>();
      while (!atEnd()) {
        char c = peek();
        if (c == '.') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '.') {
            i += 2;
            Step then = (!atEnd() && peek() == '[') ? bracket() : new Field(identifier());
            steps.add(new Recursive(then));
          } else {
            i++;
            if (atEnd()) break;  // a lone "." is the current object
            if (peek() == '[') continue;
            steps.add(new Field(identifier()));
          }
        } else if (c == '[') {
          steps.add(bracket());
        } else if (Character.isLetter(c) || c == '_') {
          steps.add(new Field(identifier()));
        } else {
          break;
        }
      }
      return new Path(fromRoot, steps);
    }

    private String identifier() {
      int start = i;
      while (!atEnd()) {
        char c = peek();
        if (c == '.' || c == '[' || c == ' ' || c == '=' || c == '!' || c == '<' || c == '>' || c == ')') break;
        i++;
      }
      if (start == i) throw error(template, "unrecognized identifier");
      return s.substring(start, i);
    }

    private Step bracket() {
      int close = matching(i);
      if (close < 0) throw error(template, "unclosed array expect ]");
      String inside = s.substring(i + 1, close).trim();
      i = close + 1;
      if (inside.equals("*")) return new Slice(null, null, false, true);
      if (inside.startsWith("?")) return filter(inside);
      if (inside.startsWith("'") || inside.startsWith("\"")) {
        List<String> keys = new ArrayList<>();
        for (String k : inside.split(",")) keys.add(unquote(template, k.trim()));
        return new Keys(keys);
      }
      try {
        if (inside.contains(":")) {
          String[] parts = inside.split(":", -1);
          Integer a = parts[0].isBlank() ? null : Integer.parseInt(parts[0].trim());
          Integer b = parts[1].isBlank() ? null : Integer.parseInt(parts[1].trim());
          return new Slice(a, b, true, false);
        }
        return new Slice(Integer.parseInt(inside), null, false, false);
      } catch (NumberFormatException e) {
        throw error(template, "invalid array index " + inside);
      }
    }

    private int matching(int open) {
      int depth = 0;
      boolean inQuote = false;
      char q = 0;
      for (int j = open; j < s.length(); j++) {
        char c = s.charAt(j);
        if (inQuote) {
          if (c == q) inQuote = false;
        } else if (c == '"' || c == '\'') {
          inQuote = true;
          q = c;
        } else if (c == '[') {
          depth++;
        } else if (c == ']' && --depth == 0) {
          return j;
        }
      }
      return -1;
    }

    private Step filter(String inside) {
      String body = inside.substring(1).trim();
      if (!body.startsWith("(") || !body.endsWith(")")) throw error(template, "unclosed array expect ]");
      body = body.substring(1, body.length() - 1).trim();
      String[] ops = {"==", "!=", "<=", ">=", "<", ">"};
      for (String op : ops) {
        int at = indexOutsideQuotes(body, op);
        if (at < 0) continue;
        Path left = Path.parse(template, body.substring(0, at).trim());
        String right = body.substring(at + op.length()).trim();
        if (right.startsWith("'") || right.startsWith("\"")) {
          return new Filter(left, op, null, JsonNodeFactory.instance.textNode(unquote(template, right)));
        }
        if (right.startsWith("@") || right.startsWith("$") || right.startsWith(".")) {
          return new Filter(left, op, Path.parse(template, right), null);
        }
        try {
          return new Filter(left, op, null, JsonNodeFactory.instance.numberNode(Double.parseDouble(right)));
        } catch (NumberFormatException e) {
          if (right.equals("true") || right.equals("false")) {
            return new Filter(left, op, null, JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(right)));
          }
          throw error(template, "unrecognized filter value " + right);
        }
      }
      return new Filter(Path.parse(template, body), null, null, null);
    }

    private static int indexOutsideQuotes(String s, String op) {
      boolean inQuote = false;
      char q = 0;
      for (int j = 0; j + op.length() <= s.length(); j++) {
        char c = s.charAt(j);
        if (inQuote) {
          if (c == q) inQuote = false;
        } else if (c == '"' || c == '\'') {
          inQuote = true;
          q = c;
        } else if (s.startsWith(op, j)) {
          return j;
        }
      }
      return -1;
    }
  }
}
