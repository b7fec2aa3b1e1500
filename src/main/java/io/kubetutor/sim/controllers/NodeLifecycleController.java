package io.kubetutor.sim.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.Bootstrap;
import io.kubetutor.sim.ControlPlane;
import io.kubetutor.sim.ObjectKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The node lifecycle controller (part of kube-controller-manager): a node whose kubelet stopped
 * posting status goes NotReady (conditions Unknown, reason NodeStatusUnknown) and gets the
 * {@code node.kubernetes.io/unreachable} taints; the NoExecute one evicts its pods once their
 * toleration runs out (300 s by default admission), and ReplicaSets replace them elsewhere. When the
 * kubelet comes back the taints go and the kubelet reports Ready again.
 *
 * <p>A stopped kubelet is marked by the {@link #KUBELET_ANNOTATION} on the node ({@code sim node fail});
 * keeping it on the object lets a saved simulator remember which nodes are down.
 */
public final class NodeLifecycleController implements Reconciler {

  public static final String KUBELET_ANNOTATION = "sim.kubetutor.io/kubelet";
  public static final String STOPPED = "stopped";
  public static final String UNREACHABLE = "node.kubernetes.io/unreachable";

  private final ControlPlane cp;

  public NodeLifecycleController(ControlPlane cp) {
    this.cp = cp;
  }

  @Override public String name() { return "node-lifecycle-controller"; }

  /** True when the node's kubelet has been stopped ({@code sim node fail}). */
  public static boolean kubeletStopped(Node node) {
    Map<String, String> a = node == null || node.getMetadata() == null ? null : node.getMetadata().getAnnotations();
    return a != null && STOPPED.equals(a.get(KUBELET_ANNOTATION));
  }

  @Override
  public void onChange(WatchEvent event, Consumer<ObjectKey> enqueue) {
    HasMetadata o = event.object();
    if (o instanceof Node) enqueue.accept(ObjectKey.of(o));
    // A pod arriving on an unreachable node (or changing its tolerations) needs its eviction clock.
    else if (o instanceof Pod pod && event.type() != WatchEvent.Type.DELETED && pod.getSpec() != null
        && pod.getSpec().getNodeName() != null) {
      enqueue.accept(new ObjectKey(ResourceKind.NODE, "", pod.getSpec().getNodeName()));
    }
  }

  @Override
  public void reconcile(ObjectKey key) {
    if (key.kind() != ResourceKind.NODE) return;
    Node node = cp.store().get(Node.class, null, key.name());
    if (node == null) return;
    if (kubeletStopped(node)) {
      node = markUnreachable(node);
      evict(node);
    } else {
      markReachable(node);
    }
  }

  private Node markUnreachable(Node node) {
    String now = io.kubetutor.sim.ApiTime.format(cp.clock().now());
    if (!"Unknown".equals(readyStatus(node))) {
      Node withStatus = Objects.copy(node);
      withStatus.getStatus().setConditions(new ArrayList<>(Bootstrap.readyConditions(now, false)));
      node = (Node) cp.store().updateStatus(withStatus);
      cp.trace(name(), node.getMetadata().getName() + ": kubelet stopped posting node status, marking NotReady");
      cp.event(node, null, "Normal", "NodeNotReady", "Node " + node.getMetadata().getName() + " status is now: NodeNotReady",
          "node-controller", null);
    }
    if (taint(node, "NoSchedule") == null || taint(node, "NoExecute") == null) {
      Node tainted = Objects.copy(node);
      List<Taint> taints = tainted.getSpec().getTaints() == null ? new ArrayList<>() : new ArrayList<>(tainted.getSpec().getTaints());
      if (taint(node, "NoSchedule") == null) taints.add(new Taint("NoSchedule", UNREACHABLE, now, null));
      if (taint(node, "NoExecute") == null) taints.add(new Taint("NoExecute", UNREACHABLE, now, null));
      tainted.getSpec().setTaints(taints);
      node = (Node) cp.store().update(tainted);
      cp.trace(name(), node.getMetadata().getName() + ": added taints " + UNREACHABLE + ":NoSchedule and :NoExecute");
    }
    return node;
  }

  private void markReachable(Node node) {
    if (taint(node, "NoSchedule") != null || taint(node, "NoExecute") != null) {
      Node untainted = Objects.copy(node);
      List<Taint> kept = new ArrayList<>();
      for (Taint t : untainted.getSpec().getTaints()) if (!UNREACHABLE.equals(t.getKey())) kept.add(t);
      untainted.getSpec().setTaints(kept.isEmpty() ? null : kept);
      node = (Node) cp.store().update(untainted);
      cp.trace(name(), node.getMetadata().getName() + ": kubelet is back, removed the " + UNREACHABLE + " taints");
    }
    if ("Unknown".equals(readyStatus(node))) {
      // The kubelet's first status post after it returns.
      Node withStatus = Objects.copy(node);
      withStatus.getStatus().setConditions(new ArrayList<>(Bootstrap.readyConditions(io.kubetutor.sim.ApiTime.format(cp.clock().now()), true)));
      node = (Node) cp.store().updateStatus(withStatus);
      cp.event(node, null, "Normal", "NodeReady", "Node " + node.getMetadata().getName() + " status is now: NodeReady",
          "kubelet", node.getMetadata().getName());
    }
  }

  /**
   * Taint-based eviction: each pod on the node is deleted once its toleration of the NoExecute taint
   * runs out (no toleration: at once; a toleration without seconds: never). The earliest pending
   * deadline re-queues the node.
   */
  private void evict(Node node) {
    Taint noExecute = taint(node, "NoExecute");
    if (noExecute == null) return;
    Instant added = noExecute.getTimeAdded() == null ? cp.clock().now() : Instant.parse(noExecute.getTimeAdded());
    String nodeName = node.getMetadata().getName();
    Duration nextCheck = null;
    for (Pod pod : cp.store().list(Pod.class, null, null)) {
      if (pod.getSpec() == null || !nodeName.equals(pod.getSpec().getNodeName())) continue;
      if (pod.getMetadata().getDeletionTimestamp() != null) continue;
      Long seconds = toleratedSeconds(pod, noExecute);
      if (seconds != null && seconds == Long.MAX_VALUE) continue;  // tolerates forever
      Instant deadline = seconds == null ? added : added.plusSeconds(Math.max(0, seconds));
      Duration left = Duration.between(cp.clock().now(), deadline);
      if (left.isZero() || left.isNegative()) {
        cp.trace(name(), "evicting " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName()
            + " from unreachable node " + nodeName);
        cp.event(pod, null, "Normal", "TaintManagerEviction", "Marking for deletion Pod "
            + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName(), "taint-eviction-controller", null);
        cp.store().delete(ObjectKey.of(pod), DeleteOptions.DEFAULT);
      } else if (nextCheck == null || left.compareTo(nextCheck) < 0) {
        nextCheck = left;
      }
    }
    if (nextCheck != null) cp.requeueAfter(this, new ObjectKey(ResourceKind.NODE, "", nodeName), nextCheck);
  }

  /** Seconds the pod tolerates the taint; null: not tolerated; Long.MAX_VALUE: tolerated forever. */
  static Long toleratedSeconds(Pod pod, Taint taint) {
    Long best = null;
    if (pod.getSpec().getTolerations() == null) return null;
    for (Toleration t : pod.getSpec().getTolerations()) {
      boolean keyMatches = t.getKey() == null || t.getKey().isEmpty() ? "Exists".equals(t.getOperator())
          : t.getKey().equals(taint.getKey());
      boolean effectMatches = t.getEffect() == null || t.getEffect().isEmpty() || t.getEffect().equals(taint.getEffect());
      boolean valueMatches = "Exists".equals(t.getOperator())
          || java.util.Objects.equals(t.getValue() == null ? "" : t.getValue(), taint.getValue() == null ? "" : taint.getValue());
      if (!keyMatches || !effectMatches || !valueMatches) continue;
      long s = t.getTolerationSeconds() == null ? Long.MAX_VALUE : t.getTolerationSeconds();
      best = best == null ? s : Math.max(best, s);
    }
    return best;
  }

  private static Taint taint(Node node, String effect) {
    if (node.getSpec() == null || node.getSpec().getTaints() == null) return null;
    for (Taint t : node.getSpec().getTaints()) if (UNREACHABLE.equals(t.getKey()) && effect.equals(t.getEffect())) return t;
    return null;
  }

  private static String readyStatus(Node node) {
    if (node.getStatus() == null || node.getStatus().getConditions() == null) return null;
    for (NodeCondition c : node.getStatus().getConditions()) if ("Ready".equals(c.getType())) return c.getStatus();
    return null;
  }
}
