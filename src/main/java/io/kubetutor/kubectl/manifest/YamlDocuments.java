package io.kubetutor.kubectl.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.ComposerException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserException;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * YAML to JSON the way kubectl does it: the stream is cut into documents at {@code ---} lines
 * (apimachinery's YAMLReader), each document is converted to a JSON tree with YAML 1.1 scalars
 * (go-yaml v2 via sigs.k8s.io/yaml), and parse errors are reworded into go-yaml's texts with its
 * line numbers, counted from the start of the document as kubectl counts them.
 *
 * <p>Input is bounded: aliases to collections, nesting depth and the size of the expanded tree
 * are limited so that a hostile or accidental "billion laughs" file cannot exhaust the shell.
 */
final class YamlDocuments {

  /** Deepest nesting accepted; real Kubernetes objects stay well below 30. */
  static final int MAX_DEPTH = 100;
  /** Most nodes one document may expand to (aliases included). */
  static final int MAX_NODES = 1_000_000;

  private static final Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private YamlDocuments() {}

  /**
   * A document's text and the line it starts on in the file (1-based); or, in place of a
   * document, the syntax error that ended the stream there ({@code text} is then null).
   */
  record Document(String text, int firstLine, String error) {
    Document(String text, int firstLine) {
      this(text, firstLine, null);
    }
  }

  /** A go-yaml style failure: {@code yaml: line 8: mapping values are not allowed in this context}. */
  static final class YamlSyntaxException extends Exception {
    YamlSyntaxException(String message) {
      super(message);
    }
  }

  /**
   * Splits at lines that start with {@code ---} followed by nothing but spaces or a comment. A
   * separator followed by anything else ends the list with an error entry: kubectl reads the stream
   * document by document, so the documents before the bad line are still sent.
   */
  static List<Document> split(String text) {
    List<Document> docs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int start = 1;
    int lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      if (line.startsWith("---")) {
        String rest = line.substring(3).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
          docs.add(new Document(current.toString(), start));
          docs.add(new Document(null, lineNo, "invalid Yaml document separator: " + rest));
          return docs;
        }
        docs.add(new Document(current.toString(), start));
        current.setLength(0);
        start = lineNo + 1;
        continue;
      }
      current.append(line).append('\n');
    }
    docs.add(new Document(current.toString(), start));
    return docs;
  }

  /** Converts one document to JSON; null when it holds nothing (only comments or blank). */
  static JsonNode toJson(String document) throws YamlSyntaxException {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setAllowDuplicateKeys(true);
    options.setCodePointLimit(ManifestReader.MAX_BYTES);
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(document));
    } catch (MarkedYAMLException e) {
      throw new YamlSyntaxException(goYamlMessage(e));
    } catch (YAMLException e) {
      throw new YamlSyntaxException(limitMessage(e));
    }
    if (root == null) return null;
    int[] budget = {MAX_NODES};
    JsonNode json = convert(root, budget);
    return json.isNull() ? null : json;
  }

  private static JsonNode convert(Node node, int[] budget) throws YamlSyntaxException {
    if (--budget[0] < 0) throw new YamlSyntaxException("yaml: document contains excessive aliasing");
    if (node instanceof MappingNode map) {
      ObjectNode obj = F.objectNode();
      for (NodeTuple t : map.getValue()) {
        JsonNode key = convert(t.getKeyNode(), budget);
        // Duplicate keys: the last one wins, as in kubectl's (non-strict) YAML to JSON conversion.
        obj.set(key.isTextual() ? key.textValue() : key.toString(), convert(t.getValueNode(), budget));
      }
      return obj;
    }
    if (node instanceof SequenceNode seq) {
      ArrayNode arr = F.arrayNode();
      for (Node item : seq.getValue()) arr.add(convert(item, budget));
      return arr;
    }
    ScalarNode scalar = (ScalarNode) node;
    String v = scalar.getValue();
    Tag tag = scalar.getTag();
    if (tag.equals(Tag.NULL)) return F.nullNode();
    if (tag.equals(Tag.BOOL)) {
      String l = v.toLowerCase(Locale.ROOT);
      return F.booleanNode(l.equals("true") || l.equals("yes") || l.equals("on") || l.equals("y"));
    }
    if (tag.equals(Tag.INT) && yaml11Int(v) != null) {
      BigInteger b = yaml11Int(v);
      if (b.bitLength() < 32) return F.numberNode(b.intValue());
      return b.bitLength() < 63 ? F.numberNode(b.longValue()) : F.numberNode(b);
    }
    if (tag.equals(Tag.FLOAT)) {
      try {
        double d = Double.parseDouble(v.replace("_", ""));
        // Go's JSON writes a whole float64 without a fraction (1.0 -> 1), so it then fits an int field.
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
          return d == (int) d ? F.numberNode((int) d) : F.numberNode((long) d);
        }
        return F.numberNode(d);
      } catch (NumberFormatException e) {
        return F.textNode(v);
      }
    }
    return F.textNode(v);
  }

  /**
   * A YAML 1.1 integer as go-yaml v2 reads it: decimal, {@code 0x} hex, {@code 0b} binary and a
   * leading {@code 0} for octal (so {@code defaultMode: 0644} is 420); null for other forms.
   */
  static BigInteger yaml11Int(String text) {
    String v = text.replace("_", "");
    boolean negative = v.startsWith("-");
    if (v.startsWith("-") || v.startsWith("+")) v = v.substring(1);
    BigInteger n;
    try {
      if (v.startsWith("0x")) n = new BigInteger(v.substring(2), 16);
      else if (v.startsWith("0b")) n = new BigInteger(v.substring(2), 2);
      else if (v.length() > 1 && v.startsWith("0")) n = new BigInteger(v.substring(1), 8);
      else if (INT.matcher(v).matches()) n = new BigInteger(v);
      else return null;
    } catch (NumberFormatException e) {
      return null;
    }
    return negative ? n.negate() : n;
  }

  /** SnakeYAML's wording and marks, turned into go-yaml's (the library behind kubectl). */
  static String goYamlMessage(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    boolean scanner = e instanceof ScannerException;
    String text;
    if (problem.startsWith("mapping values are not allowed")) {
      text = "mapping values are not allowed in this context";
    } else if (problem.contains("that cannot start any token")) {
      text = "found character that cannot start any token";
    } else if (problem.startsWith("could not find expected ':'")) {
      text = "could not find expected ':'";
    } else if (problem.startsWith("found unexpected end of stream")) {
      text = "found unexpected end of stream";
    } else if (problem.startsWith("found undefined alias")) {
      return "yaml: unknown anchor '" + problem.substring(problem.lastIndexOf(' ') + 1) + "' referenced";
    } else if (e instanceof ParserException && context.contains("block mapping")) {
      text = "did not find expected key";
    } else if (e instanceof ParserException && context.contains("block collection")) {
      text = "did not find expected '-' indicator";
    } else if (e instanceof ParserException && context.contains("flow mapping")) {
      text = "did not find expected ',' or '}'";
    } else if (e instanceof ParserException && context.contains("flow sequence")) {
      text = "did not find expected ',' or ']'";
    } else if (e instanceof ParserException && problem.startsWith("expected the node content")) {
      text = "did not find expected node content";
    } else if (e instanceof ComposerException && problem.contains("exceeds the specified max")) {
      return "yaml: document contains excessive aliasing";
    } else {
      text = problem.isEmpty() ? context : problem;
    }
    // go-yaml: scanner errors name the 1-based line of the problem; parser errors use the 0-based
    // line number unchanged (so they point one line up), and a zero line is left out.
    Mark problemMark = e.getProblemMark();
    Mark contextMark = e.getContextMark();
    int line = 0;
    if (problemMark != null && problemMark.getLine() != 0) {
      line = problemMark.getLine() + (scanner ? 1 : 0);
    } else if (contextMark != null && contextMark.getLine() != 0) {
      line = contextMark.getLine();
    }
    return line == 0 ? "yaml: " + text : "yaml: line " + line + ": " + text;
  }

  private static String limitMessage(YAMLException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.contains("aliases")) return "yaml: document contains excessive aliasing";
    if (m.contains("Nesting Depth")) return "yaml: exceeded max depth of " + MAX_DEPTH;
    if (m.contains("code points")) return "yaml: input is larger than " + (ManifestReader.MAX_BYTES / 1024 / 1024) + " MB";
    if (m.contains("special characters are not allowed")) return "yaml: control characters are not allowed";
    return "yaml: " + m;
  }
}
