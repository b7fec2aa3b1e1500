package io.kubetutor.sim.controllers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.ControlPlane;
import io.kubetutor.sim.ObjectKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps each selector Service's Endpoints object equal to its pods: ready pods' IPs in
 * {@code addresses}, running-but-unready ones in {@code notReadyAddresses}, ports resolved from
 * the Service's {@code targetPort} (numbers, or names looked up in each pod's container ports),
 * pods grouped into subsets by their resolved ports. Services without a selector are left alone,
 * as their Endpoints are the user's.
 */
public final class EndpointsController implements Reconciler {

  private final ControlPlane cp;

  public EndpointsController(ControlPlane cp) {
    this.cp = cp;
  }

  @Override public String name() { return "endpoint-controller"; }

  @Override
  public void onChange(WatchEvent event, Consumer<ObjectKey> enqueue) {
    if (event.object() instanceof Service s) {
      enqueue.accept(ObjectKey.of(s));
    } else if (event.object() instanceof Pod p) {
      for (Service s : cp.store().list(Service.class, p.getMetadata().getNamespace(), null)) {
        Map<String, String> sel = s.getSpec() == null ? null : s.getSpec().getSelector();
        if (sel != null && !sel.isEmpty() && Selector.of(sel).matches(p.getMetadata().getLabels())) {
          enqueue.accept(ObjectKey.of(s));
        }
      }
    }
  }

  @Override
  public void reconcile(ObjectKey key) {
    if (key.kind() != ResourceKind.SERVICE) return;
    Service svc = cp.store().get(Service.class, key.namespace(), key.name());
    Endpoints current = cp.store().get(Endpoints.class, key.namespace(), key.name());
    if (svc == null) {
      if (current != null) cp.store().delete(new ObjectKey(ResourceKind.ENDPOINTS, key.namespace(), key.name()),
          io.kubetutor.cluster.DeleteOptions.DEFAULT);
      return;
    }
    Map<String, String> selector = svc.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) return;

    // Pods with an IP, grouped by the ports the service resolves to on them.
    Map<List<EndpointPort>, List<Pod>[]> groups = new LinkedHashMap<>();
    for (Pod pod : cp.store().list(Pod.class, key.namespace(), Selector.of(selector))) {
      if (pod.getStatus() == null || pod.getStatus().getPodIP() == null || pod.getMetadata().getDeletionTimestamp() != null) continue;
      String phase = pod.getStatus().getPhase();
      if ("Succeeded".equals(phase) || "Failed".equals(phase)) continue;
      List<EndpointPort> ports = resolvePorts(svc, pod);
      if (ports == null) continue;
      @SuppressWarnings("unchecked")
      List<Pod>[] buckets = groups.computeIfAbsent(ports, k -> new List[] {new ArrayList<>(), new ArrayList<>()});
      buckets[ready(pod) ? 0 : 1].add(pod);
    }
    List<EndpointSubset> subsets = new ArrayList<>();
    for (var e : groups.entrySet()) {
      EndpointSubset s = new EndpointSubset();
      List<EndpointAddress> ready = addresses(e.getValue()[0]);
      List<EndpointAddress> notReady = addresses(e.getValue()[1]);
      if (!ready.isEmpty()) s.setAddresses(ready);
      if (!notReady.isEmpty()) s.setNotReadyAddresses(notReady);
      s.setPorts(e.getKey());
      subsets.add(s);
    }
    Endpoints desired = new EndpointsBuilder().withNewMetadata().withName(key.name()).withNamespace(key.namespace())
        .withLabels(svc.getMetadata().getLabels()).endMetadata()
        .withSubsets(subsets.isEmpty() ? null : subsets).build();
    if (current == null) {
      cp.store().create(desired);
      cp.trace(name(), "created endpoints " + key.namespace() + "/" + key.name() + " with " + count(subsets) + " address(es)");
    } else if (!java.util.Objects.equals(norm(current.getSubsets()), norm(desired.getSubsets()))
        || !java.util.Objects.equals(current.getMetadata().getLabels(), desired.getMetadata().getLabels())) {
      Endpoints copy = Objects.copy(current);
      copy.setSubsets(desired.getSubsets());
      copy.getMetadata().setLabels(desired.getMetadata().getLabels());
      cp.store().update(copy);
      cp.trace(name(), "updated endpoints " + key.namespace() + "/" + key.name() + " to " + count(subsets) + " address(es)");
    }
  }

  private static List<EndpointSubset> norm(List<EndpointSubset> s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static int count(List<EndpointSubset> subsets) {
    return subsets.stream().mapToInt(s -> s.getAddresses() == null ? 0 : s.getAddresses().size()).sum();
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static List<EndpointAddress> addresses(List<Pod> pods) {
    List<EndpointAddress> list = new ArrayList<>();
    for (Pod p : pods) {
      list.add(new EndpointAddressBuilder().withIp(p.getStatus().getPodIP()).withNodeName(p.getSpec().getNodeName())
          .withNewTargetRef().withKind("Pod").withName(p.getMetadata().getName()).withNamespace(p.getMetadata().getNamespace())
          .withUid(p.getMetadata().getUid()).endTargetRef().build());
    }
    list.sort(Comparator.comparing(a -> ipKey(a.getIp())));
    return list;
  }

  private static String ipKey(String ip) {
    StringBuilder b = new StringBuilder();
    for (String part : ip.split("\\.")) b.append(String.format("%03d", Integer.parseInt(part.replaceAll("\\D", "0"))));
    return b.toString();
  }

  /** The service ports as endpoint ports on {@code pod}; null when a named targetPort is missing on the pod. */
  private static List<EndpointPort> resolvePorts(Service svc, Pod pod) {
    List<EndpointPort> ports = new ArrayList<>();
    if (svc.getSpec().getPorts() == null) return ports;
    for (ServicePort sp : svc.getSpec().getPorts()) {
      Integer target;
      var tp = sp.getTargetPort();
      if (tp == null || (tp.getIntVal() == null && tp.getStrVal() == null)) {
        target = sp.getPort();
      } else if (tp.getIntVal() != null) {
        target = tp.getIntVal();
      } else {
        target = namedPort(pod, tp.getStrVal());
        if (target == null) return null;
      }
      ports.add(new EndpointPortBuilder().withName(sp.getName()).withPort(target)
          .withProtocol(sp.getProtocol() == null ? "TCP" : sp.getProtocol()).build());
    }
    return ports;
  }

  private static Integer namedPort(Pod pod, String name) {
    for (Container c : pod.getSpec().getContainers()) {
      if (c.getPorts() == null) continue;
      for (ContainerPort p : c.getPorts()) if (name.equals(p.getName())) return p.getContainerPort();
    }
    return null;
  }
}
