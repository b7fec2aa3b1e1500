package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.ResourceArgs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The deployment a {@code rollout} subcommand works on ({@code deployment/x} or {@code deployment x}),
 * and its ReplicaSets with their revisions, as kubectl's rollout helpers find them.
 */
record RolloutTarget(ResourceKind kind, String name) {

  static final String REVISION = "deployment.kubernetes.io/revision";

  static RolloutTarget parse(String verb, List<String> args) {
    if (args.isEmpty()) {
      throw KubectlException.usage("rollout " + verb,
          "required resource not specified");
    }
    ResourceArgs parsed = ResourceArgs.parse(args);
    if (parsed.targets().size() != 1 || parsed.targets().get(0).names().size() != 1) {
      throw KubectlException.usage("rollout " + verb, "exactly one deployment must be given, as TYPE NAME or TYPE/NAME");
    }
    ResourceKind kind = parsed.targets().get(0).kind();
    return new RolloutTarget(kind, parsed.targets().get(0).names().get(0));
  }

  /** The deployment, or kubectl's message for kinds this command does not handle. */
  Deployment deployment(Cluster cluster, String namespace, String unsupported) {
    HasMetadata o = cluster.get(kind, namespace, name);
    if (kind != ResourceKind.DEPLOYMENT) {
      throw new KubectlException(kind.qualifiedPlural() + " \"" + name + "\" " + unsupported);
    }
    return (Deployment) o;
  }

  String displayName() {
    return kind.qualifiedSingular() + "/" + name;
  }

  /** The ReplicaSets the deployment controls, sorted by revision. */
  static List<ReplicaSet> replicaSets(Cluster cluster, Deployment d) {
    List<ReplicaSet> owned = new ArrayList<>();
    Map<String, String> match = d.getSpec().getSelector() == null ? null : d.getSpec().getSelector().getMatchLabels();
    for (HasMetadata o : cluster.list(ResourceKind.REPLICASET, d.getMetadata().getNamespace(),
        match == null ? Selector.EVERYTHING : Selector.of(match), FieldSelector.EVERYTHING)) {
      ReplicaSet rs = (ReplicaSet) o;
      if (ownedBy(rs, d)) owned.add(rs);
    }
    owned.sort(Comparator.comparingLong(RolloutTarget::revision));
    return owned;
  }

  private static boolean ownedBy(ReplicaSet rs, Deployment d) {
    List<OwnerReference> refs = rs.getMetadata().getOwnerReferences();
    if (refs == null) return false;
    for (OwnerReference r : refs) {
      if (!Boolean.TRUE.equals(r.getController()) || !"Deployment".equals(r.getKind())) continue;
      String uid = d.getMetadata().getUid();
      if (uid != null && r.getUid() != null) {
        if (uid.equals(r.getUid())) return true;
      } else if (d.getMetadata().getName().equals(r.getName())) {
        return true;
      }
    }
    return false;
  }

  /** The revision annotation of a ReplicaSet; -1 when missing or malformed (kubectl skips those). */
  static long revision(HasMetadata o) {
    Map<String, String> a = o.getMetadata().getAnnotations();
    String v = a == null ? null : a.get(REVISION);
    if (v == null) return -1;
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
