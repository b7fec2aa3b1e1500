package io.kubetutor.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The resource types kubetutor serves, with the names kubectl accepts for them. This is the single
 * table behind resource-argument parsing, {@code api-resources}, the simulator's store and the
 * real-cluster adapter. Order is {@code kubectl api-resources} order (core group first, then by group).
 */
public enum ResourceKind {
  CONFIGMAP("configmaps", "configmap", "", "v1", "ConfigMap", true, ConfigMap.class, "cm"),
  ENDPOINTS("endpoints", "endpoints", "", "v1", "Endpoints", true, Endpoints.class, "ep"),
  EVENT("events", "event", "", "v1", "Event", true, Event.class, "ev"),
  NAMESPACE("namespaces", "namespace", "", "v1", "Namespace", false, Namespace.class, "ns"),
  NODE("nodes", "node", "", "v1", "Node", false, Node.class, "no"),
  PERSISTENTVOLUMECLAIM("persistentvolumeclaims", "persistentvolumeclaim", "", "v1", "PersistentVolumeClaim", true,
      PersistentVolumeClaim.class, "pvc"),
  PERSISTENTVOLUME("persistentvolumes", "persistentvolume", "", "v1", "PersistentVolume", false,
      PersistentVolume.class, "pv"),
  POD("pods", "pod", "", "v1", "Pod", true, Pod.class, "po"),
  SECRET("secrets", "secret", "", "v1", "Secret", true, Secret.class),
  SERVICEACCOUNT("serviceaccounts", "serviceaccount", "", "v1", "ServiceAccount", true, ServiceAccount.class, "sa"),
  SERVICE("services", "service", "", "v1", "Service", true, Service.class, "svc"),
  DAEMONSET("daemonsets", "daemonset", "apps", "v1", "DaemonSet", true, DaemonSet.class, "ds"),
  DEPLOYMENT("deployments", "deployment", "apps", "v1", "Deployment", true, Deployment.class, "deploy"),
  REPLICASET("replicasets", "replicaset", "apps", "v1", "ReplicaSet", true, ReplicaSet.class, "rs"),
  JOB("jobs", "job", "batch", "v1", "Job", true, Job.class),
  INGRESS("ingresses", "ingress", "networking.k8s.io", "v1", "Ingress", true, Ingress.class, "ing"),
  STORAGECLASS("storageclasses", "storageclass", "storage.k8s.io", "v1", "StorageClass", false,
      StorageClass.class, "sc");

  private final String plural;
  private final String singular;
  private final String group;
  private final String version;
  private final String kind;
  private final boolean namespaced;
  private final Class<? extends HasMetadata> type;
  private final List<String> shortNames;

  ResourceKind(String plural, String singular, String group, String version, String kind, boolean namespaced,
      Class<? extends HasMetadata> type, String... shortNames) {
    this.plural = plural;
    this.singular = singular;
    this.group = group;
    this.version = version;
    this.kind = kind;
    this.namespaced = namespaced;
    this.type = type;
    this.shortNames = List.of(shortNames);
  }

  public String plural() { return plural; }
  public String singular() { return singular; }
  public String group() { return group; }
  public String version() { return version; }
  public String kind() { return kind; }
  public boolean namespaced() { return namespaced; }
  public Class<? extends HasMetadata> type() { return type; }
  public List<String> shortNames() { return shortNames; }

  /** {@code v1} or {@code apps/v1}. */
  public String apiVersion() { return group.isEmpty() ? version : group + "/" + version; }

  /** {@code pods}, {@code deployments.apps}: how the apiserver names the resource in messages. */
  public String qualifiedPlural() { return group.isEmpty() ? plural : plural + "." + group; }

  /** {@code pod}, {@code deployment.apps}: the prefix kubectl prints in {@code kind/name} output. */
  public String qualifiedSingular() {
    String lower = kind.toLowerCase(Locale.ROOT);
    return group.isEmpty() ? lower : lower + "." + group;
  }

  /**
   * Resolves a type as typed on a kubectl command line: plural, singular, short name or kind, any
   * of them optionally qualified by group ({@code deployments.apps}) or group and version.
   */
  public static Optional<ResourceKind> lookup(String typed) {
    String t = typed.toLowerCase(Locale.ROOT);
    for (ResourceKind k : values()) {
      if (k.matchesName(t)) return Optional.of(k);
    }
    for (ResourceKind k : values()) {
      if (k.group.isEmpty()) continue;
      for (String name : k.allNames()) {
        if (t.equals(name + "." + k.group) || t.equals(name + "." + k.version + "." + k.group)) return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The kind of an object by its {@code apiVersion} and {@code kind} as written in a manifest. */
  public static Optional<ResourceKind> forKind(String apiVersion, String kind) {
    return Arrays.stream(values())
        .filter(k -> k.kind.equals(kind) && k.apiVersion().equals(apiVersion))
        .findFirst();
  }

  public static Optional<ResourceKind> forObject(HasMetadata obj) {
    for (ResourceKind k : ALL) {  // not values(): that clones the array on every call, and this is called per write
      if (k.type == obj.getClass()) return Optional.of(k);
    }
    return forKind(obj.getApiVersion(), obj.getKind());
  }

  private static final ResourceKind[] ALL = values();

  private boolean matchesName(String t) {
    return allNames().contains(t);
  }

  private List<String> allNames() {
    List<String> names = new java.util.ArrayList<>(shortNames);
    names.add(plural);
    names.add(singular);
    names.add(kind.toLowerCase(Locale.ROOT));
    return names;
  }
}
