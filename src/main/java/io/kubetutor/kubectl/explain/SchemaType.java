package io.kubetutor.kubectl.explain;

import java.util.List;
import java.util.Optional;

/** An object type of the API (e.g. {@code PodSpec}) with its properties, sorted by name as kubectl lists them. */
public record SchemaType(String name, String description, List<SchemaField> fields) {

  public SchemaType {
    description = description == null ? "" : description;
    fields = List.copyOf(fields);
  }

  public Optional<SchemaField> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }
}
