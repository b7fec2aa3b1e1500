package io.kubetutor.sim.controllers;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetSpec;
import io.kubetutor.cluster.Selector;
import io.kubetutor.sim.Owners;
import io.kubetutor.sim.Selectors;
import io.kubetutor.sim.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one ReplicaSet's status counts, kept up to date pod by pod: the controller marks a pod dirty
 * when the watch reports it changed (or left or joined the ReplicaSet), and {@link #refresh} looks at
 * the dirty pods only. A reconcile after one pod turned Ready thus costs one pod, not all 10,000.
 * A change of the ReplicaSet's selector, template labels or minReadySeconds recounts everything.
 */
final class ReplicaSetPodCounts {

  /** One counted pod: whether it matches, and what it adds to each figure. */
  /** What the deletion ranking needs of an active pod, worked out once when the pod is counted. */
  record DeletionFacts(Pod pod, String node, int phase, boolean ready, int cost, Instant readySince, int restarts,
                       Instant created, String uid) {
    DeletionFacts(Pod pod, String node, int phase, boolean ready, int cost, Instant readySince, int restarts,
                  Instant created) {
      this(pod, node, phase, ready, cost, readySince, restarts, created, pod.getMetadata().getUid());
    }
  }

  private static final class Counted {
    DeletionFacts facts;
    boolean active;
    boolean fullyLabeled;
    boolean ready;
    /** When a ready pod becomes available (readiness + minReadySeconds); null if not ready. */
    Instant availableAt;
    boolean countedAvailable;
  }

  private final String uid;
  private final String namespace;
  private LabelSelector selectorSource;
  private Map<String, String> templateLabels;
  private int minReady;
  private Selector selector;
  private Selector fullyLabeledSelector;
  private ReplicaSetSpec seenSpec;

  private final Map<String, Counted> counted = new HashMap<>();
  /** Owned pods whose labels no longer match the selector (and not being deleted): to be released. */
  private final TreeSet<String> mismatched = new TreeSet<>();
  // Linked sets: iterating a plain HashSet walks its whole table, which keeps the size of its
  // largest moment (10,000 pods dirty at once), so every later one-pod refresh paid for 10,000.
  /** Ready pods not yet available (minReadySeconds still running). */
  private final Set<String> pendingAvailable = new LinkedHashSet<>();
  private Set<String> dirty = new LinkedHashSet<>();
  private boolean recountAll = true;

  int replicas;
  int fullyLabeled;
  int ready;
  int available;

  ReplicaSetPodCounts(ReplicaSet rs) {
    this.uid = rs.getMetadata().getUid();
    this.namespace = rs.getMetadata().getNamespace();
  }

  void markDirty(String podName) {
    dirty.add(podName);
  }

  Selector selector() { return selector; }

  /**
   * The active pods counted (controlled, matching), as stored at the last {@link #refresh}: every
   * change to one of them marks it dirty, so after a refresh these are the stored instances.
   */
  List<DeletionFacts> activePods() {
    List<DeletionFacts> out = new ArrayList<>(replicas);
    for (Counted c : counted.values()) if (c.active) out.add(c.facts);
    return out;
  }

  private String lastCreatedText;
  private Instant lastCreated;

  private Instant created(Pod p) {
    String text = p.getMetadata().getCreationTimestamp();
    if (!text.equals(lastCreatedText)) {
      lastCreated = Instant.parse(text);
      lastCreatedText = text;
    }
    return lastCreated;
  }

  /** Names of owned pods that stopped matching the selector, in name order. */
  Set<String> mismatched() { return mismatched; }

  /** Brings the counts up to date with the store for {@code rs} as stored now. */
  void refresh(ReplicaSet rs, Store store, Instant now) {
    ReplicaSetSpec spec = rs.getSpec();
    if (spec != seenSpec) {
      // Stored objects are immutable, so an unchanged spec instance means an unchanged spec.
      seenSpec = spec;
      Map<String, String> labels = spec.getTemplate().getMetadata() == null ? Map.of()
          : spec.getTemplate().getMetadata().getLabels();
      int min = spec.getMinReadySeconds() == null ? 0 : spec.getMinReadySeconds();
      if (selector == null || !java.util.Objects.equals(selectorSource, spec.getSelector())
          || !java.util.Objects.equals(templateLabels, labels) || minReady != min) {
        selectorSource = spec.getSelector();
        selector = Selectors.of(spec.getSelector());
        templateLabels = labels;
        fullyLabeledSelector = Selector.of(labels);
        minReady = min;
        recountAll = true;
      }
    }
    if (recountAll) {
      recountAll = false;
      dirty.addAll(counted.keySet());
      for (Pod p : store.controlledBy(Pod.class, uid)) dirty.add(p.getMetadata().getName());
    }
    if (dirty.isEmpty()) return;
    for (String name : dirty) recount(name, store.get(Pod.class, namespace, name), now);
    // clear() would zero the whole grown table each time; a large batch gets a fresh set instead.
    if (dirty.size() > 64) dirty = new LinkedHashSet<>();
    else dirty.clear();
  }

  private void recount(String name, Pod pod, Instant now) {
    Counted was = counted.remove(name);
    if (was != null) subtract(name, was);
    mismatched.remove(name);
    if (pod == null) return;
    OwnerReference ref = Owners.controllerOf(pod);
    if (ref == null || !uid.equals(ref.getUid())) return;
    if (!selector.matches(pod.getMetadata().getLabels())) {
      if (!Owners.deleting(pod)) mismatched.add(name);
      return;
    }
    Counted c = new Counted();
    c.active = Owners.active(pod);
    if (c.active) {
      c.fullyLabeled = fullyLabeledSelector.matches(pod.getMetadata().getLabels());
      c.ready = Owners.ready(pod);
      Instant since = c.ready ? readySinceCached(pod) : null;
      if (c.ready) c.availableAt = since == null ? now : since.plusSeconds(minReady);
      c.facts = new DeletionFacts(pod, pod.getSpec().getNodeName(), ReplicaSetController.phaseRank(pod), c.ready,
          ReplicaSetController.deletionCost(pod), since, ReplicaSetController.maxRestarts(pod), created(pod));
    }
    counted.put(name, c);
    if (c.active) replicas++;
    if (c.fullyLabeled) fullyLabeled++;
    if (c.ready) {
      ready++;
      pendingAvailable.add(name);
    }
  }

  private void subtract(String name, Counted c) {
    if (c.active) replicas--;
    if (c.fullyLabeled) fullyLabeled--;
    if (c.ready) ready--;
    if (c.countedAvailable) available--;
    pendingAvailable.remove(name);
  }

  /**
   * Moves ready pods whose minReadySeconds have passed into {@link #available}; returns how long
   * until the next one becomes available, or null if none is waiting.
   */
  Duration settleAvailability(Instant now) {
    Duration recheck = null;
    for (var it = pendingAvailable.iterator(); it.hasNext(); ) {
      Counted c = counted.get(it.next());
      if (!c.availableAt.isAfter(now)) {
        c.countedAvailable = true;
        available++;
        it.remove();
      } else {
        Duration wait = Duration.between(now, c.availableAt);
        if (recheck == null || wait.compareTo(recheck) < 0) recheck = wait;
      }
    }
    return recheck;
  }

  private String lastReadyText;
  private Instant lastReady;

  /** {@link #readySince}, remembering the last time parsed (pods turn ready in the same second by the hundred). */
  private Instant readySinceCached(Pod p) {
    PodCondition c = Owners.condition(p, "Ready");
    String text = c == null ? null : c.getLastTransitionTime();
    if (text == null) return null;
    if (!text.equals(lastReadyText)) {
      lastReady = Instant.parse(text);
      lastReadyText = text;
    }
    return lastReady;
  }

  static Instant readySince(Pod p) {
    PodCondition c = Owners.condition(p, "Ready");
    return c == null || c.getLastTransitionTime() == null ? null : Instant.parse(c.getLastTransitionTime());
  }
}
