package io.kubetutor.kubectl.manifest;

import io.kubetutor.kubectl.KubectlException;

/** A client-side problem with a manifest (missing file, YAML syntax, unknown kind): {@code error: ...}. */
public final class ManifestException extends KubectlException {
  public ManifestException(String message) {
    super(message);
  }
}
