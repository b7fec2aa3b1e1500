package io.kubetutor.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.builder.Editable;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Helpers for fabric8 model objects shared by every layer: deep copies and the JSON/YAML mappers
 * (one Jackson configuration, so the simulator, printers and lessons agree byte for byte).
 */
public final class Objects {

  private Objects() {}

  /** Mapper for JSON; fields that are null are left out, as the apiserver does. */
  public static final ObjectMapper JSON = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /** Mapper for YAML in kubectl's style: no document marker, block style, minimal quotes. */
  public static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      // Strings that look like numbers ("1002", "3600") stay quoted, or they would read back as numbers.
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build())
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /** A deep copy through the object's fabric8 builder (much cheaper than a JSON round trip). */
  @SuppressWarnings("unchecked")
  public static <T extends HasMetadata> T copy(T object) {
    if (object == null) return null;
    if (object instanceof Editable<?> editable) {
      Object builder = editable.edit();
      if (builder instanceof VisitableBuilder<?, ?> vb) return (T) vb.build();
    }
    return (T) JSON.convertValue(object, object.getClass());
  }

  /** The object as a JSON tree (for three-way merges, jsonpath and lesson checks). */
  public static JsonNode toTree(Object object) {
    return JSON.valueToTree(object);
  }

  public static <T> T fromTree(JsonNode tree, Class<T> type) {
    try {
      return JSON.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  public static String toJson(Object object) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String toYaml(Object object) {
    try {
      return YAML.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
