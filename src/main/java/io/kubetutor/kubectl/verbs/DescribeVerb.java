package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.ResourceArgs;
import io.kubetutor.kubectl.Verb;
import io.kubetutor.print.DescribeWriter;
import io.kubetutor.print.ControllerDescribers;
import io.kubetutor.print.Describers;
import io.kubetutor.print.NodeDescriber;
import io.kubetutor.print.ResourceTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl describe}: one text per object (reference §9) with the related events fetched
 * through the port. A name that is not found is tried as a prefix, as kubectl does.
 */
@Command(name = "describe", description = "Show details of a specific resource or group of resources",
    footerHeading = "%nExamples:%n",
    footer = {"  # Describe a pod", "  kubectl describe pods/nginx", "",
        "  # Describe all pods managed by the 'frontend' replication controller", "  kubectl describe pods frontend"})
public final class DescribeVerb extends Verb {

  /** Kinds with a describer here; the others are refused with a clear message. */
  private static final Set<ResourceKind> SUPPORTED = Set.of(ResourceKind.POD, ResourceKind.DEPLOYMENT,
      ResourceKind.REPLICASET, ResourceKind.SERVICE, ResourceKind.NAMESPACE, ResourceKind.CONFIGMAP,
      ResourceKind.SECRET, ResourceKind.SERVICEACCOUNT, ResourceKind.ENDPOINTS, ResourceKind.PERSISTENTVOLUMECLAIM,
      ResourceKind.NODE, ResourceKind.DAEMONSET, ResourceKind.JOB);

  @Parameters(arity = "0..*", paramLabel = "(TYPE [NAME_PREFIX | -l label] | TYPE/NAME)")
  List<String> args = new ArrayList<>();

  @Option(names = {"-l", "--selector"}, description = "Selector (label query) to filter on.")
  String selector;

  @Option(names = {"-A", "--all-namespaces"}, arity = "0..1", description = "List across all namespaces.")
  boolean allNamespaces;

  @Option(names = "--show-events", arity = "0..1", defaultValue = "true", fallbackValue = "true",
      description = "If true, display events related to the described object.")
  boolean showEvents = true;

  /** Events listed once per namespace for this command (see {@link #eventsByObject}). */
  private final Map<String, Map<String, List<Event>>> eventsByNamespace = new HashMap<>();

  @Override
  protected int run() {
    eventsByNamespace.clear();
    if (args.isEmpty()) {
      err().println("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete"
          + " list of supported resources.");
      err().println();
      throw KubectlException.usage("describe", "Required resource not specified.");
    }
    ResourceArgs resources = ResourceArgs.parse(args);
    Selector labels;
    try {
      labels = Selector.parse(selector);
    } catch (IllegalArgumentException e) {
      throw new KubectlException(e.getMessage());
    }
    for (ResourceArgs.Target t : resources.targets()) {
      if (!SUPPORTED.contains(t.kind())) {
        throw new KubectlException("describe is not available for " + t.kind().qualifiedPlural() + " in kubetutor yet");
      }
    }
    String ns = allNamespaces ? null : namespace();
    List<ClusterException> errors = new ArrayList<>();
    boolean first = true;
    boolean any = false;
    for (ResourceArgs.Target target : resources.targets()) {
      ResourceKind kind = target.kind();
      if (target.names().isEmpty()) {
        for (HasMetadata o : cluster().list(kind, kind.namespaced() ? ns : null, labels, FieldSelector.EVERYTHING)) {
          out().print(first ? describe(kind, o) : "\n\n" + describe(kind, o));
          first = false;
          any = true;
        }
        continue;
      }
      for (String name : target.names()) {
        try {
          HasMetadata o = cluster().get(kind, namespace(), name);
          out().print(first ? describe(kind, o) : "\n\n" + describe(kind, o));
          first = false;
          any = true;
        } catch (ClusterException e) {
          if (!e.isNotFound() || resources.slashForm()) {
            errors.add(e);
            continue;
          }
          // kubectl then describes every object whose name starts with the argument.
          boolean found = false;
          for (HasMetadata o : cluster().list(kind, namespace(), Selector.EVERYTHING, FieldSelector.EVERYTHING)) {
            if (o.getMetadata().getName().startsWith(name)) {
              out().print(describe(kind, o) + "\n");
              found = true;
              any = true;
            }
          }
          if (!found) errors.add(e);
        }
      }
    }
    out().flush();
    if (!any && errors.isEmpty()) {
      if (allNamespaces) err().println("No resources found");
      else err().println("No resources found in " + ns + " namespace.");
    }
    for (ClusterException e : errors) err().println(e.toKubectlMessage());
    return errors.isEmpty() ? 0 : 1;
  }

  private String describe(ResourceKind kind, HasMetadata o) {
    Instant now = cluster().clock().now();
    String objNs = o.getMetadata().getNamespace();
    List<Event> events = showEvents && kind != ResourceKind.NAMESPACE && kind != ResourceKind.SECRET
        && kind != ResourceKind.NODE
        ? events(o, objNs) : List.of();
    return switch (kind) {
      case POD -> Describers.pod((Pod) o, events, now);
      case DEPLOYMENT -> {
        List<ReplicaSet> owned = new ArrayList<>();
        for (HasMetadata h : cluster().list(ResourceKind.REPLICASET, objNs, Selector.EVERYTHING, FieldSelector.EVERYTHING)) {
          if (ownedBy(h, o)) owned.add((ReplicaSet) h);
        }
        yield Describers.deployment((Deployment) o, owned, events, now);
      }
      case REPLICASET -> {
        List<Pod> pods = new ArrayList<>();
        for (HasMetadata h : cluster().list(ResourceKind.POD, objNs, Selector.EVERYTHING, FieldSelector.EVERYTHING)) {
          if (ownedBy(h, o)) pods.add((Pod) h);
        }
        yield Describers.replicaSet((ReplicaSet) o, pods, events, now);
      }
      case SERVICE -> {
        Endpoints ep = null;
        try {
          ep = (Endpoints) cluster().get(ResourceKind.ENDPOINTS, objNs, o.getMetadata().getName());
        } catch (ClusterException e) {
          if (!e.isNotFound()) throw e;
        }
        yield Describers.service((Service) o, ep, events, now);
      }
      case NAMESPACE -> Describers.namespace((Namespace) o);
      case CONFIGMAP -> Describers.configMap((ConfigMap) o, events, now);
      case SECRET -> Describers.secret((io.fabric8.kubernetes.api.model.Secret) o);
      case SERVICEACCOUNT -> Describers.serviceAccount((io.fabric8.kubernetes.api.model.ServiceAccount) o, events, now);
      case ENDPOINTS -> Describers.endpoints((Endpoints) o, events, now);
      case PERSISTENTVOLUMECLAIM -> {
        List<Pod> pods = new ArrayList<>();
        for (HasMetadata h : cluster().list(ResourceKind.POD, objNs, Selector.EVERYTHING, FieldSelector.EVERYTHING)) {
          pods.add((Pod) h);
        }
        yield Describers.persistentVolumeClaim((io.fabric8.kubernetes.api.model.PersistentVolumeClaim) o, pods, events, now);
      }
      case DAEMONSET -> {
        var ds = (io.fabric8.kubernetes.api.model.apps.DaemonSet) o;
        yield ControllerDescribers.daemonSet(ds, controlledPods(ds, objNs), events, now);
      }
      case JOB -> ControllerDescribers.job((io.fabric8.kubernetes.api.model.batch.v1.Job) o, events, now);
      case NODE -> describeNode((Node) o, now);
      default -> throw new KubectlException("describe is not available for " + kind.qualifiedPlural());
    };
  }

  /** Pods matching the controller's selector whose controller reference is that object (kubectl skips orphans). */
  private List<Pod> controlledPods(io.fabric8.kubernetes.api.model.apps.DaemonSet ds, String ns) {
    Selector selector;
    try {
      selector = Selector.parse(ResourceTables.selectorOrNone(ds.getSpec().getSelector()).replace("<none>", ""));
    } catch (IllegalArgumentException e) {
      selector = Selector.EVERYTHING;
    }
    List<Pod> pods = new ArrayList<>();
    for (HasMetadata h : cluster().list(ResourceKind.POD, ns, selector, FieldSelector.EVERYTHING)) {
      if (ownedBy(h, ds)) pods.add((Pod) h);
    }
    return pods;
  }

  /**
   * The node with its non-terminated pods from every namespace and the events about it (kubelets
   * record node events with the node name as uid, controllers with the real uid: both count).
   */
  private String describeNode(Node node, Instant now) {
    String name = node.getMetadata().getName();
    List<Pod> pods = new ArrayList<>();
    for (HasMetadata h : cluster().list(ResourceKind.POD, null, Selector.EVERYTHING, FieldSelector.EVERYTHING)) {
      Pod p = (Pod) h;
      String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
      if (p.getSpec() != null && name.equals(p.getSpec().getNodeName()) && !"Succeeded".equals(phase)
          && !"Failed".equals(phase)) {
        pods.add(p);
      }
    }
    pods.sort(Comparator.comparing((Pod p) -> p.getMetadata().getNamespace()).thenComparing(p -> p.getMetadata().getName()));
    List<Event> events = new ArrayList<>();
    if (showEvents) {
      try {
        for (HasMetadata h : cluster().list(ResourceKind.EVENT, null, Selector.EVERYTHING, FieldSelector.EVERYTHING)) {
          if (h instanceof Event e && e.getInvolvedObject() != null && "Node".equals(e.getInvolvedObject().getKind())
              && name.equals(e.getInvolvedObject().getName())) {
            String uid = e.getInvolvedObject().getUid();
            if (uid == null || uid.isEmpty() || uid.equals(name) || uid.equals(node.getMetadata().getUid())) events.add(e);
          }
        }
      } catch (ClusterException e) {
        events = List.of();
      }
    }
    // The port serves no coordination.k8s.io leases, so the lease block reports it as kubectl does a failed get.
    String leaseError = "leases.coordination.k8s.io \"" + name + "\" not found";
    return NodeDescriber.describe(node, null, leaseError, pods, events, now);
  }

  private List<Event> events(HasMetadata o, String ns) {
    Map<String, List<Event>> byObject = eventsByNamespace.computeIfAbsent(String.valueOf(ns), k -> eventsByObject(ns));
    return DescribeWriter.about(o, byObject.getOrDefault(o.getKind() + "/" + o.getMetadata().getName(), List.of()));
  }

  /**
   * A namespace's events by the kind and name they are about. kubectl asks the server once per
   * object; listing once per command keeps {@code describe pods} linear when there are thousands.
   */
  private Map<String, List<Event>> eventsByObject(String ns) {
    Map<String, List<Event>> byObject = new HashMap<>();
    try {
      for (HasMetadata h : cluster().list(ResourceKind.EVENT, ns, Selector.EVERYTHING, FieldSelector.EVERYTHING)) {
        if (h instanceof Event e && e.getInvolvedObject() != null) {
          byObject.computeIfAbsent(e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName(),
              k -> new ArrayList<>()).add(e);
        }
      }
    } catch (ClusterException e) {
      return Map.of();
    }
    return byObject;
  }

  private static boolean ownedBy(HasMetadata child, HasMetadata owner) {
    var refs = child.getMetadata().getOwnerReferences();
    if (refs == null) return false;
    for (var r : refs) {
      if (!Boolean.TRUE.equals(r.getController())) continue;
      if (r.getUid() != null && owner.getMetadata().getUid() != null) {
        if (r.getUid().equals(owner.getMetadata().getUid())) return true;
      } else if (r.getKind().equals(owner.getKind()) && r.getName().equals(owner.getMetadata().getName())) {
        return true;
      }
    }
    return false;
  }
}
