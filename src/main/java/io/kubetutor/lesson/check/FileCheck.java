package io.kubetutor.lesson.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetutor.cluster.Objects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A workspace file exists, and optionally a field of its YAML (the first document) has an expected
 * value, e.g. {@code deployment-basic.yml .spec.replicas = 4}. Paths outside the workspace fail.
 */
public record FileCheck(String path, String field, Expectation expect, String message) implements Check {

  @Override
  public String description() {
    return field == null ? "file " + path + " exists" : "file " + path + " has " + FieldValues.normalise(field) + " " + expect;
  }

  @Override
  public String failureMessage() {
    return message != null ? message : "expected " + description();
  }

  @Override
  public CheckResult evaluate(CheckContext context) {
    Path ws = context.workspace().toAbsolutePath().normalize();
    Path file = ws.resolve(path).normalize();
    if (!file.startsWith(ws)) return CheckResult.fail(path + " is outside the workspace");
    if (!Files.isRegularFile(file)) return CheckResult.fail(path + " does not exist");
    if (field == null) return CheckResult.pass(path + " exists");
    String value;
    try {
      String text = Files.readString(file);
      // The first document of the file, as kubectl apply would read it first.
      try (var docs = Objects.YAML.readerFor(JsonNode.class).<JsonNode>readValues(text)) {
        JsonNode tree = docs.hasNextValue() ? docs.nextValue() : null;
        value = tree == null ? null : FieldValues.read(tree, field);
      }
    } catch (IOException | RuntimeException e) {
      return CheckResult.fail(path + " is not valid YAML");
    }
    String detail = path + " " + FieldValues.normalise(field) + " is " + (value == null ? "not set" : value);
    return expect.test(value) ? CheckResult.pass(detail) : CheckResult.fail(detail);
  }
}
