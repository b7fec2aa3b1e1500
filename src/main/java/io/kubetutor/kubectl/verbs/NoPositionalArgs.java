package io.kubetutor.kubectl.verbs;

import io.kubetutor.kubectl.KubectlException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/**
 * For verbs that take objects only from {@code -f}: kubectl reports positional arguments as
 * {@code Unexpected args: [...]} with the usage hint, rather than ignoring them.
 */
final class NoPositionalArgs {

  @Parameters(arity = "0..*", hidden = true) List<String> stray = new ArrayList<>();

  /** Throws kubectl's usage error for {@code verb} when any positional argument was given. */
  void reject(String verb) {
    if (!stray.isEmpty()) {
      throw KubectlException.usage(verb, "Unexpected args: [" + String.join(" ", stray) + "]");
    }
  }
}
