package io.kubetutor.kubectl.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetutor.cluster.ResourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The field documentation behind {@code kubectl explain}: every served kind's schema with the descriptions of
 * the Kubernetes 1.31 API.
 *
 * <p>The data is not written by hand: the build generates {@value #RESOURCE} from the models of
 * {@code io.kubernetes:client-java-api:22.0.0} (generated from the Kubernetes 1.31 OpenAPI spec; see
 * {@code ExplainSchemaGenerator} and pom.xml). It is read on the first {@code explain}, never at start-up.
 */
public final class ExplainSchema {

  static final String RESOURCE = "schema-v1.31.json.gz";

  private static volatile ExplainSchema builtIn;

  private final Map<String, String> kindToType;
  private final Map<String, SchemaType> types;

  public ExplainSchema(Map<String, String> kindToType, Map<String, SchemaType> types) {
    this.kindToType = Map.copyOf(kindToType);
    this.types = Map.copyOf(types);
  }

  /** The schema shipped in the jar, loaded once on first use. */
  public static ExplainSchema builtIn() {
    ExplainSchema s = builtIn;
    if (s == null) {
      synchronized (ExplainSchema.class) {
        if (builtIn == null) builtIn = load();
        s = builtIn;
      }
    }
    return s;
  }

  private static ExplainSchema load() {
    try (InputStream raw = ExplainSchema.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("the explain schema " + RESOURCE + " is missing from the build (run mvn package)");
      }
      return parse(new ObjectMapper().readTree(new GZIPInputStream(raw)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ExplainSchema parse(JsonNode doc) {
    Map<String, String> kinds = new HashMap<>();
    doc.path("kinds").fields().forEachRemaining(e -> kinds.put(e.getKey(), e.getValue().asText()));
    Map<String, SchemaType> types = new HashMap<>();
    doc.path("types").fields().forEachRemaining(e -> {
      JsonNode t = e.getValue();
      List<SchemaField> fields = new ArrayList<>();
      for (JsonNode f : t.path("fields")) {
        List<String> enums = new ArrayList<>();
        f.path("enum").forEach(v -> enums.add(v.asText()));
        fields.add(new SchemaField(f.path("name").asText(), f.path("type").asText(),
            f.hasNonNull("ref") ? f.get("ref").asText() : null, f.path("required").asBoolean(false),
            f.path("description").asText(""), enums));
      }
      types.put(e.getKey(), new SchemaType(t.path("name").asText(), t.path("description").asText(""), fields));
    });
    return new ExplainSchema(kinds, types);
  }

  /** The top-level type of a served kind, if the schema has it. */
  public Optional<SchemaType> forKind(ResourceKind kind) {
    return Optional.ofNullable(kindToType.get(kind.apiVersion() + "/" + kind.kind())).map(types::get);
  }

  /** A type by the key a field's {@link SchemaField#ref()} names. */
  public Optional<SchemaType> type(String ref) {
    return Optional.ofNullable(ref).map(types::get);
  }
}
