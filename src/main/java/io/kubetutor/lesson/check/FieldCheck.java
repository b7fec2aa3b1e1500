package io.kubetutor.lesson.check;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.Objects;

/** A field of a live object has the expected value, e.g. {@code deployment/hello .spec.replicas = 4}. */
public record FieldCheck(ObjectRef ref, String path, Expectation expect, String message) implements Check {

  @Override
  public String description() {
    return ref + " " + FieldValues.normalise(path) + " " + expect;
  }

  @Override
  public String failureMessage() {
    return message != null ? message : "expected " + description();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    HasMetadata obj;
    try {
      obj = context.cluster().get(ref.kind(), ref.namespaceOr(context.namespace()), ref.name());
    } catch (ClusterException e) {
      return CheckResult.fail(ref + " not found");
    }
    String value;
    try {
      value = FieldValues.read(Objects.toTree(obj), path);
    } catch (RuntimeException e) {
      return CheckResult.fail("cannot read " + path + ": " + e.getMessage());
    }
    String detail = ref + " " + FieldValues.normalise(path) + " is " + (value == null ? "not set" : value);
    return expect.test(value) ? CheckResult.pass(detail) : CheckResult.fail(detail);
  }
}
