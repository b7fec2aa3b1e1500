package io.kubetutor.sim.controllers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.ControlPlane;
import io.kubetutor.sim.ObjectKey;
import io.kubetutor.sim.Owners;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The default scheduler ({@code kube-scheduler}): filters nodes (unschedulable, taints, node
 * selector, cpu/memory requests, pod count, missing PVCs), picks the feasible node with the fewest
 * pods of the same owner and then overall, and binds. An unschedulable pod stays Pending with a
 * {@code FailedScheduling} event in the FitError format, and is retried when nodes, claims or pods change.
 */
public final class Scheduler implements Reconciler {

  private final ControlPlane plane;
  /** Pods that did not fit, retried on the cluster events that could make them fit. */
  private final Set<ObjectKey> unschedulable = new LinkedHashSet<>();
  /** Per node: what its bound active pods request, kept from the watch so scheduling is O(nodes). */
  private final Map<String, NodeUsage> usage = new java.util.HashMap<>();
  private final Map<ObjectKey, Bound> bound = new java.util.HashMap<>();

  private record Bound(String node, BigDecimal cpu, BigDecimal memory, String owner) {}

  private static final class NodeUsage {
    int pods;
    BigDecimal cpu = BigDecimal.ZERO;
    BigDecimal memory = BigDecimal.ZERO;
    final Map<String, Integer> perOwner = new java.util.HashMap<>();
  }

  /** The usage of a node nothing is bound to; only read (a fresh one per lookup cost 10,000 maps). */
  private static final NodeUsage UNUSED = new NodeUsage();
  private static final List<String> RESOURCES = List.of("cpu", "memory");

  private void track(WatchEvent event, Pod pod) {
    ObjectKey key = ObjectKey.of(pod);
    boolean counts = event.type() != WatchEvent.Type.DELETED && pod.getSpec().getNodeName() != null && Owners.active(pod);
    Bound was = bound.get(key);
    if (was != null && !counts) {
      bound.remove(key);
      NodeUsage u = usage.get(was.node());
      u.pods--;
      u.cpu = u.cpu.subtract(was.cpu());
      u.memory = u.memory.subtract(was.memory());
      if (was.owner() != null) u.perOwner.merge(was.owner(), -1, Integer::sum);
    } else if (was == null && counts) {
      OwnerReference o = Owners.controllerOf(pod);
      Bound b = new Bound(pod.getSpec().getNodeName(), requests(pod, "cpu"), requests(pod, "memory"),
          o == null ? null : o.getUid());
      bound.put(key, b);
      NodeUsage u = usage.computeIfAbsent(b.node(), n -> new NodeUsage());
      u.pods++;
      u.cpu = u.cpu.add(b.cpu());
      u.memory = u.memory.add(b.memory());
      if (b.owner() != null) u.perOwner.merge(b.owner(), 1, Integer::sum);
    }
  }

  public Scheduler(ControlPlane plane) {
    this.plane = plane;
  }

  @Override public String name() { return "default-scheduler"; }

  @Override
  public void onChange(WatchEvent event, Consumer<ObjectKey> enqueue) {
    HasMetadata o = event.object();
    if (o instanceof Pod pod) {
      track(event, pod);
      if (event.type() == WatchEvent.Type.DELETED) {
        unschedulable.remove(ObjectKey.of(pod));
        if (pod.getSpec().getNodeName() != null) unschedulable.forEach(enqueue);  // resources freed
      } else if (pod.getSpec().getNodeName() == null && !Owners.deleting(pod)
          && "default-scheduler".equals(pod.getSpec().getSchedulerName())) {
        enqueue.accept(ObjectKey.of(pod));
      }
    } else if (o instanceof Node || o instanceof PersistentVolumeClaim) {
      unschedulable.forEach(enqueue);
    }
  }

  @Override
  public void reconcile(ObjectKey key) {
    Pod pod = (Pod) plane.store().get(key);
    if (pod == null || pod.getSpec().getNodeName() != null || Owners.deleting(pod)) {
      unschedulable.remove(key);
      return;
    }
    String volumeProblem = volumeProblem(pod);
    List<Node> nodes = plane.store().list(Node.class, null, null);
    Map<String, Integer> reasons = new TreeMap<>();
    int notHelpful = 0;
    int noVictims = 0;
    List<Node> feasible = new ArrayList<>();
    for (Node node : nodes) {
      String why = volumeProblem != null ? volumeProblem : filter(pod, node);
      if (why == null) {
        feasible.add(node);
        continue;
      }
      reasons.merge(why, 1, Integer::sum);
      if (why.startsWith("Insufficient")) noVictims++;
      else notHelpful++;
    }
    if (feasible.isEmpty()) {
      unschedulable.add(key);
      List<String> parts = new ArrayList<>();
      reasons.forEach((why, n) -> parts.add(n + " " + why));
      parts.sort(null);
      List<String> preemption = new ArrayList<>();
      if (notHelpful > 0) preemption.add(notHelpful + " Preemption is not helpful for scheduling");
      if (noVictims > 0) preemption.add(noVictims + " No preemption victims found for incoming pod");
      preemption.sort(null);
      String message = "0/" + nodes.size() + " nodes are available: " + String.join(", ", parts) + ". preemption: 0/"
          + nodes.size() + " nodes are available: " + String.join(", ", preemption) + ".";
      if (volumeProblem != null) {
        message = "0/" + nodes.size() + " nodes are available: " + volumeProblem + ". preemption: 0/" + nodes.size()
            + " nodes are available: " + nodes.size() + " Preemption is not helpful for scheduling.";
      }
      plane.trace(name(), pod.getMetadata().getName() + " does not fit: " + message);
      markUnschedulable(pod, message);
      plane.event(pod, null, "Warning", "FailedScheduling", message, name(), null);
      return;
    }
    unschedulable.remove(key);
    Node chosen = pick(pod, feasible);
    plane.store().bind(key, chosen.getMetadata().getName());
    plane.trace(name(), "assigned " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + " to "
        + chosen.getMetadata().getName());
    plane.event(pod, null, "Normal", "Scheduled", "Successfully assigned " + pod.getMetadata().getNamespace() + "/"
        + pod.getMetadata().getName() + " to " + chosen.getMetadata().getName(), name(), null);
  }

  private String volumeProblem(Pod pod) {
    if (pod.getSpec().getVolumes() == null) return null;
    for (Volume v : pod.getSpec().getVolumes()) {
      if (v.getPersistentVolumeClaim() == null) continue;
      String claim = v.getPersistentVolumeClaim().getClaimName();
      if (plane.store().get(PersistentVolumeClaim.class, pod.getMetadata().getNamespace(), claim) == null) {
        return "persistentvolumeclaim \"" + claim + "\" not found";
      }
    }
    return null;
  }

  /** Why {@code node} cannot take {@code pod}, in the scheduler plugins' words, or null if it can. */
  private String filter(Pod pod, Node node) {
    if (Boolean.TRUE.equals(node.getSpec().getUnschedulable())) return "node(s) were unschedulable";
    Map<String, String> selector = pod.getSpec().getNodeSelector();
    if (selector != null && !selector.isEmpty()) {
      Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
      for (Map.Entry<String, String> e : selector.entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) return "node(s) didn't match Pod's node affinity/selector";
      }
    }
    if (node.getSpec().getTaints() != null) {
      for (Taint t : node.getSpec().getTaints()) {
        if (("NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect())) && !tolerated(pod, t)) {
          return "node(s) had untolerated taint {" + t.getKey() + ": " + (t.getValue() == null ? "" : t.getValue()) + "}";
        }
      }
    }
    NodeUsage used = usage.getOrDefault(node.getMetadata().getName(), UNUSED);
    Map<String, Quantity> allocatable = node.getStatus() == null ? null : node.getStatus().getAllocatable();
    for (String resource : RESOURCES) {
      BigDecimal want = requests(pod, resource);
      if (want.signum() == 0 || allocatable == null || !allocatable.containsKey(resource)) continue;
      BigDecimal have = resource.equals("cpu") ? used.cpu : used.memory;
      if (have.add(want).compareTo(allocatable.get(resource).getNumericalAmount()) > 0) return "Insufficient " + resource;
    }
    // The pod-count limit (110 on a kind node) is not enforced, so the simulator can hold scale exercises.
    return null;
  }

  private static boolean tolerated(Pod pod, Taint t) {
    if (pod.getSpec().getTolerations() == null) return false;
    for (Toleration tol : pod.getSpec().getTolerations()) {
      if (tol.getEffect() != null && !tol.getEffect().isEmpty() && !tol.getEffect().equals(t.getEffect())) continue;
      if (tol.getKey() == null || tol.getKey().isEmpty()) {
        if ("Exists".equals(tol.getOperator())) return true;
        continue;
      }
      if (!tol.getKey().equals(t.getKey())) continue;
      if ("Exists".equals(tol.getOperator())) return true;
      String v = tol.getValue() == null ? "" : tol.getValue();
      if (v.equals(t.getValue() == null ? "" : t.getValue())) return true;
    }
    return false;
  }

  static BigDecimal requests(Pod pod, String resource) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Container c : pod.getSpec().getContainers()) {
      if (c.getResources() == null || c.getResources().getRequests() == null) continue;
      Quantity q = c.getResources().getRequests().get(resource);
      if (q != null) sum = sum.add(q.getNumericalAmount());
    }
    return sum;
  }

  /** Spreads: fewest pods of the same owner, then fewest pods, then a seeded choice among equals. */
  private Node pick(Pod pod, List<Node> feasible) {
    OwnerReference owner = Owners.controllerOf(pod);
    List<Node> best = new ArrayList<>();
    int[] bestScore = null;
    for (Node n : feasible) {
      NodeUsage u = usage.getOrDefault(n.getMetadata().getName(), UNUSED);
      int[] s = {owner == null ? 0 : u.perOwner.getOrDefault(owner.getUid(), 0), u.pods};
      int cmp = bestScore == null ? -1 : s[0] != bestScore[0] ? Integer.compare(s[0], bestScore[0])
          : Integer.compare(s[1], bestScore[1]);
      if (cmp < 0) {
        best.clear();
        bestScore = s;
      }
      if (cmp <= 0) best.add(n);
    }
    return best.size() == 1 ? best.get(0) : best.get(plane.random().nextInt(best.size()));
  }

  private void markUnschedulable(Pod pod, String message) {
    PodCondition existing = Owners.condition(pod, "PodScheduled");
    if (existing != null && "False".equals(existing.getStatus()) && message.equals(existing.getMessage())) return;
    Pod updated = Objects.copy(pod);
    setCondition(updated, new PodConditionBuilder().withType("PodScheduled").withStatus("False")
        .withReason("Unschedulable").withMessage(message).withLastTransitionTime(io.kubetutor.sim.ApiTime.format(plane.clock().now())).build());
    plane.store().updateStatus(updated);
  }

  private static void setCondition(Pod pod, PodCondition condition) {
    List<PodCondition> conditions = pod.getStatus().getConditions() == null ? new ArrayList<>()
        : new ArrayList<>(pod.getStatus().getConditions());
    conditions.removeIf(c -> condition.getType().equals(c.getType()));
    conditions.add(condition);
    pod.getStatus().setConditions(conditions);
  }
}
