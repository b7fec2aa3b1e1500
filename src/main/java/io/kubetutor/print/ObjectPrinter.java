package io.kubetutor.print;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * The non-table output formats of {@code -o}: {@code yaml}, {@code json}, {@code name},
 * {@code jsonpath=...}, {@code jsonpath-file=...} (text given by the caller), and
 * {@code custom-columns=...}. Verbs that print objects (get, create, apply, ...) call
 * {@link #forFormat} and then {@link #print}.
 */
public interface ObjectPrinter {

  /** Formats every caller may offer, in kubectl's "allowed formats" order. */
  String ALLOWED = "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,"
      + "jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";

  /**
   * Prints objects. {@code asList} is true when the command asked for a collection (for example
   * {@code get pods}): yaml/json then wrap the items in a {@code List}, even one item.
   */
  String print(List<? extends HasMetadata> objects, boolean asList);

  /** Convenience for one object (as {@code get pod x -o yaml} or {@code create -o yaml} print it). */
  default String print(HasMetadata object) {
    return print(List.of(object), false);
  }

  /**
   * The printer for an {@code -o} value; {@code fileText} is the content of the file named by
   * {@code jsonpath-file=}/{@code custom-columns-file=} (the verb reads it), else null. Throws
   * {@link PrintException} for formats kubectl does not know.
   */
  static ObjectPrinter forFormat(String output, String fileText) {
    return forFormat(output, fileText, false);
  }

  /** As {@link #forFormat(String, String)}; {@code noHeaders} drops the custom-columns header. */
  static ObjectPrinter forFormat(String output, String fileText, boolean noHeaders) {
    String format = output;
    String arg = null;
    int eq = output.indexOf('=');
    if (eq >= 0) {
      format = output.substring(0, eq);
      arg = output.substring(eq + 1);
    }
    switch (format) {
      case "yaml":
        return (objects, asList) -> asList || objects.size() != 1
            ? Documents.yaml(Documents.list(objects)) : Documents.yaml(Documents.tree(objects.get(0)));
      case "json":
        return (objects, asList) -> asList || objects.size() != 1
            ? Documents.json(Documents.list(objects)) : Documents.json(Documents.tree(objects.get(0)));
      case "name":
        return (objects, asList) -> {
          StringBuilder sb = new StringBuilder();
          for (HasMetadata o : objects) sb.append(NamePrinter.name(o)).append('\n');
          return sb.toString();
        };
      case "jsonpath", "jsonpath-file": {
        String template = format.equals("jsonpath-file") ? fileText : arg;
        if (template == null || template.isEmpty()) throw new PrintException("template format specified but no template given");
        JsonPath path = JsonPath.parse(template);
        return (objects, asList) -> {
          JsonNode root = asList || objects.size() != 1 ? Documents.list(objects) : Documents.tree(objects.get(0));
          return path.execute(root);
        };
      }
      case "custom-columns", "custom-columns-file": {
        CustomColumns columns = format.equals("custom-columns-file")
            ? CustomColumns.fromFile(fileText == null ? "" : fileText) : CustomColumns.parse(arg == null ? "" : arg);
        return (objects, asList) -> columns.print(objects, noHeaders);
      }
      default:
        throw new PrintException("unable to match a printer suitable for the output format \"" + output
            + "\", allowed formats are: " + ALLOWED);
    }
  }
}
