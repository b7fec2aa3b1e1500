package io.kubetutor.kubectl.explain;

import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.kubectl.KubectlException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders {@code kubectl explain} in kubectl 1.31's default {@code plaintext} layout (the OpenAPI v3 template
 * {@code explain/v2/templates/plaintext.tmpl}): the {@code GROUP/KIND/VERSION} header, {@code FIELD:} for a
 * path, the wrapped {@code DESCRIPTION:}, and the {@code FIELDS:} list, or its {@code --recursive} tree.
 */
public final class ExplainRenderer {

  private final ExplainSchema schema;

  public ExplainRenderer(ExplainSchema schema) {
    this.schema = schema;
  }

  /**
   * The text kubectl prints for {@code kubectl explain KIND[.path]}.
   *
   * @throws KubectlException {@code field "x" does not exist} when the path leaves the schema
   */
  public String render(ResourceKind kind, List<String> path, boolean recursive) {
    SchemaType root = schema.forKind(kind).orElseThrow(() -> new KubectlException(
        "GVR (" + kind.group() + "/" + kind.version() + ", Resource=" + kind.plural() + ") not found in OpenAPI schema"));
    StringBuilder out = new StringBuilder();
    if (!kind.group().isEmpty()) out.append("GROUP:      ").append(kind.group()).append('\n');
    out.append("KIND:       ").append(kind.kind()).append('\n');
    out.append("VERSION:    ").append(kind.version()).append("\n\n");

    // Follow the path; the last step names the field whose details are shown.
    SchemaType type = root;
    SchemaField field = null;
    for (int i = 0; i < path.size(); i++) {
      SchemaField next = type == null ? null : type.field(path.get(i)).orElse(null);
      if (next == null) {
        // kubectl names the last element of the path, whichever step failed.
        throw new KubectlException("field \"" + path.get(path.size() - 1) + "\" does not exist");
      }
      field = next;
      type = schema.type(next.ref()).orElse(null);
    }

    if (field != null) {
      out.append("FIELD: ").append(field.name()).append(" <").append(field.type()).append(">\n");
      if (!field.enumValues().isEmpty()) {
        out.append("ENUM:");
        for (String v : field.enumValues()) out.append("\n    ").append(enumValue(v));
      }
      out.append("\n\n");
    }

    out.append("DESCRIPTION:\n");
    String description = description(field, type);
    out.append(WordWrap.indent(WordWrap.wrap(description.isEmpty() ? "<empty>" : description, 76), 4)).append('\n');
    if (type != null && !type.fields().isEmpty()) {
      out.append("FIELDS:\n");
      fieldList(out, type, 1, recursive, new HashSet<>());
    }
    out.append('\n');
    return out.toString();
  }

  /**
   * The description of the explained schema: the field's own text, then the text of the type it refers to,
   * each ending in a line break (kubectl walks the field and its referenced schema the same way).
   */
  private static String description(SchemaField field, SchemaType type) {
    StringBuilder d = new StringBuilder();
    if (field != null && !field.description().isEmpty()) d.append(field.description()).append('\n');
    if (type != null && !type.description().isEmpty()) d.append(type.description()).append('\n');
    return d.toString();
  }

  private void fieldList(StringBuilder out, SchemaType type, int level, boolean recursive, Set<String> seen) {
    int indent = level * 2;
    for (SchemaField f : type.fields()) {
      out.append(" ".repeat(indent)).append(f.name()).append("\t<").append(f.type()).append('>');
      if (f.required()) out.append(" -required-");
      if (!f.enumValues().isEmpty()) out.append('\n').append(" ".repeat(indent)).append("enum: ").append(shortEnum(f));
      out.append('\n');
      SchemaType child = schema.type(f.ref()).orElse(null);
      if (!recursive) {
        out.append(WordWrap.indent(WordWrap.wrap(fieldDescription(f, child), 78 - indent), indent + 2)).append("\n\n");
      } else if (child != null && !seen.contains(f.ref())) {
        // A type met again on the way down is a cycle: kubectl stops there.
        Set<String> below = new HashSet<>(seen);
        below.add(f.ref());
        fieldList(out, child, level + 1, true, below);
      }
    }
  }

  /**
   * A field's text in the list. The 1.31 spec keeps the text of an object-typed field beside its reference,
   * which the generated models we read drop; for those we show the referenced type's own description rather
   * than kubectl's {@code <no description>}.
   */
  private static String fieldDescription(SchemaField f, SchemaType child) {
    if (!f.description().isEmpty()) return f.description();
    if (child != null && !child.description().isEmpty()) return child.description();
    return "<no description>";
  }

  /** The one-line enum of the field list: at most four values, then {@code , ....}. */
  private static String shortEnum(SchemaField f) {
    StringBuilder s = new StringBuilder();
    List<String> values = f.enumValues();
    for (int i = 0; i < values.size(); i++) {
      if (i >= 4) {
        s.append(", ....");
        break;
      }
      if (i > 0) s.append(", ");
      s.append(enumValue(values.get(i)));
    }
    return s.toString();
  }

  private static String enumValue(String v) {
    return v.isEmpty() ? "\"\"" : v;
  }
}
