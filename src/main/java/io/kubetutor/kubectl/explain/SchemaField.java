package io.kubetutor.kubectl.explain;

import java.util.List;

/**
 * One property of a {@link SchemaType}.
 *
 * @param type   kubectl's type hint, e.g. {@code string}, {@code []Container}, {@code map[string]string}
 * @param ref    the type whose fields lie below this one (the element type of a list or map), or null
 * @param enumValues the allowed values, printed as {@code enum:} / {@code ENUM:} lines; empty when unknown
 */
public record SchemaField(String name, String type, String ref, boolean required, String description,
    List<String> enumValues) {

  public SchemaField {
    description = description == null ? "" : description;
    enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
  }
}
