package io.kubetutor.sim.store;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.ClusterException.Cause;
import io.kubetutor.cluster.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The apiserver's validation with its exact messages (apimachinery {@code validation.go},
 * {@code pkg/apis/core/validation}, {@code pkg/apis/apps/validation}). All causes are collected and
 * reported together as one Invalid error, as the apiserver does.
 */
public final class ApiValidation {

  static final String SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
      + "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex "
      + "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  static final String LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or "
      + "'-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for "
      + "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  static final String DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', "
      + "start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', "
      + "regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
  static final String LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, "
      + "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or "
      + "'12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
  static final String QUALIFIED_NAME_MSG = "name part must consist of alphanumeric characters, '-', '_' or '.', and "
      + "must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used "
      + "for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

  public void validate(ResourceKind kind, HasMetadata o, HasMetadata old) {
    List<Cause> causes = new ArrayList<>();
    meta(kind, o.getMetadata(), causes);
    switch (kind) {
      case POD -> {
        Pod p = (Pod) o;
        if (p.getSpec() == null) causes.add(new Cause("spec.containers", "Required value"));
        else podSpec(p.getSpec(), "spec", causes);
      }
      case DEPLOYMENT -> {
        Deployment d = (Deployment) o;
        LabelSelector oldSel = old == null ? null : ((Deployment) old).getSpec().getSelector();
        if (d.getSpec() == null) causes.add(new Cause("spec.template.spec.containers", "Required value"));
        else {
          workload(d.getSpec().getReplicas(), d.getSpec().getSelector(), d.getSpec().getTemplate(), "deployment",
              old != null, oldSel, causes);
          strategy(d.getSpec().getStrategy(), causes);
        }
      }
      case REPLICASET -> {
        ReplicaSet r = (ReplicaSet) o;
        LabelSelector oldSel = old == null ? null : ((ReplicaSet) old).getSpec().getSelector();
        if (r.getSpec() == null) causes.add(new Cause("spec.template.spec.containers", "Required value"));
        else workload(r.getSpec().getReplicas(), r.getSpec().getSelector(), r.getSpec().getTemplate(), "replicaset",
            old != null, oldSel, causes);
      }
      case DAEMONSET -> {
        DaemonSet d = (DaemonSet) o;
        LabelSelector oldSel = old == null ? null : ((DaemonSet) old).getSpec().getSelector();
        if (d.getSpec() == null) causes.add(new Cause("spec.template.spec.containers", "Required value"));
        else workload(null, d.getSpec().getSelector(), d.getSpec().getTemplate(), "daemonset", old != null, oldSel,
            causes);
      }
      case SERVICE -> service(((Service) o).getSpec(), causes);
      case PERSISTENTVOLUMECLAIM -> claim(((PersistentVolumeClaim) o).getSpec(), causes);
      case JOB -> job(((Job) o).getSpec(), causes);
      default -> { }
    }
    if (!causes.isEmpty()) {
      throw ClusterException.invalid(kind.kind(), kind.group(), o.getMetadata().getName(), causes);
    }
  }

  private static void meta(ResourceKind kind, ObjectMeta meta, List<Cause> causes) {
    String name = meta.getName();
    if (name == null || name.isEmpty()) {
      causes.add(new Cause("metadata.name", "Required value: name or generateName is required"));
    } else if (kind == ResourceKind.NAMESPACE) {
      label(name, "metadata.name", causes);
    } else if (kind == ResourceKind.SERVICE) {
      if (name.length() > 63) causes.add(invalid("metadata.name", name, "must be no more than 63 characters"));
      if (!DNS1035.matcher(name).matches()) causes.add(invalid("metadata.name", name, DNS1035_MSG));
    } else {
      if (name.length() > 253) causes.add(invalid("metadata.name", name, "must be no more than 253 characters"));
      if (!SUBDOMAIN.matcher(name).matches()) causes.add(invalid("metadata.name", name, SUBDOMAIN_MSG));
    }
    labels(meta.getLabels(), "metadata.labels", causes);
  }

  private static void label(String name, String field, List<Cause> causes) {
    if (name.length() > 63) causes.add(invalid(field, name, "must be no more than 63 characters"));
    if (!LABEL.matcher(name).matches()) {
      causes.add(invalid(field, name, SUBDOMAIN.matcher(name).matches() ? "must not contain dots" : LABEL_MSG));
    }
  }

  static void labels(Map<String, String> labels, String field, List<Cause> causes) {
    if (labels == null) return;
    for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
      String key = e.getKey();
      String namePart = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
      if (namePart.isEmpty() || namePart.length() > 63 || !QUALIFIED_NAME.matcher(namePart).matches()) {
        causes.add(invalid(field, key, namePart.length() > 63 ? "name part must be no more than 63 characters"
            : QUALIFIED_NAME_MSG));
      }
      String v = e.getValue() == null ? "" : e.getValue();
      if (v.length() > 63) causes.add(invalid(field, v, "must be no more than 63 characters"));
      if (!LABEL_VALUE.matcher(v).matches()) causes.add(invalid(field, v, LABEL_VALUE_MSG));
    }
  }

  private static void workload(Integer replicas, LabelSelector selector, PodTemplateSpec template, String what,
                               boolean update, LabelSelector oldSelector, List<Cause> causes) {
    if (replicas != null && replicas < 0) {
      causes.add(new Cause("spec.replicas", "Invalid value: " + replicas + ": must be greater than or equal to 0"));
    }
    Map<String, String> templateLabels = template == null || template.getMetadata() == null ? null
        : template.getMetadata().getLabels();
    if (selector == null) {
      causes.add(new Cause("spec.selector", "Required value"));
    } else if (isEmpty(selector)) {
      causes.add(new Cause("spec.selector", "Invalid value: " + goSelector(selector) + ": empty selector is invalid for "
          + what));
    }
    if (update && oldSelector != null && !oldSelector.equals(selector)) {
      causes.add(new Cause("spec.selector", "Invalid value: " + goSelector(selector) + ": field is immutable"));
    }
    if (selector == null || !isEmpty(selector) && !io.kubetutor.sim.Selectors.of(selector).matches(templateLabels == null ? java.util.Map.of() : templateLabels)) {
      causes.add(new Cause("spec.template.metadata.labels", "Invalid value: " + goMap(templateLabels)
          + ": `selector` does not match template `labels`"));
    }
    if (template == null || template.getSpec() == null) {
      causes.add(new Cause("spec.template.spec.containers", "Required value"));
      return;
    }
    labels(templateLabels, "spec.template.metadata.labels", causes);
    podSpec(template.getSpec(), "spec.template.spec", causes);
    String rp = template.getSpec().getRestartPolicy();
    if (rp != null && !"Always".equals(rp)) {
      causes.add(unsupported("spec.template.spec.restartPolicy", rp, List.of("Always")));
    }
  }

  private static void podSpec(PodSpec spec, String path, List<Cause> causes) {
    java.util.Set<String> volumeNames = volumes(spec.getVolumes(), path + ".volumes", causes);
    List<Container> containers = spec.getContainers();
    if (containers == null || containers.isEmpty()) {
      causes.add(new Cause(path + ".containers", "Required value"));
      return;
    }
    for (List<Container> list : java.util.Arrays.asList(spec.getInitContainers(), containers)) {
      if (list == null) continue;
      String kind = list == containers ? ".containers[" : ".initContainers[";
      for (int i = 0; i < list.size(); i++) {
        volumeMounts(list.get(i).getVolumeMounts(), path + kind + i + "].volumeMounts", volumeNames, causes);
      }
    }
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      String p = path + ".containers[" + i + "]";
      if (c.getName() == null || c.getName().isEmpty()) causes.add(new Cause(p + ".name", "Required value"));
      else label(c.getName(), p + ".name", causes);
      if (c.getImage() == null || c.getImage().isBlank()) causes.add(new Cause(p + ".image", "Required value"));
    }
    String rp = spec.getRestartPolicy();
    if (rp != null && !List.of("Always", "OnFailure", "Never").contains(rp)) {
      causes.add(unsupported(path + ".restartPolicy", rp, List.of("Always", "OnFailure", "Never")));
    }
  }

  /** validateVolumes: a DNS-label name, unique, and exactly one source. Returns the names seen. */
  private static java.util.Set<String> volumes(List<Volume> volumes, String path, List<Cause> causes) {
    java.util.Set<String> names = new java.util.HashSet<>();
    if (volumes == null) return names;
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      String p = path + "[" + i + "]";
      String name = v.getName();
      if (name == null || name.isEmpty()) {
        causes.add(new Cause(p + ".name", "Required value"));
      } else {
        label(name, p + ".name", causes);
        if (!names.add(name)) causes.add(new Cause(p + ".name", "Duplicate value: \"" + name + "\""));
      }
      if (!hasSource(v)) causes.add(new Cause(p, "Required value: must specify a volume type"));
    }
    return names;
  }

  /** Any field besides the name is a volume source (emptyDir, persistentVolumeClaim, configMap, ...). */
  private static boolean hasSource(Volume v) {
    // The usual sources first: the tree below is a conversion per volume on the create path.
    if (v.getEmptyDir() != null || v.getPersistentVolumeClaim() != null || v.getConfigMap() != null
        || v.getSecret() != null || v.getHostPath() != null || v.getProjected() != null) {
      return true;
    }
    com.fasterxml.jackson.databind.JsonNode tree = io.kubetutor.cluster.Objects.toTree(v);
    var fields = tree.fieldNames();
    while (fields.hasNext()) {
      String f = fields.next();
      if (!f.equals("name") && !tree.get(f).isNull()) return true;
    }
    return false;
  }

  /** validateVolumeMounts: a name that is one of the pod's volumes, and a mount path used once. */
  private static void volumeMounts(List<VolumeMount> mounts, String path, java.util.Set<String> volumes,
                                   List<Cause> causes) {
    if (mounts == null) return;
    java.util.Set<String> paths = new java.util.HashSet<>();
    for (int i = 0; i < mounts.size(); i++) {
      VolumeMount m = mounts.get(i);
      String p = path + "[" + i + "]";
      if (m.getName() == null || m.getName().isEmpty()) {
        causes.add(new Cause(p + ".name", "Required value"));
      } else if (!volumes.contains(m.getName())) {
        causes.add(new Cause(p + ".name", "Not found: \"" + m.getName() + "\""));
      }
      String mountPath = m.getMountPath();
      if (mountPath == null || mountPath.isEmpty()) {
        causes.add(new Cause(p + ".mountPath", "Required value"));
      } else if (!paths.add(mountPath)) {
        causes.add(invalid(p + ".mountPath", mountPath, "must be unique"));
      }
    }
  }

  static final String PERCENT_MSG = "a valid percent string must be a numeric string followed by an ending '%' "
      + "(e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
  private static final String PORT_RANGE_MSG = "must be between 1 and 65535, inclusive";
  private static final List<String> SERVICE_TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
  private static final List<String> ACCESS_MODES = List.of("ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce",
      "ReadWriteOncePod");

  /** ValidateService (after defaulting): ports, their names, numbers and protocols, the type. */
  private static void service(ServiceSpec spec, List<Cause> causes) {
    if (spec == null) spec = new ServiceSpec();  // defaulting gives every Service a spec; be safe anyway
    List<ServicePort> ports = spec.getPorts() == null ? List.of() : spec.getPorts();
    boolean headless = "None".equals(spec.getClusterIP());
    if (ports.isEmpty() && !headless && !"ExternalName".equals(spec.getType())) {
      causes.add(new Cause("spec.ports", "Required value"));
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      ServicePort sp = ports.get(i);
      String p = "spec.ports[" + i + "]";
      String name = sp.getName() == null ? "" : sp.getName();
      if (ports.size() > 1 && name.isEmpty()) {
        causes.add(new Cause(p + ".name", "Required value"));
      } else if (!name.isEmpty()) {
        label(name, p + ".name", causes);
        if (!names.add(name)) causes.add(new Cause(p + ".name", "Duplicate value: \"" + name + "\""));
      }
      int port = sp.getPort() == null ? 0 : sp.getPort();
      portNumber(port, p + ".port", causes);
      String protocol = sp.getProtocol() == null ? "" : sp.getProtocol();
      if (protocol.isEmpty()) causes.add(new Cause(p + ".protocol", "Required value"));
      else if (!PROTOCOLS.contains(protocol)) causes.add(unsupported(p + ".protocol", protocol, PROTOCOLS));
      targetPort(sp.getTargetPort(), p + ".targetPort", causes);
    }
    if (spec.getSelector() != null) labels(spec.getSelector(), "spec.selector", causes);
    String type = spec.getType() == null ? "" : spec.getType();
    if (type.isEmpty()) causes.add(new Cause("spec.type", "Required value"));
    else if (!SERVICE_TYPES.contains(type)) causes.add(unsupported("spec.type", type, SERVICE_TYPES));
    for (int i = 0; i < ports.size(); i++) {
      Integer nodePort = ports.get(i).getNodePort();
      if (nodePort == null || nodePort == 0) continue;
      if ("ClusterIP".equals(type)) {
        causes.add(new Cause("spec.ports[" + i + "].nodePort", "Forbidden: may not be used when `type` is 'ClusterIP'"));
      }
    }
    // The node-port range and clashes are the allocator's, checked before validation (ApiDefaults).
  }

  /** IsValidPortNum: 1 to 65535. */
  private static void portNumber(int n, String field, List<Cause> causes) {
    if (n < 1 || n > 65535) causes.add(new Cause(field, "Invalid value: " + n + ": " + PORT_RANGE_MSG));
  }

  /** ValidatePortNumOrName: a number in range or an IANA_SVC_NAME. An unset target port is Go's 0. */
  private static void targetPort(IntOrString v, String field, List<Cause> causes) {
    if (v == null || v.getStrVal() == null) {
      portNumber(v == null || v.getIntVal() == null ? 0 : v.getIntVal(), field, causes);
      return;
    }
    String name = v.getStrVal();
    List<String> problems = new ArrayList<>();
    if (name.length() > 15) problems.add("must be no more than 15 characters");
    if (!name.matches("[-a-z0-9]*")) problems.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    if (!name.matches(".*[a-z].*")) problems.add("must contain at least one letter (a-z)");
    if (name.contains("--")) problems.add("must not contain consecutive hyphens");
    if (name.startsWith("-") || name.endsWith("-")) problems.add("must not begin or end with a hyphen");
    for (String msg : problems) causes.add(invalid(field, name, msg));
  }

  /** ValidatePersistentVolumeClaimSpec: at least one known access mode and a positive storage request. */
  private static void claim(PersistentVolumeClaimSpec spec, List<Cause> causes) {
    List<String> modes = spec == null || spec.getAccessModes() == null ? List.of() : spec.getAccessModes();
    if (modes.isEmpty()) causes.add(new Cause("spec.accessModes", "Required value: at least 1 access mode is required"));
    for (String mode : modes) {
      if (!ACCESS_MODES.contains(mode)) causes.add(unsupported("spec.accessModes", mode, ACCESS_MODES));
    }
    var requests = spec == null || spec.getResources() == null ? null : spec.getResources().getRequests();
    Quantity storage = requests == null ? null : requests.get("storage");
    if (storage == null) {
      causes.add(new Cause("spec.resources[storage]", "Required value"));
    } else if (!positive(storage)) {
      causes.add(invalid("spec.resources[storage]", storage.toString(), "must be greater than zero"));
    }
  }

  /** validateJobSpec: non-negative counts, a valid pod template, and a restart policy of OnFailure or Never. */
  private static void job(JobSpec spec, List<Cause> causes) {
    if (spec == null) spec = new JobSpec();
    nonNegative(spec.getParallelism(), "spec.parallelism", causes);
    nonNegative(spec.getCompletions(), "spec.completions", causes);
    nonNegative(spec.getBackoffLimit(), "spec.backoffLimit", causes);
    PodSpec podSpec = spec.getTemplate() == null || spec.getTemplate().getSpec() == null ? new PodSpec()
        : spec.getTemplate().getSpec();
    podSpec(podSpec, "spec.template.spec", causes);
    String rp = podSpec.getRestartPolicy();
    // Pod defaulting turns an unset policy into Always, so both mean the student gave none.
    if (rp == null || rp.isEmpty() || rp.equals("Always")) {
      causes.add(new Cause("spec.template.spec.restartPolicy", "Required value: valid values: \"OnFailure\", \"Never\""));
    } else if (!rp.equals("OnFailure") && !rp.equals("Never")) {
      causes.add(unsupported("spec.template.spec.restartPolicy", rp, List.of("OnFailure", "Never")));
    }
  }

  private static boolean positive(Quantity q) {
    try {
      return Quantity.getAmountInBytes(q).signum() > 0;
    } catch (RuntimeException e) {
      return false;  // decoding refuses malformed quantities before this; a stored one is not worth a crash
    }
  }

  private static void nonNegative(Integer value, String field, List<Cause> causes) {
    if (value != null && value < 0) {
      causes.add(new Cause(field, "Invalid value: " + value + ": must be greater than or equal to 0"));
    }
  }

  private static Cause unsupported(String field, String value, List<String> supported) {
    StringBuilder sb = new StringBuilder("Unsupported value: \"").append(value).append("\": supported values: ");
    for (int i = 0; i < supported.size(); i++) sb.append(i == 0 ? "" : ", ").append('"').append(supported.get(i)).append('"');
    return new Cause(field, sb.toString());
  }

  private static final Pattern PERCENT = Pattern.compile("[0-9]+%");

  /** ValidateRollingUpdateDeployment: each bound an integer ≥ 0 or a percentage; not both 0; at most 100% unavailable. */
  private static void strategy(io.fabric8.kubernetes.api.model.apps.DeploymentStrategy strategy, List<Cause> causes) {
    if (strategy == null || strategy.getRollingUpdate() == null) return;
    String path = "spec.strategy.rollingUpdate";
    if ("Recreate".equals(strategy.getType())) {
      causes.add(new Cause(path, "Forbidden: may not be specified when strategy `type` is 'Recreate'"));
      return;
    }
    IntOrString unavailable = strategy.getRollingUpdate().getMaxUnavailable();
    IntOrString surge = strategy.getRollingUpdate().getMaxSurge();
    Integer u = intOrPercent(unavailable, path + ".maxUnavailable", causes);
    Integer sg = intOrPercent(surge, path + ".maxSurge", causes);
    if (u != null && unavailable.getStrVal() != null && u > 100) {
      causes.add(new Cause(path + ".maxUnavailable", "Invalid value: " + show(unavailable)
          + ": must not be greater than 100%"));
    }
    if (u != null && sg != null && u == 0 && sg == 0) {
      causes.add(new Cause(path + ".maxUnavailable", "Invalid value: " + show(unavailable)
          + ": may not be 0 when `maxSurge` is 0"));
    }
  }

  /** The number in an int-or-percent bound (a percentage as its number), or null when absent or invalid. */
  private static Integer intOrPercent(IntOrString v, String field, List<Cause> causes) {
    if (v == null || v.getIntVal() == null && v.getStrVal() == null) return null;
    if (v.getStrVal() != null) {
      if (!PERCENT.matcher(v.getStrVal()).matches()) {
        causes.add(new Cause(field, "Invalid value: " + show(v) + ": " + PERCENT_MSG));
        return null;
      }
      try {
        return Integer.parseInt(v.getStrVal().substring(0, v.getStrVal().length() - 1));
      } catch (NumberFormatException e) {
        causes.add(new Cause(field, "Invalid value: " + show(v) + ": " + PERCENT_MSG));
        return null;
      }
    }
    if (v.getIntVal() < 0) {
      causes.add(new Cause(field, "Invalid value: " + v.getIntVal() + ": must be greater than or equal to 0"));
      return null;
    }
    return v.getIntVal();
  }

  private static String show(IntOrString v) {
    return v.getStrVal() != null ? "\"" + v.getStrVal() + "\"" : String.valueOf(v.getIntVal());
  }

  private static boolean isEmpty(LabelSelector s) {
    return (s.getMatchLabels() == null || s.getMatchLabels().isEmpty())
        && (s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty());
  }

  private static Cause invalid(String field, String value, String detail) {
    return new Cause(field, "Invalid value: \"" + value + "\": " + detail);
  }

  /** Go's {@code %#v} of a {@code map[string]string}: sorted keys, {@code ", "} between entries. */
  static String goMap(Map<String, String> m) {
    if (m == null) return "map[string]string(nil)";
    StringBuilder sb = new StringBuilder("map[string]string{");
    boolean first = true;
    for (Map.Entry<String, String> e : new TreeMap<>(m).entrySet()) {
      if (!first) sb.append(", ");
      first = false;
      sb.append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
    }
    return sb.append('}').toString();
  }

  /** Go's {@code %#v} of a {@code v1.LabelSelector}. */
  static String goSelector(LabelSelector s) {
    String expressions = s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty()
        ? "[]v1.LabelSelectorRequirement(nil)" : "[]v1.LabelSelectorRequirement{...}";
    return "v1.LabelSelector{MatchLabels:" + goMap(s.getMatchLabels()) + ", MatchExpressions:" + expressions + "}";
  }
}
