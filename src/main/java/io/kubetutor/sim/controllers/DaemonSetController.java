package io.kubetutor.sim.controllers;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelectorBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.ControlPlane;
import io.kubetutor.sim.ObjectKey;
import io.kubetutor.sim.Owners;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The DaemonSet controller ({@code pkg/controller/daemon}): one pod per node that the template's
 * nodeSelector and tolerations admit, pinned to its node by a {@code metadata.name} node affinity
 * and bound there; pods on nodes that no longer qualify are removed (a NoSchedule taint added later
 * leaves a running pod in place, counted as misscheduled, as the real controller does); a template
 * change is rolled out node by node within {@code maxUnavailable} (RollingUpdate) or left to the
 * user (OnDelete).
 */
public final class DaemonSetController implements Reconciler {

  static final String HASH_LABEL = "controller-revision-hash";
  static final String GENERATION_LABEL = "pod-template-generation";

  private final ControlPlane plane;

  public DaemonSetController(ControlPlane plane) {
    this.plane = plane;
  }

  @Override public String name() { return "daemonset-controller"; }

  @Override
  public void onChange(WatchEvent event, Consumer<ObjectKey> enqueue) {
    HasMetadata o = event.object();
    if (o instanceof DaemonSet) {
      if (event.type() != WatchEvent.Type.DELETED) enqueue.accept(ObjectKey.of(o));
    } else if (o instanceof Pod pod) {
      OwnerReference ref = Owners.controllerOf(pod);
      if (ref != null && "DaemonSet".equals(ref.getKind())) {
        enqueue.accept(new ObjectKey(ResourceKind.DAEMONSET, pod.getMetadata().getNamespace(), ref.getName()));
      }
    } else if (o instanceof Node) {
      // A node that appears, goes, or changes labels/taints may change where every DaemonSet runs.
      for (DaemonSet ds : plane.store().list(DaemonSet.class, null, null)) enqueue.accept(ObjectKey.of(ds));
    }
  }

  @Override
  public void reconcile(ObjectKey key) {
    DaemonSet ds = (DaemonSet) plane.store().get(key);
    if (ds == null || ds.getSpec() == null || Owners.deleting(ds)) return;
    String hash = DeploymentController.podTemplateHash(ds.getSpec().getTemplate(), null);
    List<Node> nodes = plane.store().list(Node.class, null, null);
    Map<String, List<Pod>> byNode = podsByNode(ds);
    Pod probe = podFromTemplate(ds, hash, "");

    List<String> toCreate = new ArrayList<>();
    List<Pod> toDelete = new ArrayList<>();
    List<Pod> oldPods = new ArrayList<>();
    int unavailable = 0;
    for (Node node : nodes) {
      String nodeName = node.getMetadata().getName();
      List<Pod> pods = byNode.getOrDefault(nodeName, List.of());
      List<Pod> active = pods.stream().filter(p -> !Owners.deleting(p)).toList();
      Eligibility e = eligibility(probe.getSpec(), node);
      if (e == Eligibility.RUN) {
        // A failed daemon pod is deleted and replaced.
        List<Pod> failed = active.stream().filter(p -> p.getStatus() != null && "Failed".equals(p.getStatus().getPhase()))
            .toList();
        toDelete.addAll(failed);
        List<Pod> running = new ArrayList<>(active.stream().filter(p -> !failed.contains(p)).toList());
        if (running.isEmpty()) {
          toCreate.add(nodeName);
          unavailable++;
          continue;
        }
        // Keep the oldest; duplicates go.
        running.sort(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp()));
        toDelete.addAll(running.subList(1, running.size()));
        Pod kept = running.get(0);
        if (!available(kept, ds)) unavailable++;
        if (!hash.equals(label(kept, HASH_LABEL))) oldPods.add(kept);
      } else if (e == Eligibility.EVICT) {
        toDelete.addAll(active);
      }
    }
    for (Pod pod : toDelete) delete(ds, pod);
    for (String node : toCreate) create(ds, hash, node);
    if ("RollingUpdate".equals(strategy(ds)) && !oldPods.isEmpty()) {
      int maxUnavailable = maxUnavailable(ds, desired(ds, nodes, probe));
      // Old pods that are not available anyway go first; they do not spend the budget.
      oldPods.sort(Comparator.comparing((Pod p) -> available(p, ds)));
      for (Pod old : oldPods) {
        if (available(old, ds)) {
          if (unavailable >= maxUnavailable) break;
          unavailable++;
        }
        plane.trace(name(), ds.getMetadata().getName() + " rolls " + old.getSpec().getNodeName() + " to revision "
            + hash);
        if (delete(ds, old)) create(ds, hash, old.getSpec().getNodeName());
      }
    }
    updateStatus(ds, hash);
  }

  private enum Eligibility { RUN, KEEP_IF_RUNNING, EVICT }

  /** Whether a daemon pod belongs on {@code node}: the nodeSelector and the node's taints against the pod's tolerations. */
  private static Eligibility eligibility(PodSpec spec, Node node) {
    Map<String, String> selector = spec.getNodeSelector();
    Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    if (selector != null) {
      for (Map.Entry<String, String> e : selector.entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) return Eligibility.EVICT;
      }
    }
    Eligibility result = Eligibility.RUN;
    if (node.getSpec() != null && node.getSpec().getTaints() != null) {
      for (Taint t : node.getSpec().getTaints()) {
        if (tolerated(spec, t)) continue;
        if ("NoExecute".equals(t.getEffect())) return Eligibility.EVICT;
        if ("NoSchedule".equals(t.getEffect())) result = Eligibility.KEEP_IF_RUNNING;
      }
    }
    return result;
  }

  private static boolean tolerated(PodSpec spec, Taint t) {
    if (spec.getTolerations() == null) return false;
    for (Toleration tol : spec.getTolerations()) {
      if (tol.getEffect() != null && !tol.getEffect().isEmpty() && !tol.getEffect().equals(t.getEffect())) continue;
      if (tol.getKey() == null || tol.getKey().isEmpty()) {
        if ("Exists".equals(tol.getOperator())) return true;
        continue;
      }
      if (!tol.getKey().equals(t.getKey())) continue;
      if ("Exists".equals(tol.getOperator())) return true;
      if ((tol.getValue() == null ? "" : tol.getValue()).equals(t.getValue() == null ? "" : t.getValue())) return true;
    }
    return false;
  }

  private Map<String, List<Pod>> podsByNode(DaemonSet ds) {
    Map<String, List<Pod>> byNode = new LinkedHashMap<>();
    for (Pod p : plane.store().list(Pod.class, ds.getMetadata().getNamespace(), null)) {
      if (!Owners.controlledBy(p, ds) || p.getSpec().getNodeName() == null) continue;
      byNode.computeIfAbsent(p.getSpec().getNodeName(), n -> new ArrayList<>()).add(p);
    }
    return byNode;
  }

  private int desired(DaemonSet ds, List<Node> nodes, Pod probe) {
    return (int) nodes.stream().filter(n -> eligibility(probe.getSpec(), n) == Eligibility.RUN).count();
  }

  private static String strategy(DaemonSet ds) {
    return ds.getSpec().getUpdateStrategy() == null || ds.getSpec().getUpdateStrategy().getType() == null
        ? "RollingUpdate" : ds.getSpec().getUpdateStrategy().getType();
  }

  /** maxUnavailable as a number (a percentage of the desired count rounds up), at least 1. */
  private static int maxUnavailable(DaemonSet ds, int desired) {
    var ru = ds.getSpec().getUpdateStrategy() == null ? null : ds.getSpec().getUpdateStrategy().getRollingUpdate();
    IntOrString v = ru == null ? null : ru.getMaxUnavailable();
    int n;
    if (v == null) n = 1;
    else if (v.getIntVal() != null) n = v.getIntVal();
    else {
      String s = v.getStrVal().replace("%", "");
      n = (int) Math.ceil(Integer.parseInt(s) * desired / 100.0);
    }
    return Math.max(1, n);
  }

  private boolean available(Pod pod, DaemonSet ds) {
    if (!Owners.ready(pod)) return false;
    int minReady = ds.getSpec().getMinReadySeconds() == null ? 0 : ds.getSpec().getMinReadySeconds();
    if (minReady == 0) return true;
    PodCondition c = Owners.condition(pod, "Ready");
    if (c == null || c.getLastTransitionTime() == null) return true;
    Instant at = Instant.parse(c.getLastTransitionTime()).plusSeconds(minReady);
    Instant now = plane.clock().now();
    if (at.isAfter(now)) {
      plane.requeueAfter(this, ObjectKey.of(ds), Duration.between(now, at));
      return false;
    }
    return true;
  }

  private void create(DaemonSet ds, String hash, String node) {
    Pod pod;
    try {
      pod = (Pod) plane.store().create(podFromTemplate(ds, hash, node));
    } catch (ClusterException e) {
      plane.event(ds, null, "Warning", "FailedCreate", "Error creating: " + e.getMessage(), name(), null);
      plane.trace(name(), ds.getMetadata().getName() + " could not create a pod for " + node + ": " + e.getMessage());
      return;
    }
    String podName = pod.getMetadata().getName();
    plane.event(ds, null, "Normal", "SuccessfulCreate", "Created pod: " + podName, name(), null);
    // The default scheduler places a daemon pod by its metadata.name affinity; the simulated scheduler
    // does not read node affinity, so the pod is bound to its node here, with the scheduler's event.
    plane.store().bind(ObjectKey.of(pod), node);
    plane.event(pod, null, "Normal", "Scheduled", "Successfully assigned " + pod.getMetadata().getNamespace() + "/"
        + podName + " to " + node, "default-scheduler", null);
    plane.trace(name(), ds.getMetadata().getName() + " created " + podName + " on " + node);
  }

  private boolean delete(DaemonSet ds, Pod pod) {
    try {
      plane.store().delete(ObjectKey.of(pod), DeleteOptions.DEFAULT);
    } catch (ClusterException e) {
      if (!e.isNotFound()) {
        plane.event(ds, null, "Warning", "FailedDelete", "Error deleting: " + e.getMessage(), name(), null);
      }
      return false;
    }
    plane.event(ds, null, "Normal", "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName(), name(), null);
    plane.trace(name(), ds.getMetadata().getName() + " deleted " + pod.getMetadata().getName());
    return true;
  }

  /** The daemon pod for {@code node}: template, revision labels, the default daemon tolerations, node affinity. */
  static Pod podFromTemplate(DaemonSet ds, String hash, String node) {
    var template = ds.getSpec().getTemplate();
    ObjectMeta meta = new ObjectMeta();
    Map<String, String> labels = new HashMap<>();
    if (template.getMetadata() != null) {
      if (template.getMetadata().getLabels() != null) labels.putAll(template.getMetadata().getLabels());
      if (template.getMetadata().getAnnotations() != null) {
        meta.setAnnotations(new HashMap<>(template.getMetadata().getAnnotations()));
      }
    }
    labels.put(HASH_LABEL, hash);
    long generation = ds.getMetadata().getGeneration() == null ? 1 : ds.getMetadata().getGeneration();
    labels.put(GENERATION_LABEL, String.valueOf(generation));
    meta.setLabels(labels);
    meta.setGenerateName(ds.getMetadata().getName() + "-");
    meta.setNamespace(ds.getMetadata().getNamespace());
    meta.setOwnerReferences(new ArrayList<>(List.of(Owners.controllerRef(ds))));
    PodSpec spec = new PodSpecBuilder(template.getSpec()).build();
    List<Toleration> tolerations = spec.getTolerations() == null ? new ArrayList<>() : new ArrayList<>(spec.getTolerations());
    // The tolerations every daemon pod gets (util.AddOrUpdateDaemonPodTolerations).
    addToleration(tolerations, "node.kubernetes.io/not-ready", "NoExecute");
    addToleration(tolerations, "node.kubernetes.io/unreachable", "NoExecute");
    addToleration(tolerations, "node.kubernetes.io/disk-pressure", "NoSchedule");
    addToleration(tolerations, "node.kubernetes.io/memory-pressure", "NoSchedule");
    addToleration(tolerations, "node.kubernetes.io/pid-pressure", "NoSchedule");
    addToleration(tolerations, "node.kubernetes.io/unschedulable", "NoSchedule");
    if (Boolean.TRUE.equals(spec.getHostNetwork())) {
      addToleration(tolerations, "node.kubernetes.io/network-unavailable", "NoSchedule");
    }
    spec.setTolerations(tolerations);
    if (!node.isEmpty()) {
      Affinity affinity = spec.getAffinity() == null ? new Affinity() : spec.getAffinity();
      NodeAffinity na = affinity.getNodeAffinity() == null ? new NodeAffinity() : affinity.getNodeAffinity();
      na.setRequiredDuringSchedulingIgnoredDuringExecution(new NodeSelectorBuilder().addNewNodeSelectorTerm()
          .withMatchFields(new NodeSelectorRequirement("metadata.name", "In", List.of(node))).endNodeSelectorTerm()
          .build());
      affinity.setNodeAffinity(na);
      spec.setAffinity(affinity);
    }
    Pod pod = new Pod();
    pod.setMetadata(meta);
    pod.setSpec(spec);
    return pod;
  }

  private static void addToleration(List<Toleration> tolerations, String key, String effect) {
    boolean present = tolerations.stream().anyMatch(t -> key.equals(t.getKey()) && effect.equals(t.getEffect())
        && "Exists".equals(t.getOperator()));
    if (!present) tolerations.add(new Toleration(effect, key, "Exists", null, null));
  }

  private static String label(Pod pod, String key) {
    return pod.getMetadata().getLabels() == null ? null : pod.getMetadata().getLabels().get(key);
  }

  private void updateStatus(DaemonSet ds, String hash) {
    Pod probe = podFromTemplate(ds, hash, "");
    Map<String, List<Pod>> byNode = podsByNode(ds);
    int desired = 0, current = 0, misscheduled = 0, ready = 0, updated = 0, available = 0;
    for (Node node : plane.store().list(Node.class, null, null)) {
      List<Pod> active = byNode.getOrDefault(node.getMetadata().getName(), List.of()).stream()
          .filter(p -> !Owners.deleting(p)).toList();
      boolean shouldRun = eligibility(probe.getSpec(), node) == Eligibility.RUN;
      if (shouldRun) desired++;
      if (active.isEmpty()) continue;
      if (!shouldRun) {
        misscheduled++;
        continue;
      }
      current++;
      Pod pod = active.get(0);
      if (Owners.ready(pod)) ready++;
      if (available(pod, ds)) available++;
      if (hash.equals(label(pod, HASH_LABEL))) updated++;
    }
    DaemonSetStatus old = ds.getStatus() == null ? new DaemonSetStatus() : ds.getStatus();
    DaemonSetStatus status = new DaemonSetStatus();
    status.setDesiredNumberScheduled(desired);
    status.setCurrentNumberScheduled(current);
    status.setNumberMisscheduled(misscheduled);
    status.setNumberReady(ready);
    status.setUpdatedNumberScheduled(updated == 0 ? null : updated);
    status.setNumberAvailable(available == 0 ? null : available);
    status.setNumberUnavailable(desired - available <= 0 ? null : desired - available);
    status.setObservedGeneration(ds.getMetadata().getGeneration() == null ? 1 : ds.getMetadata().getGeneration());
    status.setCollisionCount(old.getCollisionCount());
    status.setConditions(old.getConditions());
    if (status.equals(old)) return;
    DaemonSet updatedDs = Objects.copy(ds);
    updatedDs.setStatus(status);
    plane.store().updateStatus(updatedDs);
  }
}
