package io.kubetutor.print;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code kubectl describe node} (v1.31 {@code describeNode} and {@code describeNodeResource}): roles,
 * taints, the node lease, conditions, capacity, system info, the non-terminated pods with their share
 * of the allocatable CPU and memory, and the allocated totals.
 */
public final class NodeDescriber {

  private static final String ROLE_PREFIX = "node-role.kubernetes.io/";
  private static final String ROLE_LABEL = "kubernetes.io/role";
  /** Go's zero time in RFC 1123 form, printed for a condition without a timestamp. */
  private static final String ZERO_TIME = "Mon, 01 Jan 0001 00:00:00 +0000";
  private static final Set<String> STANDARD = Set.of("cpu", "memory", "ephemeral-storage", "storage");

  private NodeDescriber() {}

  /**
   * @param lease the node's lease from {@code kube-node-lease}, or null when it could not be read
   * @param leaseError the message printed when {@code lease} is null
   * @param pods the node's non-terminated pods (phase neither Succeeded nor Failed)
   */
  public static String describe(Node node, Lease lease, String leaseError, List<Pod> pods, List<Event> events,
      Instant now) {
    DescribeWriter w = new DescribeWriter();
    var meta = node.getMetadata();
    NodeSpec spec = node.getSpec() == null ? new NodeSpec() : node.getSpec();
    NodeStatus st = node.getStatus() == null ? new NodeStatus() : node.getStatus();
    w.write(0, "Name:\t" + meta.getName() + "\n");
    List<String> roles = roles(meta.getLabels());
    w.write(0, "Roles:\t" + (roles.isEmpty() ? "<none>" : String.join(",", roles)) + "\n");
    w.labels("", "Labels", meta.getLabels());
    w.annotations("", "Annotations", meta.getAnnotations());
    w.write(0, "CreationTimestamp:\t" + time(meta.getCreationTimestamp()) + "\n");
    taints(w, spec.getTaints());
    w.write(0, "Unschedulable:\t" + Boolean.TRUE.equals(spec.getUnschedulable()) + "\n");
    if (lease != null) {
      var ls = lease.getSpec();
      w.write(0, "Lease:\n");
      w.write(1, "HolderIdentity:\t" + (ls == null || ls.getHolderIdentity() == null ? "<unset>" : ls.getHolderIdentity()) + "\n");
      w.write(1, "AcquireTime:\t" + (ls == null || ls.getAcquireTime() == null ? "<unset>" : time(ls.getAcquireTime().toInstant().toString())) + "\n");
      w.write(1, "RenewTime:\t" + (ls == null || ls.getRenewTime() == null ? "<unset>" : time(ls.getRenewTime().toInstant().toString())) + "\n");
    } else {
      w.write(0, "Lease:\tFailed to get lease: " + leaseError + "\n");
    }
    List<NodeCondition> conditions = st.getConditions() == null ? List.of() : st.getConditions();
    if (!conditions.isEmpty()) {
      w.write(0, "Conditions:\n");
      w.write(1, "Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
      w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
      for (NodeCondition c : conditions) {
        w.write(1, c.getType() + " \t" + c.getStatus() + " \t" + time(c.getLastHeartbeatTime()) + " \t"
            + time(c.getLastTransitionTime()) + " \t" + nz(c.getReason()) + " \t" + nz(c.getMessage()) + "\n");
      }
    }
    w.write(0, "Addresses:\n");
    if (st.getAddresses() != null) {
      for (NodeAddress a : st.getAddresses()) w.write(1, a.getType() + ":\t" + a.getAddress() + "\n");
    }
    if (st.getCapacity() != null && !st.getCapacity().isEmpty()) {
      w.write(0, "Capacity:\n");
      resourceList(w, st.getCapacity());
    }
    if (st.getAllocatable() != null && !st.getAllocatable().isEmpty()) {
      w.write(0, "Allocatable:\n");
      resourceList(w, st.getAllocatable());
    }
    NodeSystemInfo info = st.getNodeInfo() == null ? new NodeSystemInfo() : st.getNodeInfo();
    w.write(0, "System Info:\n");
    w.write(1, "Machine ID:\t" + nz(info.getMachineID()) + "\n");
    w.write(1, "System UUID:\t" + nz(info.getSystemUUID()) + "\n");
    w.write(1, "Boot ID:\t" + nz(info.getBootID()) + "\n");
    w.write(1, "Kernel Version:\t" + nz(info.getKernelVersion()) + "\n");
    w.write(1, "OS Image:\t" + nz(info.getOsImage()) + "\n");
    w.write(1, "Operating System:\t" + nz(info.getOperatingSystem()) + "\n");
    w.write(1, "Architecture:\t" + nz(info.getArchitecture()) + "\n");
    w.write(1, "Container Runtime Version:\t" + nz(info.getContainerRuntimeVersion()) + "\n");
    w.write(1, "Kubelet Version:\t" + nz(info.getKubeletVersion()) + "\n");
    w.write(1, "Kube-Proxy Version:\t" + nz(info.getKubeProxyVersion()) + "\n");
    if (notEmpty(spec.getPodCIDR())) w.write(0, "PodCIDR:\t" + spec.getPodCIDR() + "\n");
    if (spec.getPodCIDRs() != null && !spec.getPodCIDRs().isEmpty()) {
      w.write(0, "PodCIDRs:\t" + String.join(",", spec.getPodCIDRs()) + "\n");
    }
    if (notEmpty(spec.getProviderID())) w.write(0, "ProviderID:\t" + spec.getProviderID() + "\n");
    nodeResources(w, node, pods, now);
    w.events(events, now);
    return w.done();
  }

  /** Roles from {@code node-role.kubernetes.io/<role>} keys and {@code kubernetes.io/role=<role>}, sorted. */
  static List<String> roles(Map<String, String> labels) {
    Set<String> roles = new TreeSet<>();
    if (labels != null) labels.forEach((k, v) -> {
      if (k.startsWith(ROLE_PREFIX)) {
        String role = k.substring(ROLE_PREFIX.length());
        if (!role.isEmpty()) roles.add(role);
      } else if (k.equals(ROLE_LABEL) && v != null && !v.isEmpty()) {
        roles.add(v);
      }
    });
    return new ArrayList<>(roles);
  }

  private static void taints(DescribeWriter w, List<Taint> taints) {
    w.write(0, "Taints:\t");
    if (taints == null || taints.isEmpty()) {
      w.write(0, "<none>\n");
      return;
    }
    List<Taint> sorted = new ArrayList<>(taints);
    sorted.sort(Comparator.comparing(t -> nz(t.getEffect()) + "," + nz(t.getKey())));
    boolean first = true;
    for (Taint t : sorted) {
      if (!first) w.write(0, "\t");
      w.write(0, taintText(t) + "\n");
      first = false;
    }
  }

  /** {@code key=value:effect}, leaving out an empty value (and its {@code =}). */
  static String taintText(Taint t) {
    String key = nz(t.getKey());
    String value = nz(t.getValue());
    String effect = nz(t.getEffect());
    if (effect.isEmpty()) return value.isEmpty() ? key : key + "=" + value + ":";
    return value.isEmpty() ? key + ":" + effect : key + "=" + value + ":" + effect;
  }

  private static void resourceList(DescribeWriter w, Map<String, Quantity> list) {
    new TreeMap<>(list).forEach((name, q) -> w.write(1, name + ":\t" + Quantities.of(q) + "\n"));
  }

  private static void nodeResources(DescribeWriter w, Node node, List<Pod> pods, Instant now) {
    w.write(0, "Non-terminated Pods:\t(" + pods.size() + " in total)\n");
    w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
    w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
    Map<String, Quantity> allocatable = node.getStatus() == null ? null : node.getStatus().getAllocatable();
    if (allocatable == null || allocatable.isEmpty()) {
      allocatable = node.getStatus() == null || node.getStatus().getCapacity() == null ? Map.of()
          : node.getStatus().getCapacity();
    }
    long cpuMilli = Quantities.of(allocatable.get("cpu")).milli();
    long memory = Quantities.of(allocatable.get("memory")).whole();
    long ephemeral = Quantities.of(allocatable.get("ephemeral-storage")).whole();
    Map<String, Quantities.Amount> reqs = new TreeMap<>();
    Map<String, Quantities.Amount> limits = new TreeMap<>();
    for (Pod p : pods) {
      Map<String, Quantities.Amount> req = Quantities.podRequests(p);
      Map<String, Quantities.Amount> lim = Quantities.podLimits(p);
      Quantities.addAll(reqs, req);
      Quantities.addAll(limits, lim);
      var cpuReq = req.getOrDefault("cpu", Quantities.Amount.ZERO);
      var cpuLim = lim.getOrDefault("cpu", Quantities.Amount.ZERO);
      var memReq = req.getOrDefault("memory", Quantities.Amount.ZERO);
      var memLim = lim.getOrDefault("memory", Quantities.Amount.ZERO);
      w.write(1, p.getMetadata().getNamespace() + "\t" + p.getMetadata().getName() + "\t\t"
          + cpuReq + " (" + percent(cpuReq.milli(), cpuMilli) + "%)\t" + cpuLim + " (" + percent(cpuLim.milli(), cpuMilli)
          + "%)\t" + memReq + " (" + percent(memReq.whole(), memory) + "%)\t" + memLim + " ("
          + percent(memLim.whole(), memory) + "%)\t" + age(p.getMetadata().getCreationTimestamp(), now) + "\n");
    }
    w.write(0, "Allocated resources:\n");
    w.write(1, "(Total limits may be over 100 percent, i.e., overcommitted.)\n");
    w.write(1, "Resource\tRequests\tLimits\n");
    w.write(1, "--------\t--------\t------\n");
    total(w, "cpu", reqs, limits, true, cpuMilli);
    total(w, "memory", reqs, limits, false, memory);
    total(w, "ephemeral-storage", reqs, limits, false, ephemeral);
    List<String> hugePages = new ArrayList<>();
    List<String> extended = new ArrayList<>();
    for (String name : new TreeMap<>(allocatable).keySet()) {
      if (name.startsWith("hugepages-")) hugePages.add(name);
      else if (!STANDARD.contains(name) && !name.equals("pods") && !name.startsWith("requests.")
          && !name.startsWith("limits.")) extended.add(name);
    }
    for (String name : hugePages) {
      total(w, name, reqs, limits, false, Quantities.of(allocatable.get(name)).whole());
    }
    for (String name : extended) {
      w.write(1, name + "\t" + reqs.getOrDefault(name, Quantities.Amount.ZERO) + "\t"
          + limits.getOrDefault(name, Quantities.Amount.ZERO) + "\n");
    }
  }

  private static void total(DescribeWriter w, String name, Map<String, Quantities.Amount> reqs,
      Map<String, Quantities.Amount> limits, boolean milli, long allocatable) {
    var r = reqs.getOrDefault(name, Quantities.Amount.ZERO);
    var l = limits.getOrDefault(name, Quantities.Amount.ZERO);
    long rv = milli ? r.milli() : r.whole();
    long lv = milli ? l.milli() : l.whole();
    w.write(1, name + "\t" + r + " (" + percent(rv, allocatable) + "%)\t" + l + " (" + percent(lv, allocatable) + "%)\n");
  }

  /** Truncated percentage; zero when nothing is allocatable (the totals guard against dividing by zero). */
  private static long percent(long part, long whole) {
    if (whole == 0) return 0;
    return (long) ((double) part / (double) whole * 100);
  }

  private static String age(String created, Instant now) {
    return created == null || created.isEmpty() ? "<unknown>" : Durations.since(created, now);
  }

  private static String time(String rfc3339) {
    return rfc3339 == null || rfc3339.isEmpty() ? ZERO_TIME : DescribeWriter.time(rfc3339);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }
}
