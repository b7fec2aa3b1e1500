package io.kubetutor.kubectl.explain;

import io.kubetutor.cluster.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Completion of {@code explain} arguments: the fields that can follow {@code TYPE.path.} as typed so far. */
public final class ExplainPaths {

  private ExplainPaths() {}

  /** {@link #complete(ExplainSchema, String)} on the shipped schema; nothing when the build lacks it. */
  public static List<String> complete(String typed) {
    if (!typed.contains(".")) return List.of();
    try {
      return complete(ExplainSchema.builtIn(), typed);
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      return List.of();
    }
  }

  /**
   * The full words ({@code deploy.spec.replicas}) whose last segment completes what is being typed, or an
   * empty list when the text before the last dot is not a served type followed by existing fields.
   */
  public static List<String> complete(ExplainSchema schema, String typed) {
    int lastDot = typed.lastIndexOf('.');
    if (lastDot < 0) return List.of();
    String head = typed.substring(0, lastDot);
    String partial = typed.substring(lastDot + 1);
    String[] parts = head.split("\\.", -1);
    // The type may carry its group (deployments.apps): the longest prefix that names a served type wins.
    for (int n = parts.length; n >= 1; n--) {
      Optional<ResourceKind> kind = ResourceKind.lookup(String.join(".", List.of(parts).subList(0, n)));
      if (kind.isEmpty()) continue;
      Optional<SchemaType> type = schema.forKind(kind.get());
      for (int i = n; i < parts.length && type.isPresent(); i++) {
        type = type.get().field(parts[i]).flatMap(f -> schema.type(f.ref()));
      }
      List<String> words = new ArrayList<>();
      type.ifPresent(t -> t.fields().stream()
          .filter(f -> f.name().startsWith(partial))
          .forEach(f -> words.add(head + "." + f.name())));
      return words;
    }
    return List.of();
  }
}
