package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.kubectl.KubectlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;

/**
 * {@code kubectl label}: adds ({@code key=value}), changes (with {@code --overwrite}) and removes
 * ({@code key-}) labels; prints {@code labeled}, {@code not labeled} or {@code unlabeled} as
 * kubectl decides them from the object before and after.
 */
@Command(name = "label", description = "Update the labels on a resource",
    footerHeading = "%nExamples:%n",
    footer = {"  # Update pod 'foo' with the label 'unhealthy' and the value 'true'", "  kubectl label pods foo unhealthy=true",
        "", "  # Remove the label named 'bar' from pod 'foo'", "  kubectl label pods foo bar-"})
public final class LabelVerb extends MetadataMapVerb {

  private static final Pattern VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  private static final String VALUE_MESSAGE = "a valid label must be an empty string or consist of alphanumeric"
      + " characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or"
      + " 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

  @Override String noun() { return "label"; }

  @Override Map<String, String> get(HasMetadata object) { return object.getMetadata().getLabels(); }

  @Override void set(HasMetadata object, Map<String, String> values) { object.getMetadata().setLabels(values); }

  /** kubectl checks label values itself; keys are left to the apiserver's validation. */
  @Override
  void validate(String pair, String key, String value) {
    if (pair.indexOf('=') != pair.lastIndexOf('=')) throw new KubectlException("invalid label spec: " + pair);
    List<String> valueErrors = new ArrayList<>();
    if (value.length() > 63) valueErrors.add("must be no more than 63 characters");
    if (!VALUE.matcher(value).matches()) valueErrors.add(VALUE_MESSAGE);
    if (!valueErrors.isEmpty()) {
      throw new KubectlException("invalid label value: \"" + pair + "\": " + String.join(";", valueErrors));
    }
  }

  @Override
  void checkOverwrites(Map<String, String> existing, Map<String, String> changes) {
    for (Map.Entry<String, String> c : changes.entrySet()) {
      String current = existing.get(c.getKey());
      if (current != null && !current.equals(c.getValue())) {
        throw new KubectlException("'" + c.getKey() + "' already has a value (" + current + "), and --overwrite is false");
      }
    }
  }

  /** kubectl's updateDataChangeMsg: unchanged, changed, or shrunk without --overwrite. */
  @Override
  String outcome(String before, String after) {
    if (before.equals(after)) return "not labeled";
    return !overwrite && after.length() < before.length() ? "unlabeled" : "labeled";
  }
}
