package io.kubetutor.sim;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.kubetutor.cluster.ResourceKind;
import java.util.Set;

/** The fields the apiserver accepts in a field selector, per kind, and their values on an object. */
final class FieldSelectors {

  private FieldSelectors() {}

  private static final Set<String> POD = Set.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
      "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName");
  private static final Set<String> EVENT = Set.of("involvedObject.kind", "involvedObject.namespace",
      "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
      "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type");

  static boolean supported(ResourceKind kind, String field) {
    if (field.equals("metadata.name") || field.equals("metadata.namespace")) return true;
    return switch (kind) {
      case POD -> POD.contains(field);
      case EVENT -> EVENT.contains(field);
      case SECRET -> field.equals("type");
      case NODE -> field.equals("spec.unschedulable");
      case NAMESPACE -> field.equals("status.phase");
      case REPLICASET -> field.equals("status.replicas");
      case JOB -> field.equals("status.successful");
      default -> false;
    };
  }

  static String value(HasMetadata o, String field) {
    if (field.equals("metadata.name")) return o.getMetadata().getName();
    if (field.equals("metadata.namespace")) return o.getMetadata().getNamespace();
    if (o instanceof Pod p) {
      var spec = p.getSpec();
      var status = p.getStatus();
      return switch (field) {
        case "spec.nodeName" -> spec.getNodeName();
        case "spec.restartPolicy" -> spec.getRestartPolicy();
        case "spec.schedulerName" -> spec.getSchedulerName();
        case "spec.serviceAccountName" -> spec.getServiceAccountName();
        case "spec.hostNetwork" -> String.valueOf(Boolean.TRUE.equals(spec.getHostNetwork()));
        case "status.phase" -> status == null ? null : status.getPhase();
        case "status.podIP" -> status == null ? null : status.getPodIP();
        case "status.nominatedNodeName" -> status == null ? null : status.getNominatedNodeName();
        default -> null;
      };
    }
    if (o instanceof Event e) {
      var ref = e.getInvolvedObject();
      return switch (field) {
        case "involvedObject.kind" -> ref.getKind();
        case "involvedObject.namespace" -> ref.getNamespace();
        case "involvedObject.name" -> ref.getName();
        case "involvedObject.uid" -> ref.getUid();
        case "involvedObject.apiVersion" -> ref.getApiVersion();
        case "involvedObject.resourceVersion" -> ref.getResourceVersion();
        case "involvedObject.fieldPath" -> ref.getFieldPath();
        case "reason" -> e.getReason();
        case "reportingComponent" -> e.getReportingComponent();
        case "source" -> e.getSource() == null ? null : e.getSource().getComponent();
        case "type" -> e.getType();
        default -> null;
      };
    }
    if (o instanceof Secret s && field.equals("type")) return s.getType();
    if (o instanceof Node n && field.equals("spec.unschedulable")) {
      return String.valueOf(Boolean.TRUE.equals(n.getSpec().getUnschedulable()));
    }
    if (o instanceof Namespace n && field.equals("status.phase")) return n.getStatus() == null ? null : n.getStatus().getPhase();
    return null;
  }
}
