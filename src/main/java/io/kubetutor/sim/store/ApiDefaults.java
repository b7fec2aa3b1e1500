package io.kubetutor.sim.store;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceSpec;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDaemonSet;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.sim.ControlPlane;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The apiserver's defaulting and the mutating admission plugins that matter to students
 * (ServiceAccount, DefaultTolerationSeconds, Priority, DefaultStorageClass), after
 * {@code pkg/apis/core/v1/defaults.go} and {@code pkg/apis/apps/v1/defaults.go}.
 */
public final class ApiDefaults {

  public static final String TOKEN_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
  private static final String NOT_READY = "node.kubernetes.io/not-ready";
  private static final String UNREACHABLE = "node.kubernetes.io/unreachable";

  private final ControlPlane plane;

  public ApiDefaults(ControlPlane plane) {
    this.plane = plane;
  }

  public void apply(ResourceKind kind, HasMetadata o, HasMetadata old) {
    boolean create = old == null;
    switch (kind) {
      case POD -> pod((Pod) o, create);
      case DEPLOYMENT -> deployment((Deployment) o, create);
      case REPLICASET -> replicaSet((ReplicaSet) o, create);
      case DAEMONSET -> daemonSet((DaemonSet) o, create);
      case JOB -> job((Job) o);
      case SERVICE -> service((Service) o, (Service) old);
      case NAMESPACE -> namespace((Namespace) o, create);
      case PERSISTENTVOLUMECLAIM -> claim((PersistentVolumeClaim) o, create);
      case SECRET -> {
        Secret s = (Secret) o;
        if (s.getType() == null) s.setType("Opaque");
      }
      default -> { }
    }
  }

  // ---- pods and templates ----

  private void pod(Pod pod, boolean create) {
    if (pod.getSpec() == null) return;  // validation reports it
    PodSpec spec = pod.getSpec();
    podSpec(spec);
    if (!create) return;
    // Admission on create only: service account, its token volume, priority, default tolerations.
    if (spec.getServiceAccountName() == null) spec.setServiceAccountName(spec.getServiceAccount() != null
        ? spec.getServiceAccount() : "default");
    spec.setServiceAccount(spec.getServiceAccountName());
    if (spec.getPriority() == null) spec.setPriority(0);
    if (spec.getPreemptionPolicy() == null) spec.setPreemptionPolicy("PreemptLowerPriority");
    List<Toleration> tolerations = spec.getTolerations() == null ? new ArrayList<>() : new ArrayList<>(spec.getTolerations());
    for (String key : List.of(NOT_READY, UNREACHABLE)) {
      boolean has = tolerations.stream().anyMatch(t -> key.equals(t.getKey()) && "NoExecute".equals(t.getEffect())
          || (t.getKey() == null && "Exists".equals(t.getOperator())));
      if (!has) tolerations.add(new Toleration("NoExecute", key, "Exists", 300L, null));
    }
    spec.setTolerations(tolerations);
    if (!Boolean.FALSE.equals(spec.getAutomountServiceAccountToken())) tokenVolume(spec);
    PodStatus status = new PodStatus();
    status.setPhase("Pending");
    status.setQosClass(qosClass(spec));
    pod.setStatus(status);
  }

  /** The projected service-account token volume and its mount in every container. */
  private void tokenVolume(PodSpec spec) {
    List<Container> all = new ArrayList<>(spec.getContainers() == null ? List.of() : spec.getContainers());
    if (spec.getInitContainers() != null) all.addAll(spec.getInitContainers());
    boolean mounted = all.stream().anyMatch(c -> c.getVolumeMounts() != null
        && c.getVolumeMounts().stream().anyMatch(m -> TOKEN_MOUNT_PATH.equals(m.getMountPath())));
    if (mounted || all.isEmpty()) return;
    String name = "kube-api-access-" + plane.randomSuffix();
    Volume volume = new Volume();
    volume.setName(name);
    volume.setProjected(TOKEN_SOURCES);
    List<Volume> volumes = spec.getVolumes() == null ? new ArrayList<>() : new ArrayList<>(spec.getVolumes());
    volumes.add(volume);
    spec.setVolumes(volumes);
    for (Container c : all) {
      List<VolumeMount> mounts = c.getVolumeMounts() == null ? new ArrayList<>() : new ArrayList<>(c.getVolumeMounts());
      VolumeMount m = new VolumeMount();
      m.setName(name);
      m.setMountPath(TOKEN_MOUNT_PATH);
      m.setReadOnly(true);
      mounts.add(m);
      c.setVolumeMounts(mounts);
    }
  }

  /**
   * What every token volume projects (the same for every pod, so built once and shared: stored
   * objects are never changed in place, and building it per pod was a large part of a pod create).
   */
  private static final io.fabric8.kubernetes.api.model.ProjectedVolumeSource TOKEN_SOURCES = new VolumeBuilder()
        .withNewProjected().withDefaultMode(420)
          .addNewSource().withNewServiceAccountToken().withExpirationSeconds(3607L).withPath("token")
            .endServiceAccountToken().endSource()
          .addNewSource().withNewConfigMap().withName("kube-root-ca.crt")
            .addNewItem().withKey("ca.crt").withPath("ca.crt").endItem().endConfigMap().endSource()
          .addNewSource().withNewDownwardAPI()
            .addNewItem().withPath("namespace").withNewFieldRef().withApiVersion("v1")
              .withFieldPath("metadata.namespace").endFieldRef().endItem()
            .endDownwardAPI().endSource()
        .endProjected().build().getProjected();

  /** Defaults of a pod spec, shared by pods and the templates of workloads. */
  public static void podSpec(PodSpec spec) {
    if (spec.getRestartPolicy() == null) spec.setRestartPolicy("Always");
    if (spec.getTerminationGracePeriodSeconds() == null) spec.setTerminationGracePeriodSeconds(30L);
    if (spec.getDnsPolicy() == null) spec.setDnsPolicy("ClusterFirst");
    if (spec.getSchedulerName() == null) spec.setSchedulerName("default-scheduler");
    if (spec.getSecurityContext() == null) spec.setSecurityContext(new PodSecurityContext());
    if (spec.getEnableServiceLinks() == null) spec.setEnableServiceLinks(true);
    if (spec.getContainers() != null) for (Container c : spec.getContainers()) container(c);
    if (spec.getInitContainers() != null) for (Container c : spec.getInitContainers()) container(c);
  }

  static void container(Container c) {
    if (c.getImagePullPolicy() == null && c.getImage() != null) c.setImagePullPolicy(pullPolicy(c.getImage()));
    if (c.getTerminationMessagePath() == null) c.setTerminationMessagePath("/dev/termination-log");
    if (c.getTerminationMessagePolicy() == null) c.setTerminationMessagePolicy("File");
    if (c.getPorts() != null) for (ContainerPort p : c.getPorts()) if (p.getProtocol() == null) p.setProtocol("TCP");
    ResourceRequirements r = c.getResources() == null ? new ResourceRequirements() : c.getResources();
    if (r.getLimits() != null && !r.getLimits().isEmpty()) {
      Map<String, Quantity> requests = r.getRequests() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(r.getRequests());
      r.getLimits().forEach(requests::putIfAbsent);
      r.setRequests(requests);
    }
    c.setResources(r);
  }

  /** {@code Always} for {@code :latest} or an untagged, undigested image; else {@code IfNotPresent}. */
  public static String pullPolicy(String image) {
    if (image.contains("@")) return "IfNotPresent";
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon <= slash) return "Always";
    return image.substring(colon + 1).equals("latest") ? "Always" : "IfNotPresent";
  }

  static String qosClass(PodSpec spec) {
    boolean any = false;
    boolean guaranteed = true;
    for (Container c : spec.getContainers() == null ? List.<Container>of() : spec.getContainers()) {
      ResourceRequirements r = c.getResources();
      Map<String, Quantity> req = r == null || r.getRequests() == null ? Map.of() : r.getRequests();
      Map<String, Quantity> lim = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
      if (!req.isEmpty() || !lim.isEmpty()) any = true;
      for (String res : List.of("cpu", "memory")) {
        if (!lim.containsKey(res) || !lim.get(res).equals(req.get(res))) guaranteed = false;
      }
    }
    if (!any) return "BestEffort";
    return guaranteed ? "Guaranteed" : "Burstable";
  }

  private static void template(PodTemplateSpec t) {
    if (t != null && t.getSpec() != null) podSpec(t.getSpec());
  }

  // ---- workloads ----

  private void deployment(Deployment d, boolean create) {
    DeploymentSpec spec = d.getSpec();
    if (spec == null) return;
    if (spec.getReplicas() == null) spec.setReplicas(1);
    DeploymentStrategy strategy = spec.getStrategy() == null ? new DeploymentStrategy() : spec.getStrategy();
    if (strategy.getType() == null) strategy.setType("RollingUpdate");
    if ("RollingUpdate".equals(strategy.getType())) {
      RollingUpdateDeployment ru = strategy.getRollingUpdate() == null ? new RollingUpdateDeployment() : strategy.getRollingUpdate();
      if (ru.getMaxSurge() == null) ru.setMaxSurge(new IntOrString("25%"));
      if (ru.getMaxUnavailable() == null) ru.setMaxUnavailable(new IntOrString("25%"));
      strategy.setRollingUpdate(ru);
    }
    spec.setStrategy(strategy);
    if (spec.getRevisionHistoryLimit() == null) spec.setRevisionHistoryLimit(10);
    if (spec.getProgressDeadlineSeconds() == null) spec.setProgressDeadlineSeconds(600);
    template(spec.getTemplate());
    if (create) d.setStatus(new DeploymentStatus());
  }

  private void replicaSet(ReplicaSet rs, boolean create) {
    if (rs.getSpec() == null) return;
    if (rs.getSpec().getReplicas() == null) rs.getSpec().setReplicas(1);
    template(rs.getSpec().getTemplate());
    if (create) {
      ReplicaSetStatus status = new ReplicaSetStatus();
      status.setReplicas(0);
      rs.setStatus(status);
    }
  }

  private void daemonSet(DaemonSet ds, boolean create) {
    if (ds.getSpec() == null) return;
    DaemonSetUpdateStrategy s = ds.getSpec().getUpdateStrategy() == null ? new DaemonSetUpdateStrategy()
        : ds.getSpec().getUpdateStrategy();
    if (s.getType() == null) s.setType("RollingUpdate");
    if ("RollingUpdate".equals(s.getType()) && s.getRollingUpdate() == null) {
      s.setRollingUpdate(new RollingUpdateDaemonSet(new IntOrString(0), new IntOrString(1)));
    }
    ds.getSpec().setUpdateStrategy(s);
    if (ds.getSpec().getRevisionHistoryLimit() == null) ds.getSpec().setRevisionHistoryLimit(10);
    template(ds.getSpec().getTemplate());
    if (create) ds.setStatus(null);
  }

  private void job(Job job) {
    var spec = job.getSpec();
    if (spec == null) return;
    if (spec.getCompletions() == null && spec.getParallelism() == null) {
      spec.setCompletions(1);
      spec.setParallelism(1);
    }
    if (spec.getParallelism() == null) spec.setParallelism(1);
    if (spec.getBackoffLimit() == null) spec.setBackoffLimit(6);
    if (spec.getCompletionMode() == null) spec.setCompletionMode("NonIndexed");
    if (spec.getSuspend() == null) spec.setSuspend(false);
    template(spec.getTemplate());
  }

  // ---- services, namespaces, claims ----

  private void service(Service svc, Service old) {
    ServiceSpec spec = svc.getSpec();
    if (spec == null) {
      spec = new ServiceSpec();
      svc.setSpec(spec);
    }
    if (spec.getType() == null) spec.setType("ClusterIP");
    if (spec.getSessionAffinity() == null) spec.setSessionAffinity("None");
    if (spec.getInternalTrafficPolicy() == null) spec.setInternalTrafficPolicy("Cluster");
    if (spec.getPorts() != null) {
      for (ServicePort p : spec.getPorts()) {
        if (p.getProtocol() == null) p.setProtocol("TCP");
        if (p.getTargetPort() == null && p.getPort() != null) p.setTargetPort(new IntOrString(p.getPort()));
      }
    }
    if (!"ExternalName".equals(spec.getType())) {
      if (old != null && old.getSpec() != null && spec.getClusterIP() == null) {
        spec.setClusterIP(old.getSpec().getClusterIP());
      }
      if (spec.getClusterIP() == null || spec.getClusterIP().isEmpty()) spec.setClusterIP(allocateClusterIp());
      spec.setClusterIPs(List.of(spec.getClusterIP()));
      if (!"None".equals(spec.getClusterIP())) {
        if (spec.getIpFamilies() == null) spec.setIpFamilies(List.of("IPv4"));
        if (spec.getIpFamilyPolicy() == null) spec.setIpFamilyPolicy("SingleStack");
      }
    }
    if ("NodePort".equals(spec.getType()) || "LoadBalancer".equals(spec.getType())) {
      if (spec.getExternalTrafficPolicy() == null) spec.setExternalTrafficPolicy("Cluster");
      Set<Integer> used = usedNodePorts(svc);
      checkRequestedNodePorts(svc, used);
      if (spec.getPorts() != null) {
        for (ServicePort p : spec.getPorts()) {
          if (p.getNodePort() == null) {
            int port;
            do port = 30000 + plane.random().nextInt(2768); while (!used.add(port));
            p.setNodePort(port);
          }
        }
      }
    }
    if (old == null) {
      ServiceStatus status = new ServiceStatus();
      status.setLoadBalancer(new io.fabric8.kubernetes.api.model.LoadBalancerStatus());
      svc.setStatus(status);
    }
  }

  /** A free address in 10.96.0.0/12 (10.96.0.1 is the kubernetes Service's), seeded. */
  private String allocateClusterIp() {
    Set<String> used = new HashSet<>();
    for (Service s : plane.store().list(Service.class, null, null)) {
      if (s.getSpec() != null && s.getSpec().getClusterIP() != null) used.add(s.getSpec().getClusterIP());
    }
    while (true) {
      int offset = 2 + plane.random().nextInt((1 << 20) - 3);
      String ip = "10." + (96 + (offset >> 16)) + "." + ((offset >> 8) & 0xff) + "." + (offset & 0xff);
      if ((offset & 0xff) != 0 && (offset & 0xff) != 255 && used.add(ip)) return ip;
    }
  }

  /**
   * The node-port allocator's checks on ports the manifest names, which the apiserver runs before
   * validation: a refusal here is the whole answer. {@code used} then holds the requested ports too.
   */
  private static void checkRequestedNodePorts(Service svc, Set<Integer> used) {
    List<ClusterException.Cause> causes = new ArrayList<>();
    List<ServicePort> ports = svc.getSpec().getPorts() == null ? List.of() : svc.getSpec().getPorts();
    for (int i = 0; i < ports.size(); i++) {
      Integer nodePort = ports.get(i).getNodePort();
      if (nodePort == null || nodePort == 0) continue;
      String field = "spec.ports[" + i + "].nodePort";
      if (nodePort < 30000 || nodePort > 32767) {
        causes.add(new ClusterException.Cause(field, "Invalid value: " + nodePort
            + ": provided port is not in the valid range. The range of valid ports is 30000-32767"));
      } else if (!used.add(nodePort)) {
        causes.add(new ClusterException.Cause(field, "Invalid value: " + nodePort + ": provided port is already allocated"));
      }
    }
    if (!causes.isEmpty()) throw ClusterException.invalid("Service", "", svc.getMetadata().getName(), causes);
  }

  /** Node ports held by every Service but this one (an update keeps its own). */
  private Set<Integer> usedNodePorts(Service self) {
    Set<Integer> used = new HashSet<>();
    for (Service s : plane.store().list(Service.class, null, null)) {
      if (java.util.Objects.equals(s.getMetadata().getNamespace(), self.getMetadata().getNamespace())
          && s.getMetadata().getName().equals(self.getMetadata().getName())) {
        continue;
      }
      if (s.getSpec() != null && s.getSpec().getPorts() != null) {
        for (ServicePort p : s.getSpec().getPorts()) if (p.getNodePort() != null) used.add(p.getNodePort());
      }
    }
    return used;
  }

  private void namespace(Namespace ns, boolean create) {
    Map<String, String> labels = ns.getMetadata().getLabels() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(ns.getMetadata().getLabels());
    labels.put("kubernetes.io/metadata.name", ns.getMetadata().getName());
    ns.getMetadata().setLabels(labels);
    if (create) {
      ns.setSpec(new NamespaceSpec(List.of("kubernetes")));
      NamespaceStatus status = new NamespaceStatus();
      status.setPhase("Active");
      ns.setStatus(status);
    }
  }

  private void claim(PersistentVolumeClaim pvc, boolean create) {
    if (pvc.getSpec() == null) return;
    if (pvc.getSpec().getVolumeMode() == null) pvc.getSpec().setVolumeMode("Filesystem");
    if (create && pvc.getSpec().getStorageClassName() == null) {
      for (StorageClass sc : plane.store().list(StorageClass.class, null, null)) {
        Map<String, String> a = sc.getMetadata().getAnnotations();
        if (a != null && "true".equals(a.get("storageclass.kubernetes.io/is-default-class"))) {
          pvc.getSpec().setStorageClassName(sc.getMetadata().getName());
          break;
        }
      }
    }
    if (create) {
      PersistentVolumeClaimStatus status = new PersistentVolumeClaimStatus();
      status.setPhase("Pending");
      pvc.setStatus(status);
    }
  }
}
