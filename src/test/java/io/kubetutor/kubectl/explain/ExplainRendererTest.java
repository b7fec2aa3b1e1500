package io.kubetutor.kubectl.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.kubectl.KubectlException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The layout rules of the renderer on a small hand-made schema (enums, required marks, cycles, gaps). */
class ExplainRendererTest {

  private static SchemaField field(String name, String type, String ref, String description, String... enums) {
    return new SchemaField(name, type, ref, false, description, List.of(enums));
  }

  private final ExplainSchema schema = new ExplainSchema(
      Map.of("v1/ConfigMap", "Root"),
      Map.of(
          "Root", new SchemaType("ConfigMap", "", List.of(
              field("mode", "string", null, "How it works.", "", "Always", "IfNotPresent", "Never", "Sometimes"),
              new SchemaField("node", "Node", "Node", true, "", List.of()),
              field("plain", "string", null, ""))),
          "Node", new SchemaType("Node", "A node of a tree.", List.of(
              field("child", "Node", "Node", "The next node."),
              field("policy", "string", null, "Pull policy.", "Always", "Never")))));

  private final ExplainRenderer renderer = new ExplainRenderer(schema);

  @Test
  void fieldListShowsRequiredMarksShortEnumsAndPlaceholders() {
    assertThat(renderer.render(ResourceKind.CONFIGMAP, List.of(), false)).isEqualTo("KIND:       ConfigMap\n"
        + "VERSION:    v1\n"
        + "\n"
        + "DESCRIPTION:\n"
        + "    <empty>\n"
        + "FIELDS:\n"
        + "  mode\t<string>\n"
        + "  enum: \"\", Always, IfNotPresent, Never, ....\n"
        + "    How it works.\n"
        + "\n"
        + "  node\t<Node> -required-\n"
        + "    A node of a tree.\n"
        + "\n"
        + "  plain\t<string>\n"
        + "    <no description>\n"
        + "\n"
        + "\n");
  }

  @Test
  void fieldViewListsEveryEnumValue() {
    assertThat(renderer.render(ResourceKind.CONFIGMAP, List.of("node", "policy"), false)).isEqualTo(
        "KIND:       ConfigMap\n"
            + "VERSION:    v1\n"
            + "\n"
            + "FIELD: policy <string>\n"
            + "ENUM:\n"
            + "    Always\n"
            + "    Never\n"
            + "\n"
            + "DESCRIPTION:\n"
            + "    Pull policy.\n"
            + "    \n"
            + "\n");
  }

  @Test
  void recursiveStopsAtATypeAlreadyOnThePath() {
    assertThat(renderer.render(ResourceKind.CONFIGMAP, List.of(), true)).endsWith("FIELDS:\n"
        + "  mode\t<string>\n"
        + "  enum: \"\", Always, IfNotPresent, Never, ....\n"
        + "  node\t<Node> -required-\n"
        + "    child\t<Node>\n"
        + "    policy\t<string>\n"
        + "    enum: Always, Never\n"
        + "  plain\t<string>\n"
        + "\n");
  }

  @Test
  void aSelfReferenceCanStillBeFollowedByPath() {
    assertThat(renderer.render(ResourceKind.CONFIGMAP, List.of("node", "child", "child"), false))
        .contains("FIELD: child <Node>\n\n\nDESCRIPTION:\n    The next node.\n    A node of a tree.\n    \nFIELDS:\n");
  }

  @Test
  void aKindMissingFromTheSchemaIsReportedLikeKubectl() {
    assertThatThrownBy(() -> renderer.render(ResourceKind.POD, List.of(), false))
        .isInstanceOf(KubectlException.class)
        .hasMessage("GVR (/v1, Resource=pods) not found in OpenAPI schema");
  }

  @Test
  void theShippedSchemaCoversEveryServedKind() {
    ExplainSchema shipped = ExplainSchema.builtIn();
    for (ResourceKind k : ResourceKind.values()) {
      SchemaType t = shipped.forKind(k).orElseThrow(() -> new AssertionError("no schema for " + k));
      assertThat(t.name()).as("%s", k).isEqualTo(k.kind());
      assertThat(t.description()).as("%s", k).isNotBlank();
      assertThat(t.field("metadata")).as("%s", k).isPresent();
      // Every reference leads to a type the resource holds.
      for (SchemaField f : t.fields()) {
        if (f.ref() != null) assertThat(shipped.type(f.ref())).as("%s.%s", k, f.name()).isPresent();
      }
    }
  }
}
