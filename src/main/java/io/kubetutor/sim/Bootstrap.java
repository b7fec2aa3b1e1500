package io.kubetutor.sim;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.kubetutor.cluster.Objects;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fresh cluster holds before anyone types a command, as a kind cluster named
 * {@code kubetutor} has: the four system namespaces, one control-plane node and three workers,
 * and the {@code kubernetes} Service. ServiceAccounts and the root CA ConfigMap follow from the
 * namespaces through their controllers.
 */
public final class Bootstrap {

  private Bootstrap() {}

  public static final String CONTROL_PLANE = "kubetutor-control-plane";
  public static final List<String> WORKERS = List.of("kubetutor-worker", "kubetutor-worker2", "kubetutor-worker3");

  public static void populate(ControlPlane plane) {
    for (String ns : List.of("default", "kube-node-lease", "kube-public", "kube-system")) {
      plane.store().create(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build());
    }
    addNode(plane, CONTROL_PLANE, 0, true);
    plane.store().create(io.kubetutor.sim.controllers.PersistentVolumeBinder.defaultStorageClass());
    for (int i = 0; i < WORKERS.size(); i++) addNode(plane, WORKERS.get(i), i + 1, false);
    plane.store().create(new ServiceBuilder()
        .withNewMetadata().withName("kubernetes").withNamespace("default")
          .withLabels(Map.of("component", "apiserver", "provider", "kubernetes")).endMetadata()
        .withNewSpec().withType("ClusterIP").withClusterIP("10.96.0.1")
          .addNewPort().withName("https").withPort(443).withProtocol("TCP")
            .withNewTargetPort(6443).endPort()
        .endSpec().build());
  }

  /** A node as kind registers it; {@code index} picks its addresses and pod CIDR. */
  public static Node addNode(ControlPlane plane, String name, int index, boolean controlPlane) {
    Map<String, String> labels = new TreeMap<>();
    labels.put("beta.kubernetes.io/arch", "amd64");
    labels.put("beta.kubernetes.io/os", "linux");
    labels.put("kubernetes.io/arch", "amd64");
    labels.put("kubernetes.io/hostname", name);
    labels.put("kubernetes.io/os", "linux");
    if (controlPlane) labels.put("node-role.kubernetes.io/control-plane", "");
    NodeBuilder b = new NodeBuilder()
        .withNewMetadata().withName(name).withLabels(labels)
          .withAnnotations(Map.of("node.alpha.kubernetes.io/ttl", "0",
              "volumes.kubernetes.io/controller-managed-attach-detach", "true"))
        .endMetadata()
        .withNewSpec().withPodCIDR("10.244." + index + ".0/24").withPodCIDRs("10.244." + index + ".0/24")
          .withProviderID("kind://docker/kubetutor/" + name)
        .endSpec();
    if (controlPlane) {
      b.editSpec().addNewTaint().withKey("node-role.kubernetes.io/control-plane").withEffect("NoSchedule")
          .endTaint().endSpec();
    }
    Node created = (Node) plane.store().create(b.build());
    Node withStatus = Objects.copy(created);
    Map<String, Quantity> capacity = new TreeMap<>();
    capacity.put("cpu", new Quantity("4"));
    capacity.put("ephemeral-storage", new Quantity("102625208Ki"));
    capacity.put("hugepages-1Gi", new Quantity("0"));
    capacity.put("hugepages-2Mi", new Quantity("0"));
    capacity.put("memory", new Quantity("8148020Ki"));
    capacity.put("pods", new Quantity("110"));
    String now = ApiTime.format(plane.clock().now());
    withStatus.setStatus(new io.fabric8.kubernetes.api.model.NodeStatusBuilder()
        .withCapacity(capacity).withAllocatable(new TreeMap<>(capacity))
        .withConditions(readyConditions(now, true))
        .addNewAddress().withType("InternalIP").withAddress("172.18.0." + (index + 2)).endAddress()
        .addNewAddress().withType("Hostname").withAddress(name).endAddress()
        .withNewDaemonEndpoints().withNewKubeletEndpoint().withPort(10250).endKubeletEndpoint().endDaemonEndpoints()
        .withNewNodeInfo().withArchitecture("amd64").withBootID(uuidLike(plane)).withContainerRuntimeVersion("containerd://1.7.18")
          .withKernelVersion("6.8.0-45-generic").withKubeProxyVersion("v1.31.0").withKubeletVersion("v1.31.0")
          .withMachineID(uuidLike(plane).replace("-", "")).withOperatingSystem("linux")
          .withOsImage("Debian GNU/Linux 12 (bookworm)").withSystemUUID(uuidLike(plane))
        .endNodeInfo()
        .build());
    return (Node) plane.store().updateStatus(withStatus);
  }

  /** The four pressure conditions and Ready, as a healthy (or NotReady) kubelet posts them. */
  public static List<NodeCondition> readyConditions(String now, boolean ready) {
    String unknownMsg = "Kubelet stopped posting node status.";
    return List.of(
        cond("MemoryPressure", ready ? "False" : "Unknown", ready ? "KubeletHasSufficientMemory" : "NodeStatusUnknown",
            ready ? "kubelet has sufficient memory available" : unknownMsg, now),
        cond("DiskPressure", ready ? "False" : "Unknown", ready ? "KubeletHasNoDiskPressure" : "NodeStatusUnknown",
            ready ? "kubelet has no disk pressure" : unknownMsg, now),
        cond("PIDPressure", ready ? "False" : "Unknown", ready ? "KubeletHasSufficientPID" : "NodeStatusUnknown",
            ready ? "kubelet has sufficient PID available" : unknownMsg, now),
        cond("Ready", ready ? "True" : "Unknown", ready ? "KubeletReady" : "NodeStatusUnknown",
            ready ? "kubelet is posting ready status" : unknownMsg, now));
  }

  private static NodeCondition cond(String type, String status, String reason, String message, String now) {
    return new NodeConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastHeartbeatTime(now).withLastTransitionTime(now).build();
  }

  private static String uuidLike(ControlPlane plane) {
    return new java.util.UUID(plane.random().nextLong(), plane.random().nextLong()).toString();
  }
}
