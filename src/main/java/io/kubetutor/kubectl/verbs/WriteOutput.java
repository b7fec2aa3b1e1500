package io.kubetutor.kubectl.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.print.Documents;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the writing verbs print for each object they change (reference §4.1): the name line
 * {@code deployment.apps/x created}, with the dry-run suffix, or the object itself for
 * {@code -o name|yaml|json}. Also parses {@code --dry-run} the way kubectl does.
 */
final class WriteOutput {

  private final String format;
  private final Cluster.DryRun dryRun;
  private final PrintWriter out;
  private final List<HasMetadata> printed = new ArrayList<>();

  WriteOutput(String format, Cluster.DryRun dryRun, PrintWriter out) {
    String f = format == null ? "" : format;
    if (!f.isEmpty() && !f.equals("name") && !f.equals("yaml") && !f.equals("json")) {
      throw new KubectlException("unable to match a printer suitable for the output format \"" + f
          + "\", allowed formats are: json,name,yaml");
    }
    this.format = f;
    this.dryRun = dryRun;
    this.out = out;
  }

  /** True for {@code -o yaml|json}: the object is printed instead of the name line. */
  boolean printsObjects() {
    return format.equals("yaml") || format.equals("json");
  }

  /** Prints one changed object: {@code kind.group/name operation[ (dry run)]}. */
  void print(ResourceKind kind, HasMetadata object, String operation) {
    String name = kind.qualifiedSingular() + "/" + object.getMetadata().getName();
    switch (format) {
      case "name" -> out.println(name);
      case "yaml", "json" -> printTree(Documents.tree(object));
      default -> out.println(name + " " + operation + suffix(dryRun));
    }
    printed.add(object);
  }

  /**
   * Prints a document already shaped as kubectl's client would serialize it, through the shared
   * printers (go-yaml layout, MarshalIndent JSON); YAML documents after the first get kubectl's
   * {@code ---} separator.
   */
  void printTree(JsonNode tree) {
    if (format.equals("json")) {
      out.print(Documents.json(tree));
    } else {
      if (yamlDocuments++ > 0) out.println("---");
      out.print(Documents.yaml(tree));
    }
  }

  private int yamlDocuments;

  static String suffix(Cluster.DryRun dryRun) {
    return switch (dryRun) {
      case CLIENT -> " (dry run)";
      case SERVER -> " (server dry run)";
      default -> "";
    };
  }

  /** {@code --dry-run[=none|client|server]}; a bare flag is refused as kubectl refuses it. */
  static Cluster.DryRun dryRun(String value) {
    if (value == null || value.equals("none")) return Cluster.DryRun.NONE;
    return switch (value) {
      case "client" -> Cluster.DryRun.CLIENT;
      case "server" -> Cluster.DryRun.SERVER;
      default -> throw new KubectlException("Invalid dry-run value (" + value
          + "). Must be \"none\", \"server\", or \"client\".");
    };
  }

  /** The value picocli gives a bare {@code --dry-run}, which kubectl then refuses. */
  static final String BARE_DRY_RUN = "unchanged";

  /** {@code Resource: "apps/v1, Resource=deployments", ...}: cli-runtime's Info.String(). */
  static String info(ResourceKind kind, String namespace, String name) {
    return "Resource: \"" + kind.group() + "/" + kind.version() + ", Resource=" + kind.plural()
        + "\", GroupVersionKind: \"" + kind.group() + "/" + kind.version() + ", Kind=" + kind.kind() + "\"\n"
        + "Name: \"" + name + "\", Namespace: \"" + (namespace == null ? "" : namespace) + "\"";
  }

  /** Sorted {@code key=value} lines ({@code label --list}, {@code annotate --list}). */
  static void printMap(PrintWriter out, Map<String, String> map) {
    new java.util.TreeMap<>(map == null ? new LinkedHashMap<String, String>() : map)
        .forEach((k, v) -> out.println(k + "=" + v));
  }
}
