package io.kubetutor.shell.builtins;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.print.Durations;
import io.kubetutor.print.TabWriter;
import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code tree [deploy/NAME] [-n NS]}: the ownership tree Deployment → ReplicaSets → Pods, in the
 * manner of the kubectl-tree plugin, so students see who made which pod (and which pods nobody owns).
 * Without a name: every Deployment of the namespace, then ReplicaSets and Pods that have no owner.
 */
public final class TreeBuiltin implements Builtin {
  @Override public String name() { return "tree"; }
  @Override public String summary() { return "ownership tree: Deployment -> ReplicaSets -> Pods (tree [deploy/NAME] [-n NS])"; }
  @Override public String usage() {
    return "usage: tree [deployment/NAME | deployment NAME] [-n NAMESPACE]\n"
        + "  Shows which ReplicaSets a Deployment owns and which Pods each ReplicaSet owns, with READY,\n"
        + "  STATUS and AGE. Without a name: every Deployment in the namespace, then objects without an owner.";
  }

  @Override
  public List<String> complete(List<String> args, Session session) {
    String last = args.isEmpty() ? "" : args.get(args.size() - 1);
    if (last.contains("/")) {
      String prefix = last.substring(0, last.indexOf('/') + 1);
      return names(session.cluster(), ResourceKind.DEPLOYMENT, session.namespace()).stream()
          .map(d -> prefix + d.getMetadata().getName()).toList();
    }
    return List.of("deployment/", "deploy/");
  }

  @Override
  public int run(List<String> args, Session session) {
    String namespace = session.namespace();
    List<String> operands = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-n") || a.equals("--namespace")) {
        if (i + 1 >= args.size()) {
          session.err().println("error: flag needs an argument: '" + (a.equals("-n") ? "n" : "namespace") + "' in -" + (a.equals("-n") ? "n" : "-namespace"));
          return 1;
        }
        namespace = args.get(++i);
      } else if (a.startsWith("--namespace=")) {
        namespace = a.substring("--namespace=".length());
      } else if (a.startsWith("-")) {
        session.err().println("error: unknown flag: " + a);
        return 1;
      } else {
        operands.add(a);
      }
    }
    String name = null;
    if (operands.size() == 1 && operands.get(0).contains("/")) {
      String type = operands.get(0).substring(0, operands.get(0).indexOf('/'));
      if (ResourceKind.lookup(type).orElse(null) != ResourceKind.DEPLOYMENT) {
        session.err().println("error: tree shows deployments: use tree deployment/NAME");
        return 1;
      }
      name = operands.get(0).substring(operands.get(0).indexOf('/') + 1);
    } else if (operands.size() == 2 && ResourceKind.lookup(operands.get(0)).orElse(null) == ResourceKind.DEPLOYMENT) {
      name = operands.get(1);
    } else if (!operands.isEmpty()) {
      session.err().println("error: tree shows deployments: use tree deployment/NAME, or tree alone for the namespace");
      return 1;
    }
    try {
      String text = render(session.cluster(), namespace, name);
      if (text.isEmpty()) session.err().println("No resources found in " + namespace + " namespace.");
      else session.out().print(text);
      return 0;
    } catch (ClusterException e) {
      session.err().println(e.toKubectlMessage());
      return 1;
    }
  }

  /** The table for one deployment ({@code name}) or the whole namespace ({@code name == null}); empty when there is nothing. */
  public static String render(Cluster cluster, String namespace, String name) {
    Instant now = cluster.clock().now();
    List<HasMetadata> deployments = name != null ? List.of(cluster.get(ResourceKind.DEPLOYMENT, namespace, name))
        : names(cluster, ResourceKind.DEPLOYMENT, namespace);
    List<HasMetadata> replicaSets = names(cluster, ResourceKind.REPLICASET, namespace);
    List<HasMetadata> pods = names(cluster, ResourceKind.POD, namespace);
    List<String[]> rows = new ArrayList<>();
    for (HasMetadata d : deployments) {
      rows.add(row(namespace, "", d, now));
      List<HasMetadata> ownedSets = ownedBy(d, replicaSets);
      for (int i = 0; i < ownedSets.size(); i++) {
        boolean lastSet = i == ownedSets.size() - 1;
        HasMetadata rs = ownedSets.get(i);
        rows.add(row(namespace, lastSet ? "└─" : "├─", rs, now));
        List<HasMetadata> ownedPods = ownedBy(rs, pods);
        for (int j = 0; j < ownedPods.size(); j++) {
          rows.add(row(namespace, (lastSet ? "  " : "│ ") + (j == ownedPods.size() - 1 ? "└─" : "├─"), ownedPods.get(j), now));
        }
      }
    }
    if (name == null) {
      // Bare ReplicaSets and Pods: nothing will bring them back if they are deleted.
      for (HasMetadata rs : replicaSets) {
        if (hasNoOwner(rs)) {
          rows.add(row(namespace, "", rs, now));
          List<HasMetadata> ownedPods = ownedBy(rs, pods);
          for (int j = 0; j < ownedPods.size(); j++) {
            rows.add(row(namespace, j == ownedPods.size() - 1 ? "└─" : "├─", ownedPods.get(j), now));
          }
        }
      }
      for (HasMetadata p : pods) if (hasNoOwner(p)) rows.add(row(namespace, "", p, now));
    }
    if (rows.isEmpty()) return "";
    TabWriter tw = new TabWriter(0, 2, false);
    tw.row("NAMESPACE", "NAME", "READY", "STATUS", "AGE");
    for (String[] r : rows) tw.row(r);
    return tw.flush();
  }

  private static String[] row(String namespace, String branch, HasMetadata o, Instant now) {
    String kind = o.getKind() != null ? o.getKind() : ResourceKind.forObject(o).map(ResourceKind::kind).orElse("?");
    String ready = "-";
    String status = "";
    if (o instanceof Deployment d && d.getSpec() != null) {
      ready = count(d.getStatus() == null ? null : d.getStatus().getReadyReplicas()) + "/" + count(d.getSpec().getReplicas());
    } else if (o instanceof ReplicaSet rs && rs.getSpec() != null) {
      ready = count(rs.getStatus() == null ? null : rs.getStatus().getReadyReplicas()) + "/" + count(rs.getSpec().getReplicas());
    } else if (o instanceof Pod p) {
      int total = p.getSpec() == null || p.getSpec().getContainers() == null ? 0 : p.getSpec().getContainers().size();
      long readyCount = p.getStatus() == null || p.getStatus().getContainerStatuses() == null ? 0
          : p.getStatus().getContainerStatuses().stream().filter(cs -> Boolean.TRUE.equals(cs.getReady())).count();
      ready = readyCount + "/" + total;
      status = o.getMetadata().getDeletionTimestamp() != null ? "Terminating"
          : p.getStatus() != null && p.getStatus().getPhase() != null ? p.getStatus().getPhase() : "Pending";
    }
    String ns = o.getMetadata().getNamespace() != null ? o.getMetadata().getNamespace() : namespace;
    return new String[] {ns, branch + kind + "/" + o.getMetadata().getName(), ready, status,
        Durations.since(o.getMetadata().getCreationTimestamp(), now)};
  }

  private static int count(Integer n) {
    return n == null ? 0 : n;
  }

  private static List<HasMetadata> names(Cluster cluster, ResourceKind kind, String namespace) {
    List<HasMetadata> all = new ArrayList<>(cluster.list(kind, namespace, Selector.EVERYTHING, FieldSelector.EVERYTHING));
    all.sort(Comparator.comparing(o -> o.getMetadata().getName()));
    return all;
  }

  private static boolean hasNoOwner(HasMetadata o) {
    return o.getMetadata().getOwnerReferences() == null || o.getMetadata().getOwnerReferences().isEmpty();
  }

  /** Children that name {@code owner} as an owner: by uid when both have one, else by kind and name. */
  private static List<HasMetadata> ownedBy(HasMetadata owner, List<HasMetadata> candidates) {
    String uid = owner.getMetadata().getUid();
    String kind = owner.getKind() != null ? owner.getKind() : ResourceKind.forObject(owner).map(ResourceKind::kind).orElse("");
    List<HasMetadata> out = new ArrayList<>();
    for (HasMetadata c : candidates) {
      if (hasNoOwner(c)) continue;
      for (OwnerReference ref : c.getMetadata().getOwnerReferences()) {
        boolean match = uid != null && ref.getUid() != null ? uid.equals(ref.getUid())
            : kind.equals(ref.getKind()) && owner.getMetadata().getName().equals(ref.getName());
        if (match) {
          out.add(c);
          break;
        }
      }
    }
    return out;
  }
}
