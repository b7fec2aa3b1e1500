package io.kubetutor.print;

import io.fabric8.kubernetes.api.model.*;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubetutor.cluster.Objects;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code kubectl describe} texts (reference §9) of pods, deployments (with the Pod Template
 * block that {@code rollout history --revision} also prints), replicasets, services, namespaces and
 * configmaps. Callers pass the related objects (events, replicasets) they fetched through the port.
 */
public final class Describers {

  private Describers() {}

  // ---------------------------------------------------------------- pod

  public static String pod(Pod p, List<Event> events, Instant now) {
    DescribeWriter w = new DescribeWriter();
    var meta = p.getMetadata();
    var spec = p.getSpec() == null ? new PodSpec() : p.getSpec();
    var status = p.getStatus() == null ? new io.fabric8.kubernetes.api.model.PodStatus() : p.getStatus();
    w.write(0, "Name:\t" + meta.getName() + "\n");
    w.write(0, "Namespace:\t" + meta.getNamespace() + "\n");
    if (spec.getPriority() != null) w.write(0, "Priority:\t" + spec.getPriority() + "\n");
    if (notEmpty(spec.getPriorityClassName())) w.write(0, "Priority Class Name:\t" + spec.getPriorityClassName() + "\n");
    if (notEmpty(spec.getRuntimeClassName())) w.write(0, "Runtime Class Name:\t" + spec.getRuntimeClassName() + "\n");
    if (notEmpty(spec.getServiceAccountName())) w.write(0, "Service Account:\t" + spec.getServiceAccountName() + "\n");
    if (notEmpty(spec.getNodeName())) {
      w.write(0, "Node:\t" + spec.getNodeName() + "/" + DescribeWriter.nullToEmpty(status.getHostIP()) + "\n");
    } else {
      w.write(0, "Node:\t<none>\n");
    }
    if (notEmpty(status.getStartTime())) w.write(0, "Start Time:\t" + DescribeWriter.time(status.getStartTime()) + "\n");
    w.labels("", "Labels", meta.getLabels());
    w.annotations("", "Annotations", meta.getAnnotations());
    if (meta.getDeletionTimestamp() != null) {
      w.write(0, "Status:\tTerminating (lasts " + Durations.since(meta.getDeletionTimestamp(), now) + ")\n");
      long grace = meta.getDeletionGracePeriodSeconds() == null ? 30 : meta.getDeletionGracePeriodSeconds();
      w.write(0, "Termination Grace Period:\t" + grace + "s\n");
    } else {
      w.write(0, "Status:\t" + DescribeWriter.nullToEmpty(status.getPhase()) + "\n");
    }
    if (notEmpty(status.getReason())) w.write(0, "Reason:\t" + status.getReason() + "\n");
    if (notEmpty(status.getMessage())) w.write(0, "Message:\t" + status.getMessage() + "\n");
    w.write(0, "IP:\t" + DescribeWriter.nullToEmpty(status.getPodIP()) + "\n");
    List<PodIP> ips = status.getPodIPs() == null ? List.of() : status.getPodIPs();
    if (ips.isEmpty()) {
      w.write(0, "IPs:\t<none>\n");
    } else {
      w.write(0, "IPs:\n");
      for (PodIP ip : ips) w.write(1, "IP:\t" + ip.getIp() + "\n");
    }
    OwnerReference controller = controllerOf(p);
    if (controller != null) w.write(0, "Controlled By:\t" + controller.getKind() + "/" + controller.getName() + "\n");
    if (notEmpty(status.getNominatedNodeName())) w.write(0, "NominatedNodeName:\t" + status.getNominatedNodeName() + "\n");
    if (spec.getInitContainers() != null && !spec.getInitContainers().isEmpty()) {
      w.write(0, "Init Containers:\n");
      containers(w, spec.getInitContainers(), status.getInitContainerStatuses(), "");
    }
    w.write(0, "Containers:\n");
    containers(w, spec.getContainers(), status.getContainerStatuses(), "");
    if (spec.getReadinessGates() != null && !spec.getReadinessGates().isEmpty()) {
      w.write(0, "Readiness Gates:\n");
      w.write(1, "Type\tStatus\n");
      for (PodReadinessGate g : spec.getReadinessGates()) {
        String st = "<none>";
        if (status.getConditions() != null) {
          for (PodCondition c : status.getConditions()) if (c.getType().equals(g.getConditionType())) st = c.getStatus();
        }
        w.write(1, g.getConditionType() + " \t" + st + " \n");
      }
    }
    if (status.getConditions() != null && !status.getConditions().isEmpty()) {
      w.write(0, "Conditions:\n");
      w.write(1, "Type\tStatus\n");
      for (PodCondition c : status.getConditions()) w.write(1, c.getType() + " \t" + c.getStatus() + " \n");
    }
    volumes(w, spec.getVolumes(), "");
    w.write(0, "QoS Class:\t" + (notEmpty(status.getQosClass()) ? status.getQosClass() : qosClass(spec)) + "\n");
    w.labels("", "Node-Selectors", spec.getNodeSelector());
    tolerations(w, "", spec.getTolerations());
    w.events(events, now);
    return w.done();
  }

  private static void containers(DescribeWriter w, List<Container> containers, List<ContainerStatus> statuses,
      String space) {
    if (containers == null) return;
    for (Container c : containers) {
      ContainerStatus st = null;
      if (statuses != null) for (ContainerStatus s : statuses) if (c.getName().equals(s.getName())) st = s;
      w.write(1, space + c.getName() + ":\n");
      if (st != null && notEmpty(st.getContainerID())) w.write(2, "Container ID:\t" + st.getContainerID() + "\n");
      w.write(2, "Image:\t" + DescribeWriter.nullToEmpty(c.getImage()) + "\n");
      if (st != null) w.write(2, "Image ID:\t" + DescribeWriter.nullToEmpty(st.getImageID()) + "\n");
      ports(w, c.getPorts());
      commandLines(w, "Command", c.getCommand());
      commandLines(w, "Args", c.getArgs());
      if (st != null) {
        state(w, "State", st.getState());
        if (st.getLastState() != null && st.getLastState().getTerminated() != null) state(w, "Last State", st.getLastState());
        w.write(2, "Ready:\t" + (Boolean.TRUE.equals(st.getReady()) ? "True" : "False") + "\n");
        w.write(2, "Restart Count:\t" + (st.getRestartCount() == null ? 0 : st.getRestartCount()) + "\n");
      }
      resources(w, "Limits", c.getResources() == null ? null : c.getResources().getLimits());
      resources(w, "Requests", c.getResources() == null ? null : c.getResources().getRequests());
      environment(w, c.getEnv());
      mounts(w, c.getVolumeMounts());
    }
  }

  private static void ports(DescribeWriter w, List<ContainerPort> ports) {
    List<String> cp = new ArrayList<>();
    List<String> hp = new ArrayList<>();
    if (ports != null) {
      for (ContainerPort p : ports) {
        String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
        cp.add(p.getContainerPort() + "/" + proto);
        hp.add((p.getHostPort() == null ? 0 : p.getHostPort()) + "/" + proto);
      }
    }
    String s = cp.size() > 1 ? "s" : "";
    w.write(2, "Port" + s + ":\t" + (cp.isEmpty() ? "<none>" : String.join(", ", cp)) + "\n");
    w.write(2, "Host Port" + s + ":\t" + (hp.isEmpty() ? "<none>" : String.join(", ", hp)) + "\n");
  }

  private static void commandLines(DescribeWriter w, String title, List<String> lines) {
    if (lines == null || lines.isEmpty()) return;
    w.write(2, title + ":\n");
    for (String l : lines) for (String part : l.split("\n")) w.write(3, part + "\n");
  }

  private static void state(DescribeWriter w, String title, ContainerState s) {
    if (s == null) {
      w.write(2, title + ":\tWaiting\n");
      return;
    }
    if (s.getRunning() != null) {
      w.write(2, title + ":\tRunning\n");
      w.write(3, "Started:\t" + DescribeWriter.time(s.getRunning().getStartedAt()) + "\n");
    } else if (s.getWaiting() != null) {
      w.write(2, title + ":\tWaiting\n");
      if (notEmpty(s.getWaiting().getReason())) w.write(3, "Reason:\t" + s.getWaiting().getReason() + "\n");
      if (notEmpty(s.getWaiting().getMessage())) w.write(3, "Message:\t" + s.getWaiting().getMessage() + "\n");
    } else if (s.getTerminated() != null) {
      var t = s.getTerminated();
      w.write(2, title + ":\tTerminated\n");
      if (notEmpty(t.getReason())) w.write(3, "Reason:\t" + t.getReason() + "\n");
      if (notEmpty(t.getMessage())) w.write(3, "Message:\t" + t.getMessage() + "\n");
      w.write(3, "Exit Code:\t" + (t.getExitCode() == null ? 0 : t.getExitCode()) + "\n");
      if (t.getSignal() != null && t.getSignal() > 0) w.write(3, "Signal:\t" + t.getSignal() + "\n");
      w.write(3, "Started:\t" + DescribeWriter.time(t.getStartedAt()) + "\n");
      w.write(3, "Finished:\t" + DescribeWriter.time(t.getFinishedAt()) + "\n");
    } else {
      w.write(2, title + ":\tWaiting\n");
    }
  }

  private static void resources(DescribeWriter w, String title, Map<String, Quantity> q) {
    if (q == null || q.isEmpty()) return;
    w.write(2, title + ":\n");
    new TreeMap<>(q).forEach((k, v) -> w.write(3, k + ":\t" + v.toString() + "\n"));
  }

  private static void environment(DescribeWriter w, List<EnvVar> env) {
    if (env == null || env.isEmpty()) {
      w.write(2, "Environment:\t<none>\n");
      return;
    }
    w.write(2, "Environment:\n");
    for (EnvVar e : env) {
      String value;
      var from = e.getValueFrom();
      if (from == null) {
        value = DescribeWriter.nullToEmpty(e.getValue());
      } else if (from.getSecretKeyRef() != null) {
        value = "<set to the key '" + from.getSecretKeyRef().getKey() + "' in secret '" + from.getSecretKeyRef().getName()
            + "'>  Optional: " + Boolean.TRUE.equals(from.getSecretKeyRef().getOptional());
      } else if (from.getConfigMapKeyRef() != null) {
        value = "<set to the key '" + from.getConfigMapKeyRef().getKey() + "' of config map '"
            + from.getConfigMapKeyRef().getName() + "'>  Optional: " + Boolean.TRUE.equals(from.getConfigMapKeyRef().getOptional());
      } else if (from.getFieldRef() != null) {
        value = " (" + from.getFieldRef().getApiVersion() + ":" + from.getFieldRef().getFieldPath() + ")";
      } else {
        value = "";
      }
      w.write(3, e.getName() + ":\t" + value + "\n");
    }
  }

  private static void mounts(DescribeWriter w, List<VolumeMount> mounts) {
    if (mounts == null || mounts.isEmpty()) {
      w.write(2, "Mounts:\t<none>\n");
      return;
    }
    w.write(2, "Mounts:\n");
    List<VolumeMount> sorted = new ArrayList<>(mounts);
    sorted.sort(Comparator.comparing(VolumeMount::getMountPath));
    for (VolumeMount m : sorted) {
      String flags = Boolean.TRUE.equals(m.getReadOnly()) ? "ro" : "rw";
      if (notEmpty(m.getSubPath())) flags += ",path=\"" + m.getSubPath() + "\"";
      w.write(3, m.getMountPath() + " from " + m.getName() + " (" + flags + ")\n");
    }
  }

  private static void volumes(DescribeWriter w, List<Volume> volumes, String indent) {
    if (volumes == null || volumes.isEmpty()) {
      w.write(0, indent + "Volumes:\t<none>\n");
      return;
    }
    w.write(0, indent + "Volumes:\n");
    int l1 = indent.isEmpty() ? 1 : 2;
    int l2 = l1 + 1;
    for (Volume v : volumes) {
      w.write(l1, v.getName() + ":\n");
      if (v.getProjected() != null) {
        w.write(l2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
        for (VolumeProjection s : v.getProjected().getSources()) {
          if (s.getServiceAccountToken() != null) {
            w.write(l2, "TokenExpirationSeconds:\t" + s.getServiceAccountToken().getExpirationSeconds() + "\n");
          } else if (s.getConfigMap() != null) {
            w.write(l2, "ConfigMapName:\t" + s.getConfigMap().getName() + "\n");
            w.write(l2, "ConfigMapOptional:\t" + (s.getConfigMap().getOptional() == null ? "<nil>"
                : s.getConfigMap().getOptional().toString()) + "\n");
          } else if (s.getDownwardAPI() != null) {
            w.write(l2, "DownwardAPI:\ttrue\n");
          }
        }
      } else if (v.getEmptyDir() != null) {
        w.write(l2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n");
        w.write(l2, "Medium:\t" + DescribeWriter.nullToEmpty(v.getEmptyDir().getMedium()) + "\n");
        w.write(l2, "SizeLimit:\t" + (v.getEmptyDir().getSizeLimit() == null ? "<unset>" : v.getEmptyDir().getSizeLimit()) + "\n");
      } else if (v.getConfigMap() != null) {
        w.write(l2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n");
        w.write(l2, "Name:\t" + v.getConfigMap().getName() + "\n");
        w.write(l2, "Optional:\t" + Boolean.TRUE.equals(v.getConfigMap().getOptional()) + "\n");
      } else if (v.getSecret() != null) {
        w.write(l2, "Type:\tSecret (a volume populated by a Secret)\n");
        w.write(l2, "SecretName:\t" + v.getSecret().getSecretName() + "\n");
        w.write(l2, "Optional:\t" + Boolean.TRUE.equals(v.getSecret().getOptional()) + "\n");
      } else if (v.getPersistentVolumeClaim() != null) {
        w.write(l2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n");
        w.write(l2, "ClaimName:\t" + v.getPersistentVolumeClaim().getClaimName() + "\n");
        w.write(l2, "ReadOnly:\t" + Boolean.TRUE.equals(v.getPersistentVolumeClaim().getReadOnly()) + "\n");
      } else if (v.getHostPath() != null) {
        w.write(l2, "Type:\tHostPath (bare host directory volume)\n");
        w.write(l2, "Path:\t" + v.getHostPath().getPath() + "\n");
        w.write(l2, "HostPathType:\t" + DescribeWriter.nullToEmpty(v.getHostPath().getType()) + "\n");
      } else {
        w.write(l2, "<unknown>\n");
      }
    }
  }

  private static void tolerations(DescribeWriter w, String indent, List<Toleration> tolerations) {
    w.write(0, indent + "Tolerations:\t");
    if (tolerations == null || tolerations.isEmpty()) {
      w.write(0, "<none>\n");
      return;
    }
    boolean first = true;
    for (Toleration t : tolerations) {
      if (!first) w.write(0, indent + "\t");
      StringBuilder sb = new StringBuilder(DescribeWriter.nullToEmpty(t.getKey()));
      if (notEmpty(t.getValue())) sb.append('=').append(t.getValue());
      if (notEmpty(t.getEffect())) sb.append(':').append(t.getEffect());
      if ("Exists".equals(t.getOperator()) && !notEmpty(t.getValue())) {
        sb.append(notEmpty(t.getKey()) || notEmpty(t.getEffect()) ? " op=Exists" : "op=Exists");
      }
      if (t.getTolerationSeconds() != null) sb.append(" for ").append(t.getTolerationSeconds()).append('s');
      w.write(0, sb + "\n");
      first = false;
    }
  }

  /** BestEffort without any requests or limits; Guaranteed when every container's limits equal its requests. */
  private static String qosClass(PodSpec spec) {
    boolean any = false;
    boolean guaranteed = true;
    if (spec.getContainers() != null) {
      for (Container c : spec.getContainers()) {
        var r = c.getResources();
        Map<String, Quantity> req = r == null || r.getRequests() == null ? Map.of() : r.getRequests();
        Map<String, Quantity> lim = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
        if (!req.isEmpty() || !lim.isEmpty()) any = true;
        if (!lim.containsKey("cpu") || !lim.containsKey("memory")) guaranteed = false;
        for (var e : req.entrySet()) if (!e.getValue().equals(lim.get(e.getKey()))) guaranteed = false;
      }
    }
    if (!any) return "BestEffort";
    return guaranteed ? "Guaranteed" : "Burstable";
  }

  private static OwnerReference controllerOf(HasMetadata o) {
    if (o.getMetadata().getOwnerReferences() == null) return null;
    for (OwnerReference r : o.getMetadata().getOwnerReferences()) if (Boolean.TRUE.equals(r.getController())) return r;
    return null;
  }

  // ---------------------------------------------------------------- pod template

  /**
   * The {@code Pod Template:} block of deployments, replicasets and {@code rollout history --revision}:
   * labels, annotations, service account, containers (three-space names), volumes, node selectors
   * and tolerations.
   */
  public static String podTemplate(PodTemplateSpec template) {
    DescribeWriter w = new DescribeWriter();
    podTemplate(w, template);
    return w.done();
  }

  static void podTemplate(DescribeWriter w, PodTemplateSpec template) {
    w.write(0, "Pod Template:\n");
    if (template == null) {
      w.write(1, "<unset>\n");
      return;
    }
    var meta = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
    var spec = template.getSpec() == null ? new PodSpec() : template.getSpec();
    w.labels("  ", "Labels", meta.getLabels());
    if (meta.getAnnotations() != null && !meta.getAnnotations().isEmpty()) w.annotations("  ", "Annotations", meta.getAnnotations());
    if (notEmpty(spec.getServiceAccountName())) w.write(1, "Service Account:\t" + spec.getServiceAccountName() + "\n");
    if (spec.getInitContainers() != null && !spec.getInitContainers().isEmpty()) {
      w.write(1, "Init Containers:\n");
      containers(w, spec.getInitContainers(), null, " ");
    }
    w.write(1, "Containers:\n");
    containers(w, spec.getContainers(), null, " ");
    volumes(w, spec.getVolumes(), "  ");
    w.labels("  ", "Node-Selectors", spec.getNodeSelector());
    tolerations(w, "  ", spec.getTolerations());
  }

  // ---------------------------------------------------------------- deployment

  public static String deployment(Deployment d, List<ReplicaSet> replicaSets, List<Event> events, Instant now) {
    DescribeWriter w = new DescribeWriter();
    var meta = d.getMetadata();
    var spec = d.getSpec();
    var st = d.getStatus() == null ? new io.fabric8.kubernetes.api.model.apps.DeploymentStatus() : d.getStatus();
    w.write(0, "Name:\t" + meta.getName() + "\n");
    w.write(0, "Namespace:\t" + meta.getNamespace() + "\n");
    w.write(0, "CreationTimestamp:\t" + DescribeWriter.time(meta.getCreationTimestamp()) + "\n");
    w.labels("", "Labels", meta.getLabels());
    w.annotations("", "Annotations", meta.getAnnotations());
    w.write(0, "Selector:\t" + ResourceTables.selectorOrNone(spec.getSelector()) + "\n");
    w.write(0, "Replicas:\t" + n(spec.getReplicas()) + " desired | " + n(st.getUpdatedReplicas()) + " updated | "
        + n(st.getReplicas()) + " total | " + n(st.getAvailableReplicas()) + " available | "
        + n(st.getUnavailableReplicas()) + " unavailable\n");
    String strategy = spec.getStrategy() == null || spec.getStrategy().getType() == null ? "RollingUpdate"
        : spec.getStrategy().getType();
    w.write(0, "StrategyType:\t" + strategy + "\n");
    w.write(0, "MinReadySeconds:\t" + n(spec.getMinReadySeconds()) + "\n");
    if (spec.getStrategy() != null && spec.getStrategy().getRollingUpdate() != null) {
      var ru = spec.getStrategy().getRollingUpdate();
      w.write(0, "RollingUpdateStrategy:\t" + intOrString(ru.getMaxUnavailable()) + " max unavailable, "
          + intOrString(ru.getMaxSurge()) + " max surge\n");
    }
    podTemplate(w, spec.getTemplate());
    if (st.getConditions() != null && !st.getConditions().isEmpty()) {
      w.write(0, "Conditions:\n");
      w.write(1, "Type\tStatus\tReason\n");
      w.write(1, "----\t------\t------\n");
      for (DeploymentCondition c : st.getConditions()) {
        w.write(1, c.getType() + " \t" + c.getStatus() + "\t" + DescribeWriter.nullToEmpty(c.getReason()) + "\n");
      }
    }
    if (replicaSets != null && !replicaSets.isEmpty()) {
      ReplicaSet newRs = null;
      List<ReplicaSet> old = new ArrayList<>();
      for (ReplicaSet rs : replicaSets) {
        if (newRs == null && sameTemplate(rs.getSpec().getTemplate(), spec.getTemplate())) newRs = rs;
        else if (rs.getSpec().getReplicas() != null && rs.getSpec().getReplicas() != 0) old.add(rs);
      }
      w.write(0, "OldReplicaSets:\t" + replicaSetList(old) + "\n");
      w.write(0, "NewReplicaSet:\t" + replicaSetList(newRs == null ? List.of() : List.of(newRs)) + "\n");
    }
    w.events(events, now);
    return w.done();
  }

  private static String replicaSetList(List<ReplicaSet> sets) {
    if (sets.isEmpty()) return "<none>";
    List<String> parts = new ArrayList<>();
    for (ReplicaSet rs : sets) {
      parts.add(rs.getMetadata().getName() + " (" + n(rs.getStatus() == null ? null : rs.getStatus().getReplicas()) + "/"
          + n(rs.getSpec().getReplicas()) + " replicas created)");
    }
    return String.join(", ", parts);
  }

  /** A ReplicaSet's template equals the Deployment's once the pod-template-hash label is ignored. */
  private static boolean sameTemplate(PodTemplateSpec rsTemplate, PodTemplateSpec template) {
    if (rsTemplate == null || template == null) return false;
    var a = Objects.toTree(rsTemplate);
    var b = Objects.toTree(template);
    for (var t : List.of(a, b)) {
      var labels = t.path("metadata").path("labels");
      if (labels.isObject()) ((com.fasterxml.jackson.databind.node.ObjectNode) labels).remove("pod-template-hash");
    }
    return a.equals(b);
  }

  private static String intOrString(IntOrString v) {
    if (v == null) return "";
    return v.getStrVal() != null ? v.getStrVal() : String.valueOf(v.getIntVal());
  }

  // ---------------------------------------------------------------- replicaset, service, namespace, configmap

  public static String replicaSet(ReplicaSet rs, List<Pod> pods, List<Event> events, Instant now) {
    DescribeWriter w = new DescribeWriter();
    var meta = rs.getMetadata();
    w.write(0, "Name:\t" + meta.getName() + "\n");
    w.write(0, "Namespace:\t" + meta.getNamespace() + "\n");
    w.write(0, "Selector:\t" + ResourceTables.selectorOrNone(rs.getSpec().getSelector()) + "\n");
    w.labels("", "Labels", meta.getLabels());
    w.annotations("", "Annotations", meta.getAnnotations());
    OwnerReference controller = controllerOf(rs);
    if (controller != null) w.write(0, "Controlled By:\t" + controller.getKind() + "/" + controller.getName() + "\n");
    w.write(0, "Replicas:\t" + n(rs.getStatus() == null ? null : rs.getStatus().getReplicas()) + " current / "
        + n(rs.getSpec().getReplicas()) + " desired\n");
    int running = 0, waiting = 0, succeeded = 0, failed = 0;
    for (Pod p : pods) {
      String phase = p.getStatus() == null ? "" : DescribeWriter.nullToEmpty(p.getStatus().getPhase());
      switch (phase) {
        case "Running" -> running++;
        case "Pending" -> waiting++;
        case "Succeeded" -> succeeded++;
        case "Failed" -> failed++;
        default -> { }
      }
    }
    w.write(0, "Pods Status:\t" + running + " Running / " + waiting + " Waiting / " + succeeded + " Succeeded / "
        + failed + " Failed\n");
    podTemplate(w, rs.getSpec().getTemplate());
    var conditions = rs.getStatus() == null ? null : rs.getStatus().getConditions();
    if (conditions != null && !conditions.isEmpty()) {
      w.write(0, "Conditions:\n");
      w.write(1, "Type\tStatus\tReason\n");
      w.write(1, "----\t------\t------\n");
      for (var c : conditions) w.write(1, c.getType() + " \t" + c.getStatus() + "\t" + DescribeWriter.nullToEmpty(c.getReason()) + "\n");
    }
    w.events(events, now);
    return w.done();
  }

  public static String service(Service s, Endpoints endpoints, List<Event> events, Instant now) {
    DescribeWriter w = new DescribeWriter();
    var meta = s.getMetadata();
    var spec = s.getSpec();
    w.write(0, "Name:\t" + meta.getName() + "\n");
    w.write(0, "Namespace:\t" + meta.getNamespace() + "\n");
    w.labels("", "Labels", meta.getLabels());
    w.annotations("", "Annotations", meta.getAnnotations());
    w.write(0, "Selector:\t" + (spec.getSelector() == null || spec.getSelector().isEmpty() ? "<none>"
        : ResourceTables.labelsOrNone(spec.getSelector())) + "\n");
    String type = spec.getType() == null ? "ClusterIP" : spec.getType();
    w.write(0, "Type:\t" + type + "\n");
    w.write(0, "IP Family Policy:\t" + (spec.getIpFamilyPolicy() == null ? "SingleStack" : spec.getIpFamilyPolicy()) + "\n");
    w.write(0, "IP Families:\t" + (spec.getIpFamilies() == null || spec.getIpFamilies().isEmpty() ? "IPv4"
        : String.join(",", spec.getIpFamilies())) + "\n");
    String ip = spec.getClusterIP() == null ? "" : spec.getClusterIP();
    w.write(0, "IP:\t" + ip + "\n");
    w.write(0, "IPs:\t" + (spec.getClusterIPs() == null || spec.getClusterIPs().isEmpty() ? ip
        : String.join(",", spec.getClusterIPs())) + "\n");
    if (spec.getExternalIPs() != null && !spec.getExternalIPs().isEmpty()) {
      w.write(0, "External IPs:\t" + String.join(",", spec.getExternalIPs()) + "\n");
    }
    if ("ExternalName".equals(type)) w.write(0, "External Name:\t" + spec.getExternalName() + "\n");
    if (spec.getPorts() != null) {
      for (ServicePort p : spec.getPorts()) {
        String name = notEmpty(p.getName()) ? p.getName() : "<unset>";
        String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
        w.write(0, "Port:\t" + name + "\t" + p.getPort() + "/" + proto + "\n");
        String target = p.getTargetPort() == null ? String.valueOf(p.getPort()) : intOrString(p.getTargetPort());
        w.write(0, "TargetPort:\t" + target + "/" + proto + "\n");
        if (p.getNodePort() != null && p.getNodePort() != 0) {
          w.write(0, "NodePort:\t" + name + "\t" + p.getNodePort() + "/" + proto + "\n");
        }
        w.write(0, "Endpoints:\t" + endpointsFor(endpoints, p) + "\n");
      }
    }
    w.write(0, "Session Affinity:\t" + (spec.getSessionAffinity() == null ? "None" : spec.getSessionAffinity()) + "\n");
    if ("NodePort".equals(type) || "LoadBalancer".equals(type)) {
      w.write(0, "External Traffic Policy:\t" + (spec.getExternalTrafficPolicy() == null ? "Cluster"
          : spec.getExternalTrafficPolicy()) + "\n");
    }
    w.write(0, "Internal Traffic Policy:\t" + (spec.getInternalTrafficPolicy() == null ? "Cluster"
        : spec.getInternalTrafficPolicy()) + "\n");
    w.events(events, now);
    return w.done();
  }

  /** {@code ip:port,...} of ready addresses for one service port, or {@code <none>}. */
  private static String endpointsFor(Endpoints endpoints, ServicePort port) {
    if (endpoints == null || endpoints.getSubsets() == null) return "<none>";
    List<String> out = new ArrayList<>();
    for (EndpointSubset s : endpoints.getSubsets()) {
      if (s.getAddresses() == null || s.getPorts() == null) continue;
      for (EndpointPort ep : s.getPorts()) {
        boolean match = port.getName() == null || port.getName().isEmpty() || port.getName().equals(ep.getName());
        if (!match) continue;
        for (EndpointAddress a : s.getAddresses()) out.add(a.getIp() + ":" + ep.getPort());
      }
    }
    return out.isEmpty() ? "<none>" : String.join(",", out);
  }

  public static String namespace(Namespace ns) {
    DescribeWriter w = new DescribeWriter();
    w.write(0, "Name:\t" + ns.getMetadata().getName() + "\n");
    w.labels("", "Labels", ns.getMetadata().getLabels());
    w.annotations("", "Annotations", ns.getMetadata().getAnnotations());
    w.write(0, "Status:\t" + (ns.getStatus() == null ? "" : DescribeWriter.nullToEmpty(ns.getStatus().getPhase())) + "\n");
    w.write(0, "\n");
    w.write(0, "No resource quota.\n");
    w.write(0, "\n");
    w.write(0, "No LimitRange resource.\n");
    return w.done();
  }

  public static String configMap(ConfigMap cm, List<Event> events, Instant now) {
    DescribeWriter w = new DescribeWriter();
    w.write(0, "Name:\t" + cm.getMetadata().getName() + "\n");
    w.write(0, "Namespace:\t" + cm.getMetadata().getNamespace() + "\n");
    w.labels("", "Labels", cm.getMetadata().getLabels());
    w.annotations("", "Annotations", cm.getMetadata().getAnnotations());
    w.write(0, "\n");
    w.write(0, "Data\n====\n");
    if (cm.getData() != null) {
      new TreeMap<>(cm.getData()).forEach((k, v) -> {
        w.write(0, k + ":\n----\n");
        w.write(0, v + "\n\n");
      });
    }
    w.write(0, "\n");
    w.write(0, "BinaryData\n====\n");
    if (cm.getBinaryData() != null) {
      new TreeMap<>(cm.getBinaryData()).forEach((k, v) -> w.write(0, k + ": " + v.length() * 3 / 4 + " bytes\n"));
    }
    w.write(0, "\n");
    w.events(events, now);
    return w.done();
  }

  public static String secret(Secret secret) {
    DescribeWriter w = new DescribeWriter();
    w.write(0, "Name:\t" + secret.getMetadata().getName() + "\n");
    w.write(0, "Namespace:\t" + secret.getMetadata().getNamespace() + "\n");
    w.labels("", "Labels", secret.getMetadata().getLabels());
    w.annotations("", "Annotations", secret.getMetadata().getAnnotations());
    w.write(0, "\nType:\t" + DescribeWriter.nullToEmpty(secret.getType()) + "\n");
    w.write(0, "\nData\n====\n");
    if (secret.getData() != null) {
      new TreeMap<>(secret.getData()).forEach((k, v) -> w.write(0, k + ":\t" + decodedLength(v) + " bytes\n"));
    }
    return w.done();
  }

  private static int decodedLength(String base64) {
    try {
      return java.util.Base64.getDecoder().decode(base64 == null ? "" : base64).length;
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }

  public static String serviceAccount(ServiceAccount sa, List<Event> events, Instant now) {
    DescribeWriter w = new DescribeWriter();
    w.write(0, "Name:\t" + sa.getMetadata().getName() + "\n");
    w.write(0, "Namespace:\t" + sa.getMetadata().getNamespace() + "\n");
    w.labels("", "Labels", sa.getMetadata().getLabels());
    w.annotations("", "Annotations", sa.getMetadata().getAnnotations());
    List<String> pull = new ArrayList<>();
    if (sa.getImagePullSecrets() != null) for (var r : sa.getImagePullSecrets()) pull.add(r.getName());
    List<String> mountable = new ArrayList<>();
    if (sa.getSecrets() != null) for (var r : sa.getSecrets()) mountable.add(r.getName());
    nameList(w, "Image pull secrets", pull);
    nameList(w, "Mountable secrets", mountable);
    w.write(0, "Tokens:\t<none>\n");
    w.events(events, now);
    return w.done();
  }

  private static void nameList(DescribeWriter w, String title, List<String> names) {
    if (names.isEmpty()) {
      w.write(0, title + ":\t<none>\n");
      return;
    }
    for (int i = 0; i < names.size(); i++) w.write(0, (i == 0 ? title + ":" : "") + "\t" + names.get(i) + "\n");
  }

  public static String endpoints(Endpoints e, List<Event> events, Instant now) {
    DescribeWriter w = new DescribeWriter();
    w.write(0, "Name:\t" + e.getMetadata().getName() + "\n");
    w.write(0, "Namespace:\t" + e.getMetadata().getNamespace() + "\n");
    w.labels("", "Labels", e.getMetadata().getLabels());
    w.annotations("", "Annotations", e.getMetadata().getAnnotations());
    w.write(0, "Subsets:\n");
    if (e.getSubsets() != null) {
      for (EndpointSubset s : e.getSubsets()) {
        w.write(1, "Addresses:\t" + ips(s.getAddresses()) + "\n");
        w.write(1, "NotReadyAddresses:\t" + ips(s.getNotReadyAddresses()) + "\n");
        if (s.getPorts() != null && !s.getPorts().isEmpty()) {
          w.write(1, "Ports:\n");
          w.write(2, "Name\tPort\tProtocol\n");
          w.write(2, "----\t----\t--------\n");
          for (EndpointPort p : s.getPorts()) {
            w.write(2, (notEmpty(p.getName()) ? p.getName() : "<unset>") + "\t" + p.getPort() + "\t"
                + (p.getProtocol() == null ? "TCP" : p.getProtocol()) + "\n");
          }
        }
        w.write(0, "\n");
      }
    }
    w.events(events, now);
    return w.done();
  }

  private static String ips(List<EndpointAddress> addresses) {
    if (addresses == null || addresses.isEmpty()) return "<none>";
    return String.join(",", addresses.stream().map(EndpointAddress::getIp).toList());
  }

  public static String persistentVolumeClaim(PersistentVolumeClaim c, List<Pod> pods, List<Event> events, Instant now) {
    DescribeWriter w = new DescribeWriter();
    var meta = c.getMetadata();
    var spec = c.getSpec() == null ? new PersistentVolumeClaimSpec() : c.getSpec();
    var st = c.getStatus();
    w.write(0, "Name:\t" + meta.getName() + "\n");
    w.write(0, "Namespace:\t" + meta.getNamespace() + "\n");
    w.write(0, "StorageClass:\t" + DescribeWriter.nullToEmpty(spec.getStorageClassName()) + "\n");
    String phase = meta.getDeletionTimestamp() != null ? "Terminating (lasts " + Durations.since(meta.getDeletionTimestamp(), now) + ")"
        : st == null ? "" : DescribeWriter.nullToEmpty(st.getPhase());
    w.write(0, "Status:\t" + phase + "\n");
    w.write(0, "Volume:\t" + DescribeWriter.nullToEmpty(spec.getVolumeName()) + "\n");
    w.labels("", "Labels", meta.getLabels());
    w.annotations("", "Annotations", meta.getAnnotations());
    w.write(0, "Finalizers:\t[" + String.join(" ", meta.getFinalizers() == null ? List.of() : meta.getFinalizers()) + "]\n");
    String capacity = "";
    String modes = "";
    if (notEmpty(spec.getVolumeName()) && st != null) {
      if (st.getCapacity() != null && st.getCapacity().get("storage") != null) capacity = st.getCapacity().get("storage").toString();
      modes = ResourceTables.cells(io.kubetutor.cluster.ResourceKind.PERSISTENTVOLUMECLAIM, c, now).get(4);
    }
    w.write(0, "Capacity:\t" + capacity + "\n");
    w.write(0, "Access Modes:\t" + modes + "\n");
    w.write(0, "VolumeMode:\t" + (spec.getVolumeMode() == null ? "Filesystem" : spec.getVolumeMode()) + "\n");
    List<String> users = new ArrayList<>();
    for (Pod p : pods) {
      if (p.getSpec() == null || p.getSpec().getVolumes() == null) continue;
      for (Volume v : p.getSpec().getVolumes()) {
        if (v.getPersistentVolumeClaim() != null && meta.getName().equals(v.getPersistentVolumeClaim().getClaimName())) {
          users.add(p.getMetadata().getName());
          break;
        }
      }
    }
    nameList(w, "Used By", users);
    w.events(events, now);
    return w.done();
  }

  private static int n(Integer i) {
    return i == null ? 0 : i;
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }
}
