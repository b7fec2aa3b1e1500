package io.kubetutor.sim.controllers;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.ControlPlane;
import io.kubetutor.sim.ObjectKey;
import io.kubetutor.sim.Owners;
import io.kubetutor.sim.Selectors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The ReplicaSet controller ({@code pkg/controller/replicaset}): keeps {@code spec.replicas} active
 * pods matching the selector, adopting orphans and releasing pods that no longer match, creating in
 * slow-start batches and deleting surplus pods in the ranking order of {@code getPodsToDelete}.
 */
public final class ReplicaSetController implements Reconciler {

  static final int BURST_REPLICAS = 500;
  private final ControlPlane plane;
  /** Per ReplicaSet uid: the counts its status is made of, kept pod by pod. */
  private final Map<String, ReplicaSetPodCounts> counts = new HashMap<>();
  /** Per ReplicaSet uid: how many syncs in a row failed to create or delete, for the retry back-off. */
  private final Map<String, Integer> failedSyncs = new HashMap<>();
  /** Per pod: the uid of its controller as last seen, so a pod leaving a ReplicaSet is uncounted there. */
  private final Map<ObjectKey, String> controllerOfPod = new HashMap<>();

  public ReplicaSetController(ControlPlane plane) {
    this.plane = plane;
  }

  @Override public String name() { return "replicaset-controller"; }

  @Override
  public void onChange(WatchEvent event, Consumer<ObjectKey> enqueue) {
    HasMetadata o = event.object();
    if (o instanceof ReplicaSet) {
      if (event.type() == WatchEvent.Type.DELETED) {
        counts.remove(o.getMetadata().getUid());
        failedSyncs.remove(o.getMetadata().getUid());
      }
      enqueue.accept(ObjectKey.of(o));
    } else if (o instanceof Pod pod) {
      OwnerReference ref = Owners.controllerOf(pod);
      noteChanged(event, pod, ref);
      if (ref != null) {
        if ("ReplicaSet".equals(ref.getKind())) {
          enqueue.accept(new ObjectKey(ResourceKind.REPLICASET, pod.getMetadata().getNamespace(), ref.getName()));
        }
      } else if (event.type() != WatchEvent.Type.DELETED) {
        // An orphan: any ReplicaSet whose selector matches may adopt it.
        for (ReplicaSet rs : plane.store().list(ReplicaSet.class, pod.getMetadata().getNamespace(), null)) {
          if (Selectors.of(rs.getSpec().getSelector()).matches(pod.getMetadata().getLabels())) {
            enqueue.accept(ObjectKey.of(rs));
          }
        }
      }
    }
  }

  /** Marks the pod dirty in the counts of the controller it had and of the one it has now. */
  private void noteChanged(WatchEvent event, Pod pod, OwnerReference ref) {
    ObjectKey key = ObjectKey.of(pod);
    String now = event.type() == WatchEvent.Type.DELETED || ref == null ? null : ref.getUid();
    String before = now == null ? controllerOfPod.remove(key) : controllerOfPod.put(key, now);
    String name = pod.getMetadata().getName();
    if (before != null) {
      ReplicaSetPodCounts c = counts.get(before);
      if (c != null) c.markDirty(name);
    }
    if (now != null && !now.equals(before)) {
      ReplicaSetPodCounts c = counts.get(now);
      if (c != null) c.markDirty(name);
    }
  }

  @Override
  public void reconcile(ObjectKey key) {
    ReplicaSet rs = (ReplicaSet) plane.store().get(key);
    if (rs == null) return;
    ReplicaSetPodCounts pods = counts.computeIfAbsent(rs.getMetadata().getUid(), u -> new ReplicaSetPodCounts(rs));
    pods.refresh(rs, plane.store(), plane.clock().now());
    claimPods(rs, pods);
    SyncFailure failure = Owners.deleting(rs) ? null : manageReplicas(rs, pods);
    // The store's writes above reached the counts through the watch; take them in.
    pods.refresh(rs, plane.store(), plane.clock().now());
    updateStatus(rs, pods, failure);
    retryAfterFailure(rs, failure);
  }

  /**
   * A failed sync is retried as the workqueue's rate limiter does: 5 ms doubling up to 1000 s.
   * Watch events still wake the controller sooner, e.g. when a pod is deleted.
   */
  private void retryAfterFailure(ReplicaSet rs, SyncFailure failure) {
    String uid = rs.getMetadata().getUid();
    if (failure == null) {
      failedSyncs.remove(uid);
      return;
    }
    int n = failedSyncs.merge(uid, 1, Integer::sum);
    long millis = n > 18 ? 1_000_000 : Math.min(1_000_000, 5L << (n - 1));
    plane.requeueAfter(this, ObjectKey.of(rs), Duration.ofMillis(millis));
  }

  /**
   * Adopts matching orphans and releases owned pods that stopped matching, in name order. Only
   * those two groups can change hands, so only they are looked at (the store indexes orphans).
   */
  private void claimPods(ReplicaSet rs, ReplicaSetPodCounts counted) {
    Selector selector = counted.selector();
    String uid = rs.getMetadata().getUid();
    String namespace = rs.getMetadata().getNamespace();
    java.util.TreeMap<String, Pod> candidates = new java.util.TreeMap<>();
    for (String name : counted.mismatched()) {
      Pod pod = plane.store().get(Pod.class, namespace, name);
      if (pod != null) candidates.put(name, pod);
    }
    if (!Owners.deleting(rs)) {
      for (Pod pod : plane.store().withoutController(Pod.class, namespace)) candidates.put(pod.getMetadata().getName(), pod);
    }
    for (Pod pod : candidates.values()) {
      OwnerReference ref = Owners.controllerOf(pod);
      boolean matches = selector.matches(pod.getMetadata().getLabels());
      if (ref != null && ref.getUid().equals(uid)) {
        if (!matches && !Owners.deleting(pod)) {
          Pod released = Objects.copy(pod);
          released.getMetadata().getOwnerReferences().removeIf(r -> r.getUid().equals(uid));
          plane.store().update(released);
          plane.trace(name(), rs.getMetadata().getName() + " released " + pod.getMetadata().getName()
              + " (labels no longer match)");
        }
      } else if (ref == null && matches && !Owners.deleting(pod) && !Owners.deleting(rs)) {
        Pod adopted = Objects.copy(pod);
        List<OwnerReference> refs = adopted.getMetadata().getOwnerReferences() == null ? new ArrayList<>()
            : new ArrayList<>(adopted.getMetadata().getOwnerReferences());
        refs.add(Owners.controllerRef(rs));
        adopted.getMetadata().setOwnerReferences(refs);
        plane.store().update(adopted);
        plane.trace(name(), rs.getMetadata().getName() + " adopted " + pod.getMetadata().getName());
      }
    }
    counted.refresh(rs, plane.store(), plane.clock().now());
  }

  /** Why creating or deleting pods stopped: FailedCreate or FailedDelete, and the server's message. */
  private record SyncFailure(String reason, String message) {}

  /** Creates or deletes pods towards {@code spec.replicas}; returns the first failure, or null. */
  private SyncFailure manageReplicas(ReplicaSet rs, ReplicaSetPodCounts counted) {
    int activeCount = counted.replicas;
    int want = rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
    int diff = activeCount - want;
    String rsName = rs.getMetadata().getName();
    if (diff < 0) {
      int toCreate = Math.min(-diff, BURST_REPLICAS);
      // Slow start: batches of 1, 2, 4, ... stop at the first failure, as the real controller does.
      int created = 0;
      for (int batch = 1; created < toCreate; batch = Math.min(batch * 2, toCreate - created)) {
        int n = Math.min(batch, toCreate - created);
        for (int i = 0; i < n; i++) {
          Pod pod;
          try {
            pod = (Pod) plane.store().create(podFromTemplate(rs));
          } catch (ClusterException e) {
            plane.event(rs, null, "Warning", "FailedCreate", "Error creating: " + e.getMessage(), name(), null);
            plane.trace(name(), rsName + " could not create a pod: " + e.getMessage());
            return new SyncFailure("FailedCreate", e.getMessage());
          }
          plane.trace(name(), rsName + " has " + (activeCount + created) + " of " + want + " pods, creating "
              + pod.getMetadata().getName());
          plane.event(rs, null, "Normal", "SuccessfulCreate", "Created pod: " + pod.getMetadata().getName(), name(),
              null);
          created++;
        }
      }
    } else if (diff > 0) {
      int toDelete = Math.min(diff, BURST_REPLICAS);
      var active = counted.activePods();  // their order does not matter: the ranking is total
      for (Pod pod : podsToDelete(active, toDelete)) {
        plane.trace(name(), rsName + " has " + active.size() + " of " + want + " pods, deleting "
            + pod.getMetadata().getName());
        try {
          plane.store().delete(ObjectKey.of(pod), DeleteOptions.DEFAULT);
        } catch (ClusterException e) {
          if (e.isNotFound()) continue;
          plane.event(rs, null, "Warning", "FailedDelete", "Error deleting: " + e.getMessage(), name(), null);
          return new SyncFailure("FailedDelete", e.getMessage());
        }
        plane.event(rs, null, "Normal", "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName(), name(),
            null);
      }
    }
    return null;
  }

  private static Pod podFromTemplate(ReplicaSet rs) {
    Pod pod = new Pod();
    ObjectMeta meta = new ObjectMeta();
    var template = rs.getSpec().getTemplate();
    if (template.getMetadata() != null) {
      if (template.getMetadata().getLabels() != null) meta.setLabels(new HashMap<>(template.getMetadata().getLabels()));
      if (template.getMetadata().getAnnotations() != null) {
        meta.setAnnotations(new HashMap<>(template.getMetadata().getAnnotations()));
      }
    }
    meta.setGenerateName(rs.getMetadata().getName() + "-");
    meta.setNamespace(rs.getMetadata().getNamespace());
    meta.setOwnerReferences(new ArrayList<>(List.of(Owners.controllerRef(rs))));
    pod.setMetadata(meta);
    // The stored template's spec is shared here: the store copies what it is given on create.
    pod.setSpec(template.getSpec());
    return pod;
  }

  /** A pod's place in the deletion ranking, each criterion worked out once (not once per comparison). */
  private record Rank(Pod pod, boolean scheduled, int phase, boolean ready, int cost, int podsOnNode,
                      int readyBucket, int restarts, int createdBucket, String uid) {

    /**
     * The ranking, criterion by criterion, written out: a chain of comparators boxed the booleans
     * and made a call per criterion, and a rolling update compares every old pod at each step.
     */
    static int compare(Rank a, Rank b) {
      if (a.scheduled != b.scheduled) return a.scheduled ? 1 : -1;  // unscheduled first
      if (a.phase != b.phase) return Integer.compare(a.phase, b.phase);
      if (a.ready != b.ready) return a.ready ? 1 : -1;  // not ready first
      if (a.cost != b.cost) return Integer.compare(a.cost, b.cost);
      if (a.podsOnNode != b.podsOnNode) return Integer.compare(b.podsOnNode, a.podsOnNode);  // crowded nodes first
      if (a.ready && b.ready) {
        int c = compareNewerFirst(a.readyBucket, b.readyBucket, a, b);
        if (c != 0) return c;
      }
      if (a.restarts != b.restarts) return Integer.compare(b.restarts, a.restarts);  // most restarts first
      return compareNewerFirst(a.createdBucket, b.createdBucket, a, b);
    }
  }

  /** Stands for "no ready time", which ranks as newest. */
  private static final int NO_TIME = -1;

  /** The first {@code n} pods in the deletion ranking of {@code ActivePodsWithRanks.Less} (§7.4). */
  List<Pod> podsToDelete(List<ReplicaSetPodCounts.DeletionFacts> active, int n) {
    // Pods per node: a rolling update ranks hundreds of pods at each step, spread over a few nodes,
    // so a short list of names beats a hash map of boxed counts.
    List<String> nodes = new ArrayList<>(4);
    int[] perNode = new int[active.size()];
    int[] nodeOf = new int[active.size()];
    for (int i = 0; i < active.size(); i++) {
      String node = active.get(i).node();
      if (node == null) {
        nodeOf[i] = -1;
        continue;
      }
      int at = nodes.indexOf(node);
      if (at < 0) {
        at = nodes.size();
        nodes.add(node);
      }
      nodeOf[i] = at;
      perNode[at]++;
    }
    Instant now = plane.clock().now();
    List<Rank> ranks = new ArrayList<>(active.size());
    for (int i = 0; i < active.size(); i++) {
      var p = active.get(i);
      int readyBucket = p.ready() && p.readySince() != null ? bucket(now, p.readySince()) : NO_TIME;
      ranks.add(new Rank(p.pod(), p.node() != null, p.phase(), p.ready(), p.cost(),
          nodeOf[i] < 0 ? 0 : perNode[nodeOf[i]], readyBucket, p.restarts(), bucket(now, p.created()), p.uid()));
    }
    Comparator<Rank> order = Rank::compare;
    // Only the first n are wanted (a rolling update takes a few at a time from hundreds): keep the
    // n lowest in a heap whose head is the highest kept, instead of sorting them all.
    int keep = Math.min(n, ranks.size());
    java.util.PriorityQueue<Rank> lowest = new java.util.PriorityQueue<>(keep + 1, order.reversed());
    for (Rank r : ranks) {
      if (lowest.size() < keep) lowest.add(r);
      else if (keep > 0 && order.compare(r, lowest.peek()) < 0) {
        lowest.poll();
        lowest.add(r);
      }
    }
    List<Rank> chosen = new ArrayList<>(lowest);
    chosen.sort(order);
    List<Pod> out = new ArrayList<>(keep);
    for (Rank r : chosen) out.add(r.pod());
    return out;
  }

  static int phaseRank(Pod p) {
    String phase = p.getStatus() == null ? "Pending" : p.getStatus().getPhase();
    if ("Pending".equals(phase)) return 0;
    if ("Unknown".equals(phase)) return 1;
    return 2;
  }

  static int deletionCost(Pod p) {
    Map<String, String> a = p.getMetadata().getAnnotations();
    String v = a == null ? null : a.get("controller.kubernetes.io/pod-deletion-cost");
    try {
      return v == null ? 0 : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static int maxRestarts(Pod p) {
    int max = 0;
    if (p.getStatus() != null && p.getStatus().getContainerStatuses() != null) {
      for (ContainerStatus s : p.getStatus().getContainerStatuses()) {
        if (s.getRestartCount() != null) max = Math.max(max, s.getRestartCount());
      }
    }
    return max;
  }

  /** Newer first, compared in log2 buckets of age (LogarithmicScaleDown), ties broken by UID. No time is newest. */
  private static int compareNewerFirst(int bucketA, int bucketB, Rank a, Rank b) {
    if (bucketA == NO_TIME && bucketB == NO_TIME) return 0;
    if (bucketA == NO_TIME) return -1;
    if (bucketB == NO_TIME) return 1;
    if (bucketA != bucketB) return Integer.compare(bucketA, bucketB);
    return a.uid().compareTo(b.uid());
  }

  private static int bucket(Instant now, Instant t) {
    // Whole seconds between them, rounded down, as Duration.between(t, now).toSeconds() (without the Duration).
    long seconds = now.getEpochSecond() - t.getEpochSecond() - (now.getNano() < t.getNano() ? 1 : 0);
    seconds = Math.max(0, seconds);
    return seconds == 0 ? 0 : 64 - Long.numberOfLeadingZeros(seconds);
  }

  /**
   * Writes the status counted over the pods rs controls that match its selector, with the
   * {@code ReplicaFailure} condition while creating or deleting pods fails (and only then).
   */
  private void updateStatus(ReplicaSet rs, ReplicaSetPodCounts counted, SyncFailure failure) {
    Duration recheck = counted.settleAvailability(plane.clock().now());
    int replicas = counted.replicas;
    int fully = counted.fullyLabeled;
    int ready = counted.ready;
    int available = counted.available;
    if (recheck != null) plane.requeueAfter(this, ObjectKey.of(rs), recheck);
    ReplicaSetStatus old = rs.getStatus() == null ? new ReplicaSetStatus() : rs.getStatus();
    long generation = rs.getMetadata().getGeneration() == null ? 1 : rs.getMetadata().getGeneration();
    List<ReplicaSetCondition> conditions = conditions(old.getConditions(), failure);
    if (eq(old.getReplicas(), replicas) && eq(old.getFullyLabeledReplicas(), fully) && eq(old.getReadyReplicas(), ready)
        && eq(old.getAvailableReplicas(), available) && old.getObservedGeneration() != null
        && old.getObservedGeneration() == generation && conditions == old.getConditions()) {
      return;
    }
    ReplicaSet updated = io.kubetutor.sim.store.ShallowCopy.of(rs);  // only the status is written
    ReplicaSetStatus status = new ReplicaSetStatus();
    status.setReplicas(replicas);
    status.setFullyLabeledReplicas(fully == 0 ? null : fully);
    status.setReadyReplicas(ready == 0 ? null : ready);
    status.setAvailableReplicas(available == 0 ? null : available);
    status.setObservedGeneration(generation);
    status.setConditions(conditions);
    updated.setStatus(status);
    plane.store().updateStatus(updated);
  }

  /**
   * The conditions with ReplicaFailure added on a failure it lacks, or removed once a sync
   * succeeds; the same list when neither applies (as {@code calculateStatus} keeps an existing one).
   */
  private List<ReplicaSetCondition> conditions(List<ReplicaSetCondition> old, SyncFailure failure) {
    if (failure == null && (old == null || old.isEmpty())) return old;  // the usual case, on every status write
    List<ReplicaSetCondition> have = old == null ? List.of() : old;
    boolean failing = false;
    for (ReplicaSetCondition c : have) failing |= "ReplicaFailure".equals(c.getType());
    if (failure != null && !failing) {
      List<ReplicaSetCondition> out = new ArrayList<>(have);
      out.add(new ReplicaSetCondition(io.kubetutor.sim.ApiTime.format(plane.clock().now()), failure.message(),
          failure.reason(), "True", "ReplicaFailure"));
      return out;
    }
    if (failure == null && failing) {
      List<ReplicaSetCondition> out = new ArrayList<>(have);
      out.removeIf(c -> "ReplicaFailure".equals(c.getType()));
      return out.isEmpty() ? null : out;
    }
    return old;
  }

  private static boolean eq(Integer have, int want) {
    return (have == null ? 0 : have) == want;
  }
}
