package io.kubetutor.kubectl.verbs;

import io.kubetutor.kubectl.manifest.Manifest;
import picocli.CommandLine.Option;

/** kubectl's {@code --validate} of apply, create and replace. */
final class ValidateOption {

  @Option(names = "--validate", arity = "0..1", fallbackValue = "strict", paramLabel = "MODE",
      description = "Must be one of: strict (or true), warn, ignore (or false).")
  String validate;

  Manifest.Validation mode() {
    return Manifest.Validation.parse(validate);
  }
}
