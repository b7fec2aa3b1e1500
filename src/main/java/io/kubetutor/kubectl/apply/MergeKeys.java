package io.kubetutor.kubectl.apply;

/**
 * The strategic-merge keys of Kubernetes lists ({@code patchMergeKey} in k8s.io/api): lists that
 * have one are merged element by element, matching elements by that field; all other lists are
 * replaced whole ("atomic"), as in a strategic merge patch.
 */
final class MergeKeys {

  private MergeKeys() {}

  /**
   * The merge key of the list at {@code field}, or null for an atomic list.
   *
   * @param parentPath dotted path of the object holding the list, e.g. {@code spec.template.spec.containers[]}
   */
  static String keyFor(String parentPath, String field) {
    return switch (field) {
      case "containers", "initContainers", "ephemeralContainers", "volumes", "env", "imagePullSecrets",
          "resourceClaims" -> "name";
      case "volumeMounts" -> "mountPath";
      case "volumeDevices" -> "devicePath";
      case "hostAliases" -> "ip";
      case "topologySpreadConstraints" -> "topologyKey";
      case "conditions" -> "type";
      case "ownerReferences" -> "uid";
      // Container ports merge by containerPort; a Service's by port.
      case "ports" -> parentPath.endsWith("ontainers[]") ? "containerPort" : "port";
      default -> null;
    };
  }
}
