package io.kubetutor.kubectl.verbs;

import io.kubetutor.kubectl.KubectlEnv;
import io.kubetutor.kubectl.manifest.Manifest;
import io.kubetutor.kubectl.manifest.ManifestReader;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** kubectl's {@code -f/--filename} and {@code -R/--recursive}, shared by the verbs that read manifests. */
final class ManifestOptions {

  @Option(names = {"-f", "--filename"}, paramLabel = "FILE", split = ",",
      description = "Filename, directory, or - for stdin, of the manifests to use")
  List<String> filenames = new ArrayList<>();

  @Option(names = {"-R", "--recursive"}, arity = "0..1", fallbackValue = "true",
      description = "Process the directory used in -f, --filename recursively.")
  boolean recursive;

  boolean given() {
    return filenames != null && !filenames.isEmpty();
  }

  ManifestReader.Result read(KubectlEnv env, String namespace, boolean namespaceExplicit) {
    return read(env, namespace, namespaceExplicit, Manifest.Validation.STRICT);
  }

  ManifestReader.Result read(KubectlEnv env, String namespace, boolean namespaceExplicit, Manifest.Validation mode) {
    return new ManifestReader(env.workdir(), env.in(), namespace, namespaceExplicit).readableBy(env::readable)
        .validation(mode)
        .read(filenames, recursive);
  }
}
