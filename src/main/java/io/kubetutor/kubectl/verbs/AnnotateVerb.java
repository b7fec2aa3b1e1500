package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.kubectl.KubectlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code kubectl annotate}: sets ({@code key=value}, {@code --overwrite}) and removes ({@code key-}) annotations. */
@Command(name = "annotate", description = "Update the annotations on a resource",
    footerHeading = "%nExamples:%n",
    footer = {"  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'",
        "  kubectl annotate pods foo description='my frontend'"})
public final class AnnotateVerb extends MetadataMapVerb {

  /** kubectl lets this one be overwritten without --overwrite. */
  private static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

  @Override String noun() { return "annotation"; }

  @Override Map<String, String> get(HasMetadata object) { return object.getMetadata().getAnnotations(); }

  @Override void set(HasMetadata object, Map<String, String> values) { object.getMetadata().setAnnotations(values); }

  @Override
  void validate(String pair, String key, String value) {
    if (key.isEmpty()) throw new KubectlException("invalid annotation format: " + pair);
  }

  @Override
  void checkOverwrites(Map<String, String> existing, Map<String, String> changes) {
    List<String> found = new ArrayList<>();
    for (String key : changes.keySet()) {
      if (key.equals(CHANGE_CAUSE)) continue;
      String current = existing.get(key);
      if (current != null) found.add("'" + key + "' already has a value (" + current + ")");
    }
    if (!found.isEmpty()) {
      throw new KubectlException("--overwrite is false but found the following declared annotation(s): "
          + String.join("; ", found));
    }
  }

  @Override
  String outcome(String before, String after) {
    return "annotated";
  }
}
