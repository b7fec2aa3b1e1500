package io.kubetutor.kubectl.verbs;

import io.kubetutor.cluster.ClusterException;
import io.kubetutor.kubectl.KubectlException;
import java.io.PrintWriter;
import java.util.List;

/** Prints the errors a verb collected while carrying on with the other objects, as kubectl does at the end. */
final class Errors {

  private Errors() {}

  /** Prints each error on stderr; returns the exit code (1 when there was any). */
  static int print(PrintWriter err, List<? extends RuntimeException> errors) {
    for (RuntimeException e : errors) {
      if (e instanceof ClusterException c) {
        err.println(c.toKubectlMessage());
      } else if (e instanceof KubectlException k) {
        err.println(k.render());
      } else {
        err.println("error: " + e.getMessage());
      }
    }
    return errors.isEmpty() ? 0 : 1;
  }
}
