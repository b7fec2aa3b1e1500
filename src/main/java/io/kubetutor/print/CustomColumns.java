package io.kubetutor.print;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -o custom-columns=HEADER:.path,...} and {@code custom-columns-file}: each cell is the
 * jsonpath's values joined by commas, {@code <none>} when the path finds nothing.
 */
public final class CustomColumns {

  private record Column(String header, String path) {}

  private final List<Column> columns;

  private CustomColumns(List<Column> columns) {
    this.columns = columns;
  }

  /** {@code NAME:.metadata.name,IMAGE:.spec.containers[*].image}. */
  public static CustomColumns parse(String spec) {
    if (spec.isEmpty()) throw new PrintException("custom-columns format specified but no custom columns given");
    List<Column> cols = new ArrayList<>();
    for (String part : spec.split(",")) {
      int colon = part.indexOf(':');
      if (colon < 0) {
        throw new PrintException("unexpected custom-columns spec: " + part + ", expected <header>:<json-path-expr>");
      }
      cols.add(column(part.substring(0, colon), part.substring(colon + 1)));
    }
    return new CustomColumns(cols);
  }

  /** A file with a header line and a line of paths, split on whitespace. */
  public static CustomColumns fromFile(String text) {
    String[] lines = text.strip().split("\n");
    if (lines.length < 2) throw new PrintException("expected two lines in the custom-columns file");
    String[] headers = lines[0].trim().split("\\s+");
    String[] paths = lines[1].trim().split("\\s+");
    if (headers.length != paths.length) {
      throw new PrintException("number of headers (" + headers.length + ") and number of paths (" + paths.length
          + ") do not match");
    }
    List<Column> cols = new ArrayList<>();
    for (int i = 0; i < headers.length; i++) cols.add(column(headers[i], paths[i]));
    return new CustomColumns(cols);
  }

  private static Column column(String header, String path) {
    String p = path.trim();
    if (!p.startsWith("{")) p = "{" + (p.startsWith(".") || p.startsWith("$") ? "" : ".") + p + "}";
    JsonPath.parse(p);  // fail early on a bad expression
    return new Column(header, p);
  }

  public String print(List<? extends HasMetadata> objects, boolean noHeaders) {
    TabWriter w = TabWriter.forGet();
    if (!noHeaders) {
      w.write(String.join("\t", columns.stream().map(Column::header).toList()) + "\n");
    }
    for (HasMetadata o : objects) {
      JsonNode tree = Documents.tree(o);
      List<String> cells = new ArrayList<>();
      for (Column c : columns) {
        List<JsonNode> values = JsonPath.values(c.path(), tree);
        List<String> texts = new ArrayList<>();
        for (JsonNode v : values) texts.add(JsonPath.render(v));
        cells.add(texts.isEmpty() ? "<none>" : String.join(",", texts));
      }
      w.write(String.join("\t", cells) + "\n");
    }
    return w.flush();
  }
}
