package io.kubetutor.lesson.check;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.ClusterException;

/**
 * An object exists ({@code present == true}) or is absent. An object being deleted (it has a
 * deletionTimestamp) counts as absent: the student already asked for it to go.
 */
public record ObjectExistsCheck(ObjectRef ref, boolean present, String message) implements Check {

  @Override
  public String description() {
    return ref + (present ? " exists" : " does not exist");
  }

  @Override
  public String failureMessage() {
    return message != null ? message : description().replace(" exists", " should exist")
        .replace(" does not exist", " should not exist");
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    boolean found;
    try {
      HasMetadata obj = context.cluster().get(ref.kind(), ref.namespaceOr(context.namespace()), ref.name());
      found = obj.getMetadata().getDeletionTimestamp() == null;
    } catch (ClusterException e) {
      if (e.code() != 404) return CheckResult.fail("could not read " + ref + ": " + e.getMessage());
      found = false;
    }
    String detail = ref + (found ? " found" : " not found");
    return found == present ? CheckResult.pass(detail) : CheckResult.fail(detail);
  }
}
