package io.kubetutor.print;

import static io.kubetutor.print.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden {@code describe node} output and the resource arithmetic behind its tables. */
class NodeDescriberTest {

  private static Node node() {
    return new NodeBuilder().withNewMetadata().withName("kind-control-plane")
        .withCreationTimestamp("2026-01-01T08:00:00Z")
        .addToLabels("kubernetes.io/hostname", "kind-control-plane")
        .addToLabels("node-role.kubernetes.io/control-plane", "")
        .addToAnnotations("node.alpha.kubernetes.io/ttl", "0").endMetadata()
        .withNewSpec().withPodCIDR("10.244.0.0/24").withPodCIDRs("10.244.0.0/24")
        .withProviderID("kind://docker/kind/kind-control-plane")
        .withTaints(new TaintBuilder().withKey("node-role.kubernetes.io/control-plane").withEffect("NoSchedule").build())
        .endSpec()
        .withNewStatus()
        .addNewCondition().withType("MemoryPressure").withStatus("False").withLastHeartbeatTime("2026-01-05T09:59:00Z")
        .withLastTransitionTime("2026-01-01T08:00:00Z").withReason("KubeletHasSufficientMemory")
        .withMessage("kubelet has sufficient memory available").endCondition()
        .addNewCondition().withType("Ready").withStatus("True").withLastHeartbeatTime("2026-01-05T09:59:00Z")
        .withLastTransitionTime("2026-01-01T08:00:30Z").withReason("KubeletReady")
        .withMessage("kubelet is posting ready status").endCondition()
        .addNewAddress().withType("InternalIP").withAddress("172.18.0.2").endAddress()
        .addNewAddress().withType("Hostname").withAddress("kind-control-plane").endAddress()
        .withCapacity(Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi"), "pods", new Quantity("110"),
            "ephemeral-storage", new Quantity("100Gi")))
        .withAllocatable(Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi"), "pods", new Quantity("110"),
            "ephemeral-storage", new Quantity("100Gi")))
        .withNewNodeInfo().withMachineID("m1").withSystemUUID("u1").withBootID("b1").withKernelVersion("6.8.0")
        .withOsImage("Debian GNU/Linux 12 (bookworm)").withOperatingSystem("linux").withArchitecture("amd64")
        .withContainerRuntimeVersion("containerd://1.7.18").withKubeletVersion("v1.31.0")
        .withKubeProxyVersion("v1.31.0").endNodeInfo()
        .endStatus().build();
  }

  private static Pod pod(String ns, String name, String cpuReq, String cpuLim, String memReq, String memLim) {
    var c = new ContainerBuilder().withName("c").withImage("i").withNewResources();
    if (cpuReq != null) c.addToRequests("cpu", new Quantity(cpuReq));
    if (memReq != null) c.addToRequests("memory", new Quantity(memReq));
    if (cpuLim != null) c.addToLimits("cpu", new Quantity(cpuLim));
    if (memLim != null) c.addToLimits("memory", new Quantity(memLim));
    return new PodBuilder().withNewMetadata().withNamespace(ns).withName(name).withCreationTimestamp(Fixtures.ago(300))
        .endMetadata().withNewSpec().withNodeName("kind-control-plane").withContainers(c.endResources().build())
        .endSpec().withNewStatus().withPhase("Running").endStatus().build();
  }

  @Test
  void controlPlaneNode() {
    var lease = new LeaseBuilder().withNewSpec().withHolderIdentity("kind-control-plane")
        .withRenewTime(ZonedDateTime.parse("2026-01-05T09:59:55Z")).endSpec().build();
    List<Pod> pods = List.of(
        pod("default", "web", "250m", "500m", "64Mi", "128Mi"),
        pod("kube-system", "coredns-7db6d8ff4d-abcde", "100m", null, "70Mi", "170Mi"));
    String out = NodeDescriber.describe(node(), lease, null, pods, List.of(), NOW);
    assertThat(out).isEqualTo("""
        Name:               kind-control-plane
        Roles:              control-plane
        Labels:             kubernetes.io/hostname=kind-control-plane
                            node-role.kubernetes.io/control-plane=
        Annotations:        node.alpha.kubernetes.io/ttl: 0
        CreationTimestamp:  Thu, 01 Jan 2026 08:00:00 +0000
        Taints:             node-role.kubernetes.io/control-plane:NoSchedule
        Unschedulable:      false
        Lease:
          HolderIdentity:  kind-control-plane
          AcquireTime:     <unset>
          RenewTime:       Mon, 05 Jan 2026 09:59:55 +0000
        Conditions:
          Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
          ----             ------  -----------------                 ------------------                ------                       -------
          MemoryPressure   False   Mon, 05 Jan 2026 09:59:00 +0000   Thu, 01 Jan 2026 08:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
          Ready            True    Mon, 05 Jan 2026 09:59:00 +0000   Thu, 01 Jan 2026 08:00:30 +0000   KubeletReady                 kubelet is posting ready status
        Addresses:
          InternalIP:  172.18.0.2
          Hostname:    kind-control-plane
        Capacity:
          cpu:                4
          ephemeral-storage:  100Gi
          memory:             8Gi
          pods:               110
        Allocatable:
          cpu:                4
          ephemeral-storage:  100Gi
          memory:             8Gi
          pods:               110
        System Info:
          Machine ID:                 m1
          System UUID:                u1
          Boot ID:                    b1
          Kernel Version:             6.8.0
          OS Image:                   Debian GNU/Linux 12 (bookworm)
          Operating System:           linux
          Architecture:               amd64
          Container Runtime Version:  containerd://1.7.18
          Kubelet Version:            v1.31.0
          Kube-Proxy Version:         v1.31.0
        PodCIDR:                      10.244.0.0/24
        PodCIDRs:                     10.244.0.0/24
        ProviderID:                   kind://docker/kind/kind-control-plane
        Non-terminated Pods:          (2 in total)
          Namespace                   Name                        CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
          ---------                   ----                        ------------  ----------  ---------------  -------------  ---
          default                     web                         250m (6%)     500m (12%)  64Mi (0%)        128Mi (1%)     5m
          kube-system                 coredns-7db6d8ff4d-abcde    100m (2%)     0 (0%)      70Mi (0%)        170Mi (2%)     5m
        Allocated resources:
          (Total limits may be over 100 percent, i.e., overcommitted.)
          Resource           Requests    Limits
          --------           --------    ------
          cpu                350m (8%)   500m (12%)
          memory             134Mi (1%)  298Mi (3%)
          ephemeral-storage  0 (0%)      0 (0%)
        Events:              <none>
        """);
  }

  @Test
  void leaseFailureUntaintedWorkerAndNoPods() {
    Node n = new NodeBuilder().withNewMetadata().withName("w1").withCreationTimestamp("2026-01-01T08:00:00Z")
        .addToLabels("kubernetes.io/role", "worker").endMetadata().build();
    String out = NodeDescriber.describe(n, null, "leases.coordination.k8s.io \"w1\" not found", List.of(), List.of(), NOW);
    assertThat(out).startsWith("""
        Name:               w1
        Roles:              worker
        Labels:             kubernetes.io/role=worker
        Annotations:        <none>
        CreationTimestamp:  Thu, 01 Jan 2026 08:00:00 +0000
        Taints:             <none>
        Unschedulable:      false
        Lease:              Failed to get lease: leases.coordination.k8s.io "w1" not found
        Addresses:
        System Info:
        """);
    assertThat(out).contains("""
        Non-terminated Pods:          (0 in total)
        """);
  }

  @Test
  void taintsSortByEffectThenKeyAndPrintLikeKubectl() {
    assertThat(NodeDescriber.taintText(new TaintBuilder().withKey("k").withValue("v").withEffect("NoExecute").build()))
        .isEqualTo("k=v:NoExecute");
    assertThat(NodeDescriber.taintText(new TaintBuilder().withKey("k").withValue("v").build())).isEqualTo("k=v:");
    assertThat(NodeDescriber.taintText(new TaintBuilder().withKey("k").build())).isEqualTo("k");
    assertThat(NodeDescriber.roles(Map.of("node-role.kubernetes.io/worker", "", "node-role.kubernetes.io/", "x",
        "kubernetes.io/role", "infra"))).containsExactly("infra", "worker");
  }

  @Test
  void quantitiesPrintInGoCanonicalForm() {
    assertThat(Quantities.canonical(new BigDecimal("1.5"), false)).isEqualTo("1500m");
    assertThat(Quantities.canonical(new BigDecimal("2.000"), false)).isEqualTo("2");
    assertThat(Quantities.canonical(new BigDecimal("100000"), false)).isEqualTo("100k");
    assertThat(Quantities.canonical(new BigDecimal("1610612736"), true)).isEqualTo("1536Mi");
    assertThat(Quantities.canonical(new BigDecimal("512"), true)).isEqualTo("512");
    assertThat(Quantities.canonical(new BigDecimal("1000"), true)).isEqualTo("1k");
    assertThat(Quantities.canonical(BigDecimal.ZERO, true)).isEqualTo("0");
  }

  @Test
  void podRequestsTakeTheLargerOfInitContainersAndTheSumOfContainers() {
    var pod = new PodBuilder().withNewSpec()
        .addNewInitContainer().withName("init").withNewResources().addToRequests("cpu", new Quantity("1")).endResources()
        .endInitContainer()
        .addNewContainer().withName("a").withNewResources().addToRequests("cpu", new Quantity("300m")).endResources()
        .endContainer()
        .addNewContainer().withName("b").withNewResources().addToRequests("cpu", new Quantity("400m"))
        .addToRequests("memory", new Quantity("1Gi")).endResources().endContainer()
        .endSpec().build();
    var req = Quantities.podRequests(pod);
    assertThat(req.get("cpu")).hasToString("1");
    assertThat(req.get("memory")).hasToString("1Gi");
    var sidecar = new PodBuilder().withNewSpec()
        .addNewInitContainer().withName("log").withRestartPolicy("Always").withNewResources()
        .addToRequests("cpu", new Quantity("100m")).endResources().endInitContainer()
        .addNewContainer().withName("a").withNewResources().addToRequests("cpu", new Quantity("300m")).endResources()
        .endContainer().endSpec().build();
    assertThat(Quantities.podRequests(sidecar).get("cpu")).hasToString("400m");
  }
}
