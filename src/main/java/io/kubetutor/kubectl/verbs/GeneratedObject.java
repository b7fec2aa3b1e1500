package io.kubetutor.kubectl.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.print.Documents;
import java.io.PrintWriter;

/**
 * Sends or prints an object that an imperative command ({@code create deployment}, {@code run},
 * {@code expose} ...) built on the client. With {@code --dry-run=client -o yaml} kubectl prints its
 * Go struct as it stands: zero-valued structs appear ({@code creationTimestamp: null},
 * {@code resources: {}}, {@code status: {}}). The YAML keys come out sorted, because kubectl turns
 * JSON into YAML through a map, while {@code -o json} keeps the Go struct's field order. Those Go zero
 * values are added here, per kind.
 */
final class GeneratedObject {

  private GeneratedObject() {}

  /**
   * Creates (or, on client dry-run, only prints) {@code object}. {@code wrap} is kubectl's error
   * prefix for imperative creates ({@code failed to create deployment}); null keeps the API error.
   */
  static int createAndPrint(Cluster cluster, PrintWriter out, HasMetadata object, String dryRunFlag, String output,
                            String wrap, String operation) {
    Cluster.DryRun dryRun = WriteOutput.dryRun(dryRunFlag);
    WriteOutput printer = new WriteOutput(output, dryRun, out);
    ResourceKind kind = ResourceKind.forObject(object).orElseThrow();
    if (dryRun == Cluster.DryRun.CLIENT) {
      if ("yaml".equals(output)) {
        out.print(Documents.yaml(Documents.tree(goZeroValues(kind, object))));
      } else if ("json".equals(output)) {
        out.print(Documents.json(Documents.goStruct(goZeroValues(kind, object))));
      } else {
        printer.print(kind, object, operation);
      }
      return 0;
    }
    HasMetadata created;
    try {
      created = cluster.create(object, dryRun);
    } catch (ClusterException e) {
      if (wrap == null) throw e;
      throw new KubectlException(wrap + ": " + e.getMessage());
    }
    if ("json".equals(output)) {
      // kubectl decodes the server's answer into the same Go type, so JSON keeps the struct's order.
      out.print(Documents.json(Documents.goStruct(Objects.toTree(created))));
    } else {
      printer.print(kind, created, operation);
    }
    return 0;
  }

  /** The tree kubectl's client would serialize for {@code object}: its Go struct, zero values included. */
  static JsonNode goZeroValues(ResourceKind kind, HasMetadata object) {
    ObjectNode tree = (ObjectNode) Objects.toTree(object);
    zeroMetadata(tree);
    switch (kind) {
      case DEPLOYMENT -> {
        ObjectNode spec = object(tree, "spec");
        if (!spec.has("strategy")) spec.putObject("strategy");
        ObjectNode template = object(spec, "template");
        zeroMetadata(template);
        zeroPodSpec(object(template, "spec"));
        if (!tree.has("status")) tree.putObject("status");
      }
      case POD -> {
        zeroPodSpec(object(tree, "spec"));
        if (!tree.has("status")) tree.putObject("status");
      }
      case NAMESPACE -> {
        if (!tree.has("spec")) tree.putObject("spec");
        if (!tree.has("status")) tree.putObject("status");
      }
      case SERVICE -> {
        ObjectNode status = object(tree, "status");
        if (!status.has("loadBalancer")) status.putObject("loadBalancer");
      }
      default -> { }
    }
    return tree;
  }

  private static void zeroMetadata(ObjectNode owner) {
    ObjectNode meta = object(owner, "metadata");
    if (!meta.has("creationTimestamp")) meta.putNull("creationTimestamp");
  }

  private static void zeroPodSpec(ObjectNode podSpec) {
    JsonNode containers = podSpec.get("containers");
    if (containers == null) return;
    for (JsonNode c : containers) {
      if (c instanceof ObjectNode container && !container.has("resources")) container.putObject("resources");
    }
  }

  private static ObjectNode object(ObjectNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n instanceof ObjectNode o) return o;
    return parent.putObject(field);
  }

}
