package io.kubetutor.sim.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.ControlPlane;
import io.kubetutor.sim.ObjectKey;
import io.kubetutor.sim.Owners;
import io.kubetutor.sim.Selectors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The Deployment controller ({@code pkg/controller/deployment}): one ReplicaSet per pod template,
 * named {@code <deployment>-<pod-template-hash>}; rolling updates within maxSurge/maxUnavailable,
 * Recreate, proportional scaling, revisions and their history, cleanup beyond
 * revisionHistoryLimit, pause, and status with the Available/Progressing conditions.
 */
public final class DeploymentController implements Reconciler {

  public static final String REVISION = "deployment.kubernetes.io/revision";
  public static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
  public static final String DESIRED = "deployment.kubernetes.io/desired-replicas";
  public static final String MAX = "deployment.kubernetes.io/max-replicas";
  public static final String HASH_LABEL = "pod-template-hash";
  private static final Set<String> NOT_COPIED = Set.of("kubectl.kubernetes.io/last-applied-configuration", REVISION,
      REVISION_HISTORY, DESIRED, MAX);
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private static final int CANONICAL_CACHE_SIZE = 256;

  private final ControlPlane plane;
  private final Map<String, Encoded> canonicalTemplates = new java.util.HashMap<>();
  private final Map<String, Encoded> canonicalRsTemplates = new java.util.HashMap<>();

  public DeploymentController(ControlPlane plane) {
    this.plane = plane;
  }

  @Override public String name() { return "deployment-controller"; }

  @Override
  public void onChange(WatchEvent event, Consumer<ObjectKey> enqueue) {
    HasMetadata o = event.object();
    if (o instanceof Deployment) {
      enqueue.accept(ObjectKey.of(o));
    } else if (o instanceof ReplicaSet rs) {
      OwnerReference ref = Owners.controllerOf(rs);
      if (ref != null && "Deployment".equals(ref.getKind())) {
        enqueue.accept(new ObjectKey(ResourceKind.DEPLOYMENT, rs.getMetadata().getNamespace(), ref.getName()));
      }
    } else if (o instanceof Pod pod && event.type() == WatchEvent.Type.DELETED) {
      // Recreate waits for old pods to be gone.
      OwnerReference ref = Owners.controllerOf(pod);
      if (ref != null && "ReplicaSet".equals(ref.getKind())) {
        ReplicaSet rs = plane.store().get(ReplicaSet.class, pod.getMetadata().getNamespace(), ref.getName());
        OwnerReference dref = rs == null ? null : Owners.controllerOf(rs);
        if (dref != null && "Deployment".equals(dref.getKind())) {
          enqueue.accept(new ObjectKey(ResourceKind.DEPLOYMENT, rs.getMetadata().getNamespace(), dref.getName()));
        }
      }
    }
  }

  @Override
  public void reconcile(ObjectKey key) {
    Deployment d = (Deployment) plane.store().get(key);
    if (d == null || Owners.deleting(d)) return;
    List<ReplicaSet> all = claimReplicaSets(d);
    boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());
    if (paused || isScalingEvent(d, all)) {
      ReplicaSet newRs = findNew(d, all);
      scale(d, newRs, olds(all, newRs));
      if (paused) cleanup(d, olds(all, newRs));
      syncStatus(d, newRs, paused);
      return;
    }
    if ("Recreate".equals(d.getSpec().getStrategy().getType())) rolloutRecreate(d, all);
    else rolloutRolling(d, all);
  }

  // ---- ownership ----

  private List<ReplicaSet> claimReplicaSets(Deployment d) {
    List<ReplicaSet> owned = new ArrayList<>();
    var selector = Selectors.of(d.getSpec().getSelector());
    for (ReplicaSet rs : plane.store().list(ReplicaSet.class, d.getMetadata().getNamespace(), null)) {
      OwnerReference ref = Owners.controllerOf(rs);
      if (ref != null && ref.getUid().equals(d.getMetadata().getUid())) owned.add(rs);
      else if (ref == null && !Owners.deleting(rs) && selector.matches(rs.getMetadata().getLabels())) {
        ReplicaSet adopted = Objects.copy(rs);
        List<OwnerReference> refs = adopted.getMetadata().getOwnerReferences() == null ? new ArrayList<>()
            : new ArrayList<>(adopted.getMetadata().getOwnerReferences());
        refs.add(Owners.controllerRef(d));
        adopted.getMetadata().setOwnerReferences(refs);
        owned.add((ReplicaSet) plane.store().update(adopted));
        plane.trace(name(), d.getMetadata().getName() + " adopted replica set " + rs.getMetadata().getName());
      }
    }
    owned.sort(Comparator.comparing((ReplicaSet r) -> r.getMetadata().getCreationTimestamp())
        .thenComparing(r -> r.getMetadata().getName()));
    return owned;
  }

  /** The ReplicaSet whose template equals the Deployment's, ignoring the hash label. */
  private ReplicaSet findNew(Deployment d, List<ReplicaSet> all) {
    String want = canonicalCached(d.getMetadata().getUid(), d.getSpec().getTemplate(), false);
    for (ReplicaSet rs : all) {
      if (canonicalCached(rs.getMetadata().getUid(), rs.getSpec().getTemplate(), true).equals(want)) return rs;
    }
    return null;
  }

  static boolean sameTemplate(PodTemplateSpec rsTemplate, PodTemplateSpec dTemplate) {
    return canonicalWithoutHash(rsTemplate).equals(canonical(dTemplate));
  }

  private static String canonicalWithoutHash(PodTemplateSpec rsTemplate) {
    PodTemplateSpec a = new io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder(rsTemplate).build();
    if (a.getMetadata() != null && a.getMetadata().getLabels() != null) {
      Map<String, String> labels = new LinkedHashMap<>(a.getMetadata().getLabels());
      labels.remove(HASH_LABEL);
      a.getMetadata().setLabels(labels);
    }
    return canonical(a);
  }

  /** A template's canonical text, remembered per owner uid with the template it was made from. */
  private record Encoded(PodTemplateSpec template, String text) {}

  /**
   * The canonical text of an object's template, remembered per object uid: encoding a template to
   * JSON on every sync (per ReplicaSet, per pod status change) was the controller's main cost at
   * scale. A stored template that is the same instance, or equal to the remembered one (a scale
   * writes a new copy of the same template), reuses the text.
   */
  private String canonicalCached(String uid, PodTemplateSpec template, boolean withoutHash) {
    Map<String, Encoded> cache = withoutHash ? canonicalRsTemplates : canonicalTemplates;
    Encoded known = cache.get(uid);
    if (known != null && (known.template() == template || known.template().equals(template))) {
      if (known.template() != template) cache.put(uid, new Encoded(template, known.text()));
      return known.text();
    }
    if (cache.size() >= CANONICAL_CACHE_SIZE) cache.clear();
    String text = withoutHash ? canonicalWithoutHash(template) : canonical(template);
    cache.put(uid, new Encoded(template, text));
    return text;
  }

  private static List<ReplicaSet> olds(List<ReplicaSet> all, ReplicaSet newRs) {
    return all.stream().filter(r -> newRs == null || !r.getMetadata().getUid().equals(newRs.getMetadata().getUid()))
        .toList();
  }

  // ---- hashing ----

  /** A canonical encoding of a template: its JSON with map keys sorted. */
  static String canonical(PodTemplateSpec t) {
    try {
      Object tree = Objects.JSON.convertValue(t, Object.class);
      return Objects.JSON.writeValueAsString(sortKeys(tree));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object sortKeys(Object o) {
    if (o instanceof Map<?, ?> m) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      ((Map<String, Object>) m).forEach((k, v) -> sorted.put(k, sortKeys(v)));
      return sorted;
    }
    if (o instanceof List<?> l) return l.stream().map(DeploymentController::sortKeys).toList();
    return o;
  }

  /** FNV-1a 32 over the canonical template (and collisionCount), in decimal, then SafeEncoded. */
  public static String podTemplateHash(PodTemplateSpec template, Integer collisionCount) {
    int hash = 0x811c9dc5;
    byte[] bytes = canonical(template).getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      hash ^= (b & 0xff);
      hash *= 0x01000193;
    }
    if (collisionCount != null) {
      long c = Integer.toUnsignedLong(collisionCount);
      for (int i = 0; i < 8; i++) {
        hash ^= (int) ((c >>> (8 * i)) & 0xff);
        hash *= 0x01000193;
      }
    }
    String decimal = Long.toString(Integer.toUnsignedLong(hash));
    StringBuilder sb = new StringBuilder();
    for (char c : decimal.toCharArray()) sb.append(ALPHABET.charAt(c % ALPHABET.length()));
    return sb.toString();
  }

  // ---- fenceposts ----

  static int replicas(Deployment d) { return d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas(); }

  static int replicas(ReplicaSet rs) { return rs.getSpec().getReplicas() == null ? 0 : rs.getSpec().getReplicas(); }

  static int available(ReplicaSet rs) {
    return rs.getStatus() == null || rs.getStatus().getAvailableReplicas() == null ? 0 : rs.getStatus().getAvailableReplicas();
  }

  static int scaled(IntOrString v, int total, boolean roundUp) {
    if (v == null) return 0;
    if (v.getIntVal() != null) return v.getIntVal();
    String s = v.getStrVal();
    if (s.endsWith("%")) {
      // Go scales in float64: an int product would overflow past 21 million replicas at 100%.
      double pct = (double) Integer.parseInt(s.substring(0, s.length() - 1)) * total / 100.0;
      return (int) (roundUp ? Math.ceil(pct) : Math.floor(pct));
    }
    return Integer.parseInt(s);
  }

  /** {@code ResolveFenceposts}: [maxSurge, maxUnavailable]. */
  static int[] fenceposts(Deployment d) {
    if (!"RollingUpdate".equals(d.getSpec().getStrategy().getType())) return new int[] {0, 0};
    var ru = d.getSpec().getStrategy().getRollingUpdate();
    int n = replicas(d);
    int surge = scaled(ru.getMaxSurge(), n, true);
    int unavailable = scaled(ru.getMaxUnavailable(), n, false);
    if (surge == 0 && unavailable == 0) unavailable = 1;
    return new int[] {surge, unavailable};
  }

  static int maxUnavailable(Deployment d) {
    int n = replicas(d);
    if (!"RollingUpdate".equals(d.getSpec().getStrategy().getType()) || n == 0) return 0;
    return Math.min(fenceposts(d)[1], n);
  }

  // ---- new ReplicaSet ----

  private static int maxRevision(List<ReplicaSet> rss) {
    int max = 0;
    for (ReplicaSet rs : rss) max = Math.max(max, revision(rs));
    return max;
  }

  public static int revision(HasMetadata o) {
    Map<String, String> a = o.getMetadata().getAnnotations();
    try {
      return a == null || a.get(REVISION) == null ? 0 : Integer.parseInt(a.get(REVISION));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Finds the new RS and brings its annotations up to date, or creates it when {@code create}. */
  private ReplicaSet newReplicaSet(Deployment d, List<ReplicaSet> all, boolean create) {
    ReplicaSet existing = findNew(d, all);
    List<ReplicaSet> olds = olds(all, existing);
    int newRevision = maxRevision(olds) + 1;
    if (existing != null) {
      Map<String, String> a = annotations(d, existing.getMetadata().getAnnotations());
      int current = revision(existing);
      if (current < newRevision) {
        if (current > 0) {
          String history = a.get(REVISION_HISTORY);
          a.put(REVISION_HISTORY, history == null || history.isEmpty() ? String.valueOf(current) : history + "," + current);
        }
        a.put(REVISION, String.valueOf(newRevision));
      }
      if (!a.equals(existing.getMetadata().getAnnotations())) {
        ReplicaSet updated = Objects.copy(existing);
        updated.getMetadata().setAnnotations(a);
        existing = (ReplicaSet) plane.store().update(updated);
      }
      setDeploymentRevision(d, existing);
      return existing;
    }
    if (!create) return null;
    Integer collisions = d.getStatus() == null ? null : d.getStatus().getCollisionCount();
    String hash = podTemplateHash(d.getSpec().getTemplate(), collisions);
    PodTemplateSpec template = new io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder(d.getSpec().getTemplate())
        .build();
    Map<String, String> templateLabels = new LinkedHashMap<>(template.getMetadata().getLabels());
    templateLabels.put(HASH_LABEL, hash);
    template.getMetadata().setLabels(templateLabels);
    LabelSelector selector = new io.fabric8.kubernetes.api.model.LabelSelectorBuilder(d.getSpec().getSelector()).build();
    Map<String, String> matchLabels = selector.getMatchLabels() == null ? new LinkedHashMap<>()
        : new LinkedHashMap<>(selector.getMatchLabels());
    matchLabels.put(HASH_LABEL, hash);
    selector.setMatchLabels(matchLabels);
    int newReplicas = newRsNewReplicas(d, all, null);
    Map<String, String> annotations = annotations(d, null);
    annotations.put(REVISION, String.valueOf(newRevision));
    String rsName = d.getMetadata().getName() + "-" + hash;
    ReplicaSet rs = new ReplicaSetBuilder()
        .withNewMetadata().withName(rsName).withNamespace(d.getMetadata().getNamespace())
          .withLabels(templateLabels).withAnnotations(annotations)
          .withOwnerReferences(Owners.controllerRef(d)).endMetadata()
        .withNewSpec().withReplicas(newReplicas).withMinReadySeconds(d.getSpec().getMinReadySeconds())
          .withSelector(selector).withTemplate(template).endSpec()
        .build();
    ReplicaSet created;
    try {
      created = (ReplicaSet) plane.store().create(rs);
    } catch (ClusterException e) {
      if (e.isAlreadyExists()) {
        // A different template hashed to the same name: bump collisionCount and try again next sync.
        Deployment bumped = Objects.copy(d);
        if (bumped.getStatus() == null) bumped.setStatus(new DeploymentStatus());
        bumped.getStatus().setCollisionCount(collisions == null ? 1 : collisions + 1);
        plane.store().updateStatus(bumped);
        plane.trace(name(), "hash collision on " + rsName + ", collisionCount now "
            + bumped.getStatus().getCollisionCount());
        return null;
      }
      plane.event(d, null, "Warning", "ReplicaSetCreateError", "Failed to create new replica set \"" + rsName + "\": "
          + e.getMessage(), name(), null);
      return null;
    }
    plane.trace(name(), d.getMetadata().getName() + " has a new pod template, created replica set " + rsName
        + " with " + newReplicas + " replicas");
    if (newReplicas > 0) {
      plane.event(d, null, "Normal", "ScalingReplicaSet", "Scaled up replica set " + rsName + " to " + newReplicas,
          name(), null);
    }
    setDeploymentRevision(d, created);
    progressing(d, "True", "NewReplicaSetCreated", "Created new replica set \"" + rsName + "\"");
    return created;
  }

  /** The Deployment's annotations copied to the RS (minus the controller's own), with the replica annotations. */
  private static Map<String, String> annotations(Deployment d, Map<String, String> current) {
    Map<String, String> a = current == null ? new TreeMap<>() : new TreeMap<>(current);
    if (d.getMetadata().getAnnotations() != null) {
      d.getMetadata().getAnnotations().forEach((k, v) -> {
        if (!NOT_COPIED.contains(k)) a.put(k, v);
      });
    }
    a.put(DESIRED, String.valueOf(replicas(d)));
    a.put(MAX, String.valueOf(replicas(d) + fenceposts(d)[0]));
    return a;
  }

  private void setDeploymentRevision(Deployment d, ReplicaSet newRs) {
    String rev = String.valueOf(revision(newRs));
    Deployment fresh = plane.store().get(Deployment.class, d.getMetadata().getNamespace(), d.getMetadata().getName());
    Map<String, String> a = fresh.getMetadata().getAnnotations();
    if (a != null && rev.equals(a.get(REVISION))) return;
    Deployment updated = Objects.copy(fresh);
    Map<String, String> na = a == null ? new TreeMap<>() : new TreeMap<>(a);
    na.put(REVISION, rev);
    updated.getMetadata().setAnnotations(na);
    plane.store().update(updated);
  }

  /** {@code NewRSNewReplicas}. */
  private static int newRsNewReplicas(Deployment d, List<ReplicaSet> all, ReplicaSet newRs) {
    int want = replicas(d);
    if (!"RollingUpdate".equals(d.getSpec().getStrategy().getType())) return want;
    int current = 0;
    for (ReplicaSet rs : all) current += replicas(rs);
    int maxTotal = want + fenceposts(d)[0];
    int newSize = newRs == null ? 0 : replicas(newRs);
    if (current >= maxTotal) return newSize;
    return newSize + Math.min(maxTotal - current, want - newSize);
  }

  // ---- scaling ----

  /** Scales {@code rs} to {@code to}, with the ScalingReplicaSet event; returns the stored RS. */
  private ReplicaSet scaleTo(Deployment d, ReplicaSet rs, int to) {
    int from = replicas(rs);
    ReplicaSet updated = Objects.copy(rs);
    // Scaling touches only the replica annotations (kubernetes' scaleReplicaSet): copying the deployment's
    // annotations here would stamp an old revision with the new change-cause.
    Map<String, String> a = rs.getMetadata().getAnnotations() == null ? new TreeMap<>() : new TreeMap<>(rs.getMetadata().getAnnotations());
    a.put(DESIRED, String.valueOf(replicas(d)));
    a.put(MAX, String.valueOf(replicas(d) + fenceposts(d)[0]));
    updated.getMetadata().setAnnotations(a);
    updated.getSpec().setReplicas(to);
    if (from == to && a.equals(rs.getMetadata().getAnnotations())) return rs;
    ReplicaSet stored = (ReplicaSet) plane.store().update(updated);
    if (from != to) {
      String verb = to > from ? "up" : "down";
      plane.trace(name(), d.getMetadata().getName() + ": scaled " + verb + " replica set " + rs.getMetadata().getName()
          + " to " + to + " from " + from);
      plane.event(d, null, "Normal", "ScalingReplicaSet", "Scaled " + verb + " replica set " + rs.getMetadata().getName()
          + " to " + to + " from " + from, name(), null);
    }
    return stored;
  }

  private static boolean isScalingEvent(Deployment d, List<ReplicaSet> all) {
    for (ReplicaSet rs : all) {
      if (replicas(rs) == 0) continue;
      Map<String, String> a = rs.getMetadata().getAnnotations();
      String desired = a == null ? null : a.get(DESIRED);
      if (desired != null && !desired.equals(String.valueOf(replicas(d)))) return true;
    }
    return false;
  }

  /** {@code sync.go scale}: a replicas change spread proportionally over the active ReplicaSets. */
  private void scale(Deployment d, ReplicaSet newRs, List<ReplicaSet> olds) {
    List<ReplicaSet> active = new ArrayList<>();
    if (newRs != null && replicas(newRs) > 0) active.add(newRs);
    for (ReplicaSet rs : olds) if (replicas(rs) > 0) active.add(rs);
    if (active.size() <= 1) {
      ReplicaSet only = active.isEmpty() ? newRs : active.get(0);
      if (only == null) return;
      scaleTo(d, only, replicas(d));
      return;
    }
    if (newRs != null && replicas(newRs) == replicas(d)) {
      for (ReplicaSet rs : olds) if (replicas(rs) > 0) scaleTo(d, rs, 0);
      return;
    }
    int allowed = replicas(d) + fenceposts(d)[0];
    int current = 0;
    for (ReplicaSet rs : active) current += replicas(rs);
    int toAdd = allowed - current;
    if (toAdd == 0) return;
    Comparator<ReplicaSet> bySize = Comparator.comparingInt(DeploymentController::replicas);
    Comparator<ReplicaSet> byAge = Comparator.comparing((ReplicaSet r) -> r.getMetadata().getCreationTimestamp());
    active.sort(toAdd > 0 ? bySize.reversed().thenComparing(byAge.reversed()) : bySize.thenComparing(byAge));
    int added = 0;
    int[] sizes = new int[active.size()];
    for (int i = 0; i < active.size(); i++) {
      ReplicaSet rs = active.get(i);
      int proportion = fraction(d, rs);
      proportion = toAdd > 0 ? Math.min(proportion, toAdd - added) : Math.max(proportion, toAdd - added);
      sizes[i] = replicas(rs) + proportion;
      added += proportion;
    }
    sizes[0] += toAdd - added;  // leftover to the largest
    if (sizes[0] < 0) sizes[0] = 0;
    for (int i = 0; i < active.size(); i++) scaleTo(d, active.get(i), sizes[i]);
  }

  private static int fraction(Deployment d, ReplicaSet rs) {
    if (replicas(d) == 0) return -replicas(rs);
    int deploymentReplicas = replicas(d) + fenceposts(d)[0];
    Map<String, String> a = rs.getMetadata().getAnnotations();
    int annotated;
    try {
      annotated = Integer.parseInt(a.get(MAX));
    } catch (RuntimeException e) {
      annotated = d.getStatus() == null || d.getStatus().getReplicas() == null ? 0 : d.getStatus().getReplicas();
    }
    if (annotated == 0) return 0;
    double newSize = (double) replicas(rs) * deploymentReplicas / annotated;
    return (int) Math.round(newSize) - replicas(rs);
  }

  // ---- strategies ----

  private void rolloutRolling(Deployment d, List<ReplicaSet> all) {
    ReplicaSet newRs = newReplicaSet(d, all, true);
    if (newRs == null) return;
    all = claimReplicaSets(d);
    List<ReplicaSet> olds = olds(all, newRs);
    // Scale up the new RS.
    int want = replicas(d);
    int target = replicas(newRs) > want ? want : newRsNewReplicas(d, all, newRs);
    if (target != replicas(newRs)) {
      newRs = scaleTo(d, newRs, target);
      syncStatus(d, newRs, false);
      return;
    }
    // Scale down old RSs.
    if (reconcileOld(d, newRs, olds, all)) {
      syncStatus(d, newRs, false);
      return;
    }
    if (complete(d, newRs, all)) cleanup(d, olds);
    syncStatus(d, newRs, false);
  }

  /** {@code reconcileOldReplicaSets}; true if something was scaled. */
  private boolean reconcileOld(Deployment d, ReplicaSet newRs, List<ReplicaSet> olds, List<ReplicaSet> all) {
    int oldPods = 0;
    for (ReplicaSet rs : olds) oldPods += replicas(rs);
    if (oldPods == 0) return false;
    int allPods = 0;
    for (ReplicaSet rs : all) allPods += replicas(rs);
    int minAvailable = replicas(d) - maxUnavailable(d);
    int newUnavailable = replicas(newRs) - available(newRs);
    int maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;
    boolean scaled = false;
    // First the unhealthy replicas of old RSs, oldest first.
    int cleaned = 0;
    List<ReplicaSet> current = new ArrayList<>();
    for (ReplicaSet rs : olds) {
      if (cleaned >= maxScaledDown || replicas(rs) == 0) {
        current.add(rs);
        continue;
      }
      int unhealthy = replicas(rs) - available(rs);
      if (unhealthy <= 0) {
        current.add(rs);
        continue;
      }
      int down = Math.min(maxScaledDown - cleaned, unhealthy);
      current.add(scaleTo(d, rs, replicas(rs) - down));
      cleaned += down;
      scaled = true;
    }
    // Then down to minAvailable.
    int availableAll = available(newRs);
    for (ReplicaSet rs : current) availableAll += available(rs);
    int totalDown = Math.min(availableAll - minAvailable, maxScaledDown - cleaned);
    if (totalDown <= 0) return scaled;
    int done = 0;
    for (ReplicaSet rs : current) {
      if (done >= totalDown) break;
      if (replicas(rs) == 0) continue;
      int down = Math.min(replicas(rs), totalDown - done);
      scaleTo(d, rs, replicas(rs) - down);
      done += down;
      scaled = true;
    }
    return scaled;
  }

  private void rolloutRecreate(Deployment d, List<ReplicaSet> all) {
    ReplicaSet newRs = newReplicaSet(d, all, false);
    List<ReplicaSet> olds = olds(all, newRs);
    boolean scaledDown = false;
    for (ReplicaSet rs : olds) {
      if (replicas(rs) > 0) {
        scaleTo(d, rs, 0);
        scaledDown = true;
      }
    }
    if (scaledDown) {
      syncStatus(d, newRs, false);
      return;
    }
    // Wait until no pod of an old RS is left.
    for (Pod pod : plane.store().list(Pod.class, d.getMetadata().getNamespace(), null)) {
      OwnerReference ref = Owners.controllerOf(pod);
      if (ref != null && olds.stream().anyMatch(rs -> rs.getMetadata().getUid().equals(ref.getUid()))) {
        syncStatus(d, newRs, false);
        return;
      }
    }
    if (newRs == null) newRs = newReplicaSet(d, all, true);
    if (newRs == null) return;
    if (replicas(newRs) != replicas(d)) newRs = scaleTo(d, newRs, replicas(d));
    if (complete(d, newRs, claimReplicaSets(d))) cleanup(d, olds);
    syncStatus(d, newRs, false);
  }

  private static boolean complete(Deployment d, ReplicaSet newRs, List<ReplicaSet> all) {
    int total = 0;
    for (ReplicaSet rs : all) total += rs.getStatus() == null || rs.getStatus().getReplicas() == null ? 0
        : rs.getStatus().getReplicas();
    int updated = newRs.getStatus() == null || newRs.getStatus().getReplicas() == null ? 0 : newRs.getStatus().getReplicas();
    return updated == replicas(d) && total == replicas(d) && available(newRs) == replicas(d);
  }

  /** Deletes old, empty ReplicaSets beyond revisionHistoryLimit, lowest revision first. */
  private void cleanup(Deployment d, List<ReplicaSet> olds) {
    int limit = d.getSpec().getRevisionHistoryLimit() == null ? 10 : d.getSpec().getRevisionHistoryLimit();
    List<ReplicaSet> empty = new ArrayList<>();
    for (ReplicaSet rs : olds) {
      int statusReplicas = rs.getStatus() == null || rs.getStatus().getReplicas() == null ? 0 : rs.getStatus().getReplicas();
      if (replicas(rs) == 0 && statusReplicas == 0 && !Owners.deleting(rs)) empty.add(rs);
    }
    int excess = olds.size() - limit;
    if (excess <= 0) return;
    empty.sort(Comparator.comparingInt(DeploymentController::revision)
        .thenComparing(r -> r.getMetadata().getCreationTimestamp()));
    for (int i = 0; i < Math.min(excess, empty.size()); i++) {
      ReplicaSet rs = empty.get(i);
      plane.trace(name(), d.getMetadata().getName() + ": deleting old replica set " + rs.getMetadata().getName()
          + " (revision history limit " + limit + ")");
      plane.store().delete(ObjectKey.of(rs), DeleteOptions.DEFAULT);
    }
  }

  // ---- status ----

  private void syncStatus(Deployment stale, ReplicaSet newRs, boolean paused) {
    Deployment d = plane.store().get(Deployment.class, stale.getMetadata().getNamespace(), stale.getMetadata().getName());
    if (d == null) return;
    List<ReplicaSet> all = claimReplicaSets(d);
    int replicas = 0;
    int ready = 0;
    int available = 0;
    int updated = 0;
    for (ReplicaSet rs : all) {
      var s = rs.getStatus();
      if (s == null) continue;
      replicas += s.getReplicas() == null ? 0 : s.getReplicas();
      ready += s.getReadyReplicas() == null ? 0 : s.getReadyReplicas();
      available += s.getAvailableReplicas() == null ? 0 : s.getAvailableReplicas();
    }
    ReplicaSet currentNew = newRs == null ? null : all.stream()
        .filter(r -> r.getMetadata().getUid().equals(newRs.getMetadata().getUid())).findFirst().orElse(null);
    if (currentNew != null && currentNew.getStatus() != null && currentNew.getStatus().getReplicas() != null) {
      updated = currentNew.getStatus().getReplicas();
    }
    // Only the status is written (and its fields replaced, never edited): a one-level copy will do.
    Deployment next = io.kubetutor.sim.store.ShallowCopy.of(d);
    DeploymentStatus st = d.getStatus() == null ? new DeploymentStatus() : io.kubetutor.sim.store.ShallowCopy.of(d.getStatus());
    next.setStatus(st);
    st.setObservedGeneration(d.getMetadata().getGeneration());
    st.setReplicas(replicas == 0 ? null : replicas);
    st.setUpdatedReplicas(updated == 0 ? null : updated);
    st.setReadyReplicas(ready == 0 ? null : ready);
    st.setAvailableReplicas(available == 0 ? null : available);
    int unavailable = Math.max(0, replicas(d) - available);
    st.setUnavailableReplicas(unavailable == 0 ? null : unavailable);
    String now = io.kubetutor.sim.ApiTime.format(plane.clock().now());
    if (available >= replicas(d) - maxUnavailable(d)) {
      setCondition(st, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", now, false);
    } else {
      setCondition(st, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.",
          now, false);
    }
    if (paused) {
      setCondition(st, "Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", now, false);
    } else if (currentNew != null) {
      String rsName = currentNew.getMetadata().getName();
      DeploymentCondition prog = condition(st, "Progressing");
      boolean done = updated == replicas(d) && replicas == replicas(d) && available == replicas(d);
      if (done) {
        setCondition(st, "Progressing", "True", "NewReplicaSetAvailable", "ReplicaSet \"" + rsName
            + "\" has successfully progressed.", now, true);
      } else if (prog != null && "ProgressDeadlineExceeded".equals(prog.getReason())) {
        // stays failed until progress is made
      } else if (prog == null || !"True".equals(prog.getStatus()) || "NewReplicaSetAvailable".equals(prog.getReason())
          || changed(d, next)) {
        String reason = prog == null ? "NewReplicaSetCreated" : "ReplicaSetUpdated";
        String message = prog == null ? "Created new replica set \"" + rsName + "\""
            : "ReplicaSet \"" + rsName + "\" is progressing.";
        if (prog != null && "NewReplicaSetCreated".equals(prog.getReason()) && !changed(d, next)) {
          reason = prog.getReason();
          message = prog.getMessage();
        }
        setCondition(st, "Progressing", "True", reason, message, now, true);
      }
      DeploymentCondition p = condition(st, "Progressing");
      Integer deadline = d.getSpec().getProgressDeadlineSeconds();
      if (!done && deadline != null && p != null && "True".equals(p.getStatus())) {
        Instant last = parseTime(p.getLastUpdateTime());
        Instant expires = last.plusSeconds(deadline);
        if (!expires.isAfter(plane.clock().now())) {
          setCondition(st, "Progressing", "False", "ProgressDeadlineExceeded", "ReplicaSet \"" + rsName
              + "\" has timed out progressing.", now, true);
        } else {
          plane.requeueAfter(this, ObjectKey.of(d), Duration.between(plane.clock().now(), expires));
        }
      }
    }
    if (!paused) replicaFailure(st, currentNew, all);
    if (!java.util.Objects.equals(d.getStatus(), st)) plane.store().updateStatus(next);
  }

  /**
   * The ReplicaFailure condition of the new ReplicaSet (else of an old one) becomes the
   * Deployment's, and goes when none has one ({@code getReplicaFailures} in the rollout sync).
   */
  private static void replicaFailure(DeploymentStatus st, ReplicaSet newRs, List<ReplicaSet> all) {
    ReplicaSetCondition failure = failureOf(newRs);
    for (int i = 0; failure == null && i < all.size(); i++) failure = failureOf(all.get(i));
    DeploymentCondition old = condition(st, "ReplicaFailure");
    if (failure == null && old == null) return;
    if (failure != null && old != null && failure.getStatus().equals(old.getStatus())
        && java.util.Objects.equals(failure.getReason(), old.getReason())) {
      return;  // SetDeploymentCondition leaves a condition of the same status and reason alone
    }
    List<DeploymentCondition> list = new ArrayList<>(st.getConditions() == null ? List.of() : st.getConditions());
    list.removeIf(c -> "ReplicaFailure".equals(c.getType()));
    if (failure != null) {
      DeploymentCondition c = new DeploymentCondition();
      c.setType("ReplicaFailure");
      c.setStatus(failure.getStatus());
      c.setReason(failure.getReason());
      c.setMessage(failure.getMessage());
      c.setLastUpdateTime(failure.getLastTransitionTime());
      c.setLastTransitionTime(failure.getLastTransitionTime());
      list.add(c);
    }
    st.setConditions(list);
  }

  private static ReplicaSetCondition failureOf(ReplicaSet rs) {
    if (rs == null || rs.getStatus() == null || rs.getStatus().getConditions() == null) return null;
    for (ReplicaSetCondition c : rs.getStatus().getConditions()) {
      if ("ReplicaFailure".equals(c.getType())) return c;
    }
    return null;
  }

  private String lastParsedText;
  private Instant lastParsed;

  /** Parses a condition time, remembering the last one (every sync of a rollout reads the same one). */
  private Instant parseTime(String text) {
    if (!text.equals(lastParsedText)) {
      lastParsed = Instant.parse(text);
      lastParsedText = text;
    }
    return lastParsed;
  }

  private static boolean changed(Deployment before, Deployment after) {
    var a = before.getStatus();
    var b = after.getStatus();
    if (a == null) return true;
    return !java.util.Objects.equals(a.getReplicas(), b.getReplicas())
        || !java.util.Objects.equals(a.getUpdatedReplicas(), b.getUpdatedReplicas())
        || !java.util.Objects.equals(a.getAvailableReplicas(), b.getAvailableReplicas())
        || !java.util.Objects.equals(a.getReadyReplicas(), b.getReadyReplicas());
  }

  private void progressing(Deployment d, String status, String reason, String message) {
    Deployment fresh = plane.store().get(Deployment.class, d.getMetadata().getNamespace(), d.getMetadata().getName());
    Deployment next = Objects.copy(fresh);
    if (next.getStatus() == null) next.setStatus(new DeploymentStatus());
    setCondition(next.getStatus(), "Progressing", status, reason, message, io.kubetutor.sim.ApiTime.format(plane.clock().now()), true);
    plane.store().updateStatus(next);
  }

  private static DeploymentCondition condition(DeploymentStatus st, String type) {
    if (st.getConditions() == null) return null;
    return st.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  /** Sets a condition; lastTransitionTime moves only when the status does, lastUpdateTime when anything does. */
  private static void setCondition(DeploymentStatus st, String type, String status, String reason, String message,
                                   String now, boolean touchUpdate) {
    List<DeploymentCondition> list = st.getConditions() == null ? new ArrayList<>() : new ArrayList<>(st.getConditions());
    DeploymentCondition old = condition(st, type);
    if (old != null && status.equals(old.getStatus()) && reason.equals(old.getReason())
        && message.equals(old.getMessage()) && !touchUpdate) {
      return;
    }
    if (old != null && status.equals(old.getStatus()) && reason.equals(old.getReason()) && message.equals(old.getMessage())
        && "NewReplicaSetAvailable".equals(reason)) {
      return;
    }
    DeploymentCondition c = new DeploymentCondition();
    c.setType(type);
    c.setStatus(status);
    c.setReason(reason);
    c.setMessage(message);
    c.setLastUpdateTime(now);
    c.setLastTransitionTime(old != null && status.equals(old.getStatus()) ? old.getLastTransitionTime() : now);
    int index = old == null ? -1 : list.indexOf(old);
    if (index >= 0) list.set(index, c);
    else list.add(c);
    // Available is listed before Progressing, as the controller adds them.
    list.sort(Comparator.comparing(x -> "Available".equals(x.getType()) ? 0 : 1));
    st.setConditions(list);
  }
}
