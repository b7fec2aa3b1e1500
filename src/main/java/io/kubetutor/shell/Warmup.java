package io.kubetutor.shell;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubetutor.cluster.Objects;
import io.kubetutor.kubectl.manifest.ManifestReader;
import io.kubetutor.print.ObjectPrinter;

/**
 * Loads what the first {@code apply} and {@code get -o yaml} need (Jackson's YAML parser, the fabric8
 * model's deserializers, the printers) on a background thread: measured, the first fabric8 YAML
 * parse costs most of a second on a cold JVM, which the student would otherwise wait for.
 */
final class Warmup {

  private Warmup() {}

  private static final String SAMPLE = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: warm\n"
      + "  labels: {app: warm}\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: warm}\n"
      + "  template:\n    metadata:\n      labels: {app: warm}\n    spec:\n      containers:\n"
      + "      - name: c\n        image: busybox\n        command: ['sh', '-c', 'sleep 1']\n";

  static void serialization() {
    try {
      HasMetadata d = Objects.fromTree(ManifestReader.parseDocument(SAMPLE), Deployment.class);
      Objects.toTree(Objects.copy(d));
      ObjectPrinter.forFormat("yaml", null).print(d);
    } catch (RuntimeException | Error e) {
      // Only a head start: whatever fails here fails again, properly reported, when a command needs it.
    }
  }
}
