package io.kubetutor.print;

import io.fabric8.kubernetes.api.model.*;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.kubetutor.cluster.ResourceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Column definitions and cells of the apiserver's table printers (v1.31, reference §1.4), one
 * method pair per kind. A column marked wide has priority 1: shown only with {@code -o wide}.
 */
public final class ResourceTables {

  /** One column: header as printed, and whether only {@code -o wide} shows it. */
  public record Column(String header, boolean wide) {}

  private ResourceTables() {}

  private static List<Column> cols(String normal, String wide) {
    List<Column> list = new ArrayList<>();
    for (String h : normal.split("\\|")) list.add(new Column(h, false));
    if (!wide.isEmpty()) for (String h : wide.split("\\|")) list.add(new Column(h, true));
    return list;
  }

  /** Built once per kind: a table of ten thousand rows asks for its columns per row. */
  private static final Map<ResourceKind, List<Column>> COLUMNS = new EnumMap<>(ResourceKind.class);

  static {
    for (ResourceKind kind : ResourceKind.values()) COLUMNS.put(kind, List.copyOf(define(kind)));
  }

  public static List<Column> columns(ResourceKind kind) {
    return COLUMNS.get(kind);
  }

  private static List<Column> define(ResourceKind kind) {
    return switch (kind) {
      case POD -> cols("NAME|READY|STATUS|RESTARTS|AGE", "IP|NODE|NOMINATED NODE|READINESS GATES");
      case DEPLOYMENT -> cols("NAME|READY|UP-TO-DATE|AVAILABLE|AGE", "CONTAINERS|IMAGES|SELECTOR");
      case REPLICASET -> cols("NAME|DESIRED|CURRENT|READY|AGE", "CONTAINERS|IMAGES|SELECTOR");
      case SERVICE -> cols("NAME|TYPE|CLUSTER-IP|EXTERNAL-IP|PORT(S)|AGE", "SELECTOR");
      case NODE -> cols("NAME|STATUS|ROLES|AGE|VERSION",
          "INTERNAL-IP|EXTERNAL-IP|OS-IMAGE|KERNEL-VERSION|CONTAINER-RUNTIME");
      case NAMESPACE -> cols("NAME|STATUS|AGE", "");
      case EVENT -> List.of(new Column("LAST SEEN", false), new Column("TYPE", false), new Column("REASON", false),
          new Column("OBJECT", false), new Column("SUBOBJECT", true), new Column("SOURCE", true),
          new Column("MESSAGE", false), new Column("FIRST SEEN", true), new Column("COUNT", true),
          new Column("NAME", true));
      case CONFIGMAP -> cols("NAME|DATA|AGE", "");
      case SECRET -> cols("NAME|TYPE|DATA|AGE", "");
      case SERVICEACCOUNT -> cols("NAME|SECRETS|AGE", "");
      case DAEMONSET -> cols("NAME|DESIRED|CURRENT|READY|UP-TO-DATE|AVAILABLE|NODE SELECTOR|AGE",
          "CONTAINERS|IMAGES|SELECTOR");
      case JOB -> cols("NAME|STATUS|COMPLETIONS|DURATION|AGE", "CONTAINERS|IMAGES|SELECTOR");
      case PERSISTENTVOLUMECLAIM -> cols("NAME|STATUS|VOLUME|CAPACITY|ACCESS MODES|STORAGECLASS|VOLUMEATTRIBUTESCLASS|AGE",
          "VOLUMEMODE");
      case PERSISTENTVOLUME -> cols("NAME|CAPACITY|ACCESS MODES|RECLAIM POLICY|STATUS|CLAIM|STORAGECLASS"
          + "|VOLUMEATTRIBUTESCLASS|REASON|AGE", "VOLUMEMODE");
      case STORAGECLASS -> cols("NAME|PROVISIONER|RECLAIMPOLICY|VOLUMEBINDINGMODE|ALLOWVOLUMEEXPANSION|AGE", "");
      case ENDPOINTS -> cols("NAME|ENDPOINTS|AGE", "");
      case INGRESS -> cols("NAME|CLASS|HOSTS|ADDRESS|PORTS|AGE", "");
    };
  }

  /** Every cell of the object's row, normal and wide columns, in {@link #columns} order. */
  public static List<String> cells(ResourceKind kind, HasMetadata o, Instant now) {
    String name = o.getMetadata().getName();
    String age = Durations.since(o.getMetadata().getCreationTimestamp(), now);
    return switch (kind) {
      case POD -> pod((Pod) o, now, name, age);
      case DEPLOYMENT -> deployment((Deployment) o, name, age);
      case REPLICASET -> replicaSet((ReplicaSet) o, name, age);
      case SERVICE -> service((Service) o, name, age);
      case NODE -> node((Node) o, name, age);
      case NAMESPACE -> List.of(name, str(((Namespace) o).getStatus() == null ? null
          : ((Namespace) o).getStatus().getPhase()), age);
      case EVENT -> event((Event) o, now);
      case CONFIGMAP -> {
        ConfigMap cm = (ConfigMap) o;
        yield List.of(name, Integer.toString(size(cm.getData()) + size(cm.getBinaryData())), age);
      }
      case SECRET -> {
        Secret s = (Secret) o;
        yield List.of(name, str(s.getType()), Integer.toString(size(s.getData()) + size(s.getStringData())), age);
      }
      case SERVICEACCOUNT -> List.of(name, Integer.toString(sizeOf(((ServiceAccount) o).getSecrets())), age);
      case DAEMONSET -> daemonSet((DaemonSet) o, name, age);
      case JOB -> job((Job) o, now, name, age);
      case PERSISTENTVOLUMECLAIM -> pvc((PersistentVolumeClaim) o, name, age);
      case PERSISTENTVOLUME -> pv((PersistentVolume) o, name, age);
      case STORAGECLASS -> {
        StorageClass sc = (StorageClass) o;
        String display = name;
        Map<String, String> ann = o.getMetadata().getAnnotations();
        if (ann != null && ("true".equals(ann.get("storageclass.kubernetes.io/is-default-class"))
            || "true".equals(ann.get("storageclass.beta.kubernetes.io/is-default-class")))) {
          display = name + " (default)";
        }
        yield List.of(display, str(sc.getProvisioner()), orDefault(sc.getReclaimPolicy(), "Delete"),
            orDefault(sc.getVolumeBindingMode(), "Immediate"),
            Boolean.toString(Boolean.TRUE.equals(sc.getAllowVolumeExpansion())), age);
      }
      case ENDPOINTS -> List.of(name, endpoints((Endpoints) o), age);
      case INGRESS -> ingress((Ingress) o, name, age);
    };
  }

  private static List<String> pod(Pod p, Instant now, String name, String age) {
    PodStatus s = PodStatus.of(p);
    var status = p.getStatus();
    String ip = "<none>";
    if (status != null && status.getPodIPs() != null && !status.getPodIPs().isEmpty()
        && notEmpty(status.getPodIPs().get(0).getIp())) {
      ip = status.getPodIPs().get(0).getIp();
    } else if (status != null && notEmpty(status.getPodIP())) {
      ip = status.getPodIP();
    }
    String node = p.getSpec() != null && notEmpty(p.getSpec().getNodeName()) ? p.getSpec().getNodeName() : "<none>";
    String nominated = status != null && notEmpty(status.getNominatedNodeName()) ? status.getNominatedNodeName() : "<none>";
    String gates = "<none>";
    var readinessGates = p.getSpec() == null ? null : p.getSpec().getReadinessGates();
    if (readinessGates != null && !readinessGates.isEmpty()) {
      int trueCount = 0;
      for (PodReadinessGate g : readinessGates) {
        if (status != null && status.getConditions() != null) {
          for (PodCondition c : status.getConditions()) {
            if (c.getType().equals(g.getConditionType()) && "True".equals(c.getStatus())) trueCount++;
          }
        }
      }
      gates = trueCount + "/" + readinessGates.size();
    }
    return List.of(name, s.readyCell(), s.reason(), s.restartsCell(now), age, ip, node, nominated, gates);
  }

  private static List<String> deployment(Deployment d, String name, String age) {
    var st = d.getStatus();
    int desired = d.getSpec() == null || d.getSpec().getReplicas() == null ? 0 : d.getSpec().getReplicas();
    return List.of(name, num(st == null ? null : st.getReadyReplicas()) + "/" + desired,
        num(st == null ? null : st.getUpdatedReplicas()), num(st == null ? null : st.getAvailableReplicas()), age,
        containers(d.getSpec() == null ? null : d.getSpec().getTemplate()), images(d.getSpec() == null ? null : d.getSpec().getTemplate()),
        selectorOrEmpty(d.getSpec() == null ? null : d.getSpec().getSelector()));
  }

  private static List<String> replicaSet(ReplicaSet r, String name, String age) {
    var st = r.getStatus();
    return List.of(name, num(r.getSpec() == null ? null : r.getSpec().getReplicas()),
        num(st == null ? null : st.getReplicas()), num(st == null ? null : st.getReadyReplicas()), age,
        containers(r.getSpec() == null ? null : r.getSpec().getTemplate()), images(r.getSpec() == null ? null : r.getSpec().getTemplate()),
        selectorOrNone(r.getSpec() == null ? null : r.getSpec().getSelector()));
  }

  private static List<String> daemonSet(DaemonSet d, String name, String age) {
    var st = d.getStatus();
    var tmpl = d.getSpec() == null ? null : d.getSpec().getTemplate();
    Map<String, String> nodeSelector = tmpl == null || tmpl.getSpec() == null ? null : tmpl.getSpec().getNodeSelector();
    return List.of(name, num(st == null ? null : st.getDesiredNumberScheduled()),
        num(st == null ? null : st.getCurrentNumberScheduled()), num(st == null ? null : st.getNumberReady()),
        num(st == null ? null : st.getUpdatedNumberScheduled()), num(st == null ? null : st.getNumberAvailable()),
        labelsOrNone(nodeSelector), age, containers(tmpl), images(tmpl),
        selectorOrNone(d.getSpec() == null ? null : d.getSpec().getSelector()));
  }

  private static List<String> job(Job j, Instant now, String name, String age) {
    var spec = j.getSpec();
    var st = j.getStatus();
    int succeeded = st == null || st.getSucceeded() == null ? 0 : st.getSucceeded();
    String completions;
    if (spec != null && spec.getCompletions() != null) {
      completions = succeeded + "/" + spec.getCompletions();
    } else if (spec != null && spec.getParallelism() != null && spec.getParallelism() > 1) {
      completions = succeeded + "/1 of " + spec.getParallelism();
    } else {
      completions = succeeded + "/1";
    }
    String duration = "";
    if (st != null && notEmpty(st.getStartTime())) {
      Instant start = Timestamps.parse(st.getStartTime());
      Instant end = notEmpty(st.getCompletionTime()) ? Timestamps.parse(st.getCompletionTime()) : now;
      duration = Durations.human(Duration.between(start, end));
    }
    String status = "Running";
    if (hasJobCondition(j, "Complete")) status = "Complete";
    else if (hasJobCondition(j, "Failed")) status = "Failed";
    else if (j.getMetadata().getDeletionTimestamp() != null) status = "Terminating";
    else if (hasJobCondition(j, "Suspended")) status = "Suspended";
    else if (hasJobCondition(j, "FailureTarget")) status = "FailureTarget";
    var tmpl = spec == null ? null : spec.getTemplate();
    return List.of(name, status, completions, duration, age, containers(tmpl), images(tmpl),
        selectorOrNone(spec == null ? null : spec.getSelector()));
  }

  private static boolean hasJobCondition(Job j, String type) {
    if (j.getStatus() == null || j.getStatus().getConditions() == null) return false;
    for (JobCondition c : j.getStatus().getConditions()) {
      if (type.equals(c.getType()) && "True".equals(c.getStatus())) return true;
    }
    return false;
  }

  private static List<String> service(Service s, String name, String age) {
    var spec = s.getSpec();
    String type = spec == null || spec.getType() == null ? "ClusterIP" : spec.getType();
    String clusterIp = "<none>";
    if (spec != null && spec.getClusterIPs() != null && !spec.getClusterIPs().isEmpty()) clusterIp = spec.getClusterIPs().get(0);
    else if (spec != null && notEmpty(spec.getClusterIP())) clusterIp = spec.getClusterIP();
    List<String> externalIps = spec == null || spec.getExternalIPs() == null ? List.of() : spec.getExternalIPs();
    String external;
    switch (type) {
      case "ClusterIP", "NodePort" -> external = externalIps.isEmpty() ? "<none>" : String.join(",", externalIps);
      case "LoadBalancer" -> {
        TreeSet<String> ingress = new TreeSet<>();
        var lb = s.getStatus() == null ? null : s.getStatus().getLoadBalancer();
        if (lb != null && lb.getIngress() != null) {
          for (var i : lb.getIngress()) {
            if (notEmpty(i.getIp())) ingress.add(i.getIp());
            else if (notEmpty(i.getHostname())) ingress.add(i.getHostname());
          }
        }
        List<String> all = new ArrayList<>(ingress);
        all.addAll(externalIps);
        external = all.isEmpty() ? "<pending>" : String.join(",", all);
      }
      case "ExternalName" -> external = spec.getExternalName();
      default -> external = "<unknown>";
    }
    List<String> ports = new ArrayList<>();
    if (spec != null && spec.getPorts() != null) {
      for (ServicePort p : spec.getPorts()) {
        String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
        ports.add(p.getNodePort() != null && p.getNodePort() > 0
            ? p.getPort() + ":" + p.getNodePort() + "/" + proto : p.getPort() + "/" + proto);
      }
    }
    return List.of(name, type, clusterIp, external, ports.isEmpty() ? "<none>" : String.join(",", ports), age,
        labelsOrNone(spec == null ? null : spec.getSelector()));
  }

  private static List<String> node(Node n, String name, String age) {
    var st = n.getStatus();
    String status = "Unknown";
    if (st != null && st.getConditions() != null) {
      for (NodeCondition c : st.getConditions()) {
        if ("Ready".equals(c.getType())) status = "True".equals(c.getStatus()) ? "Ready" : "NotReady";
      }
    }
    if (n.getSpec() != null && Boolean.TRUE.equals(n.getSpec().getUnschedulable())) status += ",SchedulingDisabled";
    TreeSet<String> roles = new TreeSet<>();
    Map<String, String> labels = n.getMetadata().getLabels();
    if (labels != null) {
      labels.forEach((k, v) -> {
        if (k.startsWith("node-role.kubernetes.io/")) {
          String role = k.substring("node-role.kubernetes.io/".length());
          if (!role.isEmpty()) roles.add(role);
        } else if (k.equals("kubernetes.io/role") && !v.isEmpty()) {
          roles.add(v);
        }
      });
    }
    var info = st == null ? null : st.getNodeInfo();
    return List.of(name, status, roles.isEmpty() ? "<none>" : String.join(",", roles), age,
        info == null ? "" : str(info.getKubeletVersion()), address(st, "InternalIP"), address(st, "ExternalIP"),
        unknownIfEmpty(info == null ? null : info.getOsImage()), unknownIfEmpty(info == null ? null : info.getKernelVersion()),
        unknownIfEmpty(info == null ? null : info.getContainerRuntimeVersion()));
  }

  private static String address(NodeStatus st, String type) {
    if (st == null || st.getAddresses() == null) return "<none>";
    for (NodeAddress a : st.getAddresses()) if (type.equals(a.getType())) return a.getAddress();
    return "<none>";
  }

  private static List<String> event(Event e, Instant now) {
    String first = notEmpty(e.getFirstTimestamp()) ? e.getFirstTimestamp()
        : e.getEventTime() != null ? e.getEventTime().getTime() : null;
    String last = notEmpty(e.getLastTimestamp()) ? e.getLastTimestamp() : first;
    int count = e.getCount() == null ? 0 : e.getCount();
    if (e.getSeries() != null) {
      if (e.getSeries().getLastObservedTime() != null) last = e.getSeries().getLastObservedTime().getTime();
      count = e.getSeries().getCount() == null ? 0 : e.getSeries().getCount();
    }
    if (count == 0) count = 1;
    var inv = e.getInvolvedObject();
    String kind = inv == null || inv.getKind() == null ? "" : inv.getKind().toLowerCase(java.util.Locale.ROOT);
    String object = inv == null || !notEmpty(inv.getName()) ? kind : kind + "/" + inv.getName();
    String source = "";
    var src = e.getSource();
    String component = src == null ? null : src.getComponent();
    if (!notEmpty(component)) component = e.getReportingComponent();
    if (notEmpty(component)) source = component;
    if (src != null && notEmpty(src.getHost())) source = source + ", " + src.getHost();
    return List.of(Durations.since(last, now), str(e.getType()), str(e.getReason()), object,
        inv == null ? "" : str(inv.getFieldPath()), source, str(e.getMessage()).strip(),
        Durations.since(first, now), Integer.toString(count), e.getMetadata().getName());
  }

  private static List<String> pvc(PersistentVolumeClaim c, String name, String age) {
    var spec = c.getSpec();
    var st = c.getStatus();
    String phase = c.getMetadata().getDeletionTimestamp() != null ? "Terminating" : str(st == null ? null : st.getPhase());
    String volume = spec == null ? "" : str(spec.getVolumeName());
    String capacity = "";
    String modes = "";
    if (!volume.isEmpty() && st != null) {
      if (st.getCapacity() != null && st.getCapacity().get("storage") != null) capacity = st.getCapacity().get("storage").toString();
      modes = accessModes(st.getAccessModes());
    }
    String sc = spec != null && spec.getStorageClassName() != null ? spec.getStorageClassName()
        : annotation(c, "volume.beta.kubernetes.io/storage-class");
    String vac = spec != null && notEmpty(spec.getVolumeAttributesClassName()) ? spec.getVolumeAttributesClassName() : "<unset>";
    String mode = spec != null && notEmpty(spec.getVolumeMode()) ? spec.getVolumeMode() : "<unset>";
    return List.of(name, phase, volume, capacity, modes, sc, vac, age, mode);
  }

  private static List<String> pv(PersistentVolume v, String name, String age) {
    var spec = v.getSpec();
    var st = v.getStatus();
    String capacity = spec != null && spec.getCapacity() != null && spec.getCapacity().get("storage") != null
        ? spec.getCapacity().get("storage").toString() : "";
    String claim = "";
    if (spec != null && spec.getClaimRef() != null) claim = spec.getClaimRef().getNamespace() + "/" + spec.getClaimRef().getName();
    String phase = v.getMetadata().getDeletionTimestamp() != null ? "Terminating" : str(st == null ? null : st.getPhase());
    String sc = spec != null && spec.getStorageClassName() != null ? spec.getStorageClassName()
        : annotation(v, "volume.beta.kubernetes.io/storage-class");
    String vac = spec != null && notEmpty(spec.getVolumeAttributesClassName()) ? spec.getVolumeAttributesClassName() : "<unset>";
    String mode = spec != null && notEmpty(spec.getVolumeMode()) ? spec.getVolumeMode() : "<unset>";
    return List.of(name, capacity, accessModes(spec == null ? null : spec.getAccessModes()),
        str(spec == null ? null : spec.getPersistentVolumeReclaimPolicy()), phase, claim, sc, vac,
        str(st == null ? null : st.getReason()), age, mode);
  }

  private static String accessModes(List<String> modes) {
    if (modes == null) return "";
    List<String> out = new ArrayList<>();
    if (modes.contains("ReadWriteOnce")) out.add("RWO");
    if (modes.contains("ReadOnlyMany")) out.add("ROX");
    if (modes.contains("ReadWriteMany")) out.add("RWX");
    if (modes.contains("ReadWriteOncePod")) out.add("RWOP");
    return String.join(",", out);
  }

  /** ENDPOINTS cell: first three {@code ip:port}, then {@code + N more...}; {@code <none>} when empty. */
  private static String endpoints(Endpoints e) {
    List<String> all = new ArrayList<>();
    int count = 0;
    if (e.getSubsets() != null) {
      for (EndpointSubset s : e.getSubsets()) {
        List<EndpointAddress> addrs = s.getAddresses() == null ? List.of() : s.getAddresses();
        List<EndpointPort> ports = s.getPorts() == null || s.getPorts().isEmpty() ? null : s.getPorts();
        for (EndpointAddress a : addrs) {
          if (ports == null) {
            count++;
            if (all.size() < 3) all.add(a.getIp());
          } else {
            for (EndpointPort p : ports) {
              count++;
              if (all.size() < 3) all.add(a.getIp() + ":" + p.getPort());
            }
          }
        }
      }
    }
    if (count == 0) return "<none>";
    String s = String.join(",", all);
    return count > 3 ? s + " + " + (count - 3) + " more..." : s;
  }

  private static List<String> ingress(Ingress i, String name, String age) {
    var spec = i.getSpec();
    String cls = spec != null && spec.getIngressClassName() != null ? spec.getIngressClassName() : "<none>";
    List<String> hosts = new ArrayList<>();
    if (spec != null && spec.getRules() != null) {
      for (var r : spec.getRules()) if (notEmpty(r.getHost())) hosts.add(r.getHost());
    }
    List<String> addrs = new ArrayList<>();
    var lb = i.getStatus() == null ? null : i.getStatus().getLoadBalancer();
    if (lb != null && lb.getIngress() != null) {
      for (var a : lb.getIngress()) addrs.add(notEmpty(a.getIp()) ? a.getIp() : str(a.getHostname()));
    }
    boolean tls = spec != null && spec.getTls() != null && !spec.getTls().isEmpty();
    return List.of(name, cls, hosts.isEmpty() ? "*" : String.join(",", hosts), String.join(",", addrs),
        tls ? "80, 443" : "80", age);
  }

  static String containers(PodTemplateSpec t) {
    if (t == null || t.getSpec() == null || t.getSpec().getContainers() == null) return "";
    return String.join(",", t.getSpec().getContainers().stream().map(Container::getName).toList());
  }

  static String images(PodTemplateSpec t) {
    if (t == null || t.getSpec() == null || t.getSpec().getContainers() == null) return "";
    return String.join(",", t.getSpec().getContainers().stream().map(Container::getImage).toList());
  }

  /** {@code FormatLabels}: sorted {@code k=v} joined by commas, or {@code <none>}. */
  public static String labelsOrNone(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) return "<none>";
    List<String> parts = new ArrayList<>();
    new TreeMap<>(labels).forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(",", parts);
  }

  /** {@code metav1.FormatLabelSelector}: {@code <none>} for an empty selector. */
  public static String selectorOrNone(LabelSelector s) {
    String text = selectorText(s);
    return text.isEmpty() ? "<none>" : text;
  }

  private static String selectorOrEmpty(LabelSelector s) {
    return selectorText(s);
  }

  private static String selectorText(LabelSelector s) {
    if (s == null) return "";
    List<String> parts = new ArrayList<>();
    if (s.getMatchLabels() != null) new TreeMap<>(s.getMatchLabels()).forEach((k, v) -> parts.add(k + "=" + v));
    if (s.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : s.getMatchExpressions()) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        String vals = String.join(",", values);
        switch (r.getOperator()) {
          case "In" -> parts.add(r.getKey() + " in (" + vals + ")");
          case "NotIn" -> parts.add(r.getKey() + " notin (" + vals + ")");
          case "Exists" -> parts.add(r.getKey());
          case "DoesNotExist" -> parts.add("!" + r.getKey());
          default -> parts.add(r.getKey() + " " + r.getOperator() + " (" + vals + ")");
        }
      }
    }
    return String.join(",", parts);
  }

  private static String annotation(HasMetadata o, String key) {
    Map<String, String> a = o.getMetadata().getAnnotations();
    return a == null || a.get(key) == null ? "" : a.get(key);
  }

  private static String num(Integer i) {
    return Integer.toString(i == null ? 0 : i);
  }

  private static int size(Map<?, ?> m) {
    return m == null ? 0 : m.size();
  }

  private static int sizeOf(List<?> l) {
    return l == null ? 0 : l.size();
  }

  private static String str(String s) {
    return s == null ? "" : s;
  }

  private static String orDefault(String s, String d) {
    return notEmpty(s) ? s : d;
  }

  private static String unknownIfEmpty(String s) {
    return notEmpty(s) ? s : "<unknown>";
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }
}
