package io.kubetutor.print;

import static io.kubetutor.print.Fixtures.NOW;
import static io.kubetutor.print.Fixtures.ago;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden describe output (reference §9), spacing included. */
class DescribersTest {

  static Pod runningPod() {
    return new PodBuilder().withNewMetadata().withName("hello-7c5ddbdf54-2xkqn").withNamespace("default")
        .withCreationTimestamp(ago(305)).addToLabels("app", "hello").addToLabels("pod-template-hash", "7c5ddbdf54")
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName("hello-7c5ddbdf54")
        .withController(true).withUid("u1").endOwnerReference().endMetadata()
        .withNewSpec().withPriority(0).withServiceAccountName("default").withNodeName("node1")
        .addNewContainer().withName("hello").withImage("nginx:1.27").addNewPort().withContainerPort(80).withProtocol("TCP")
        .endPort().addNewVolumeMount().withName("kube-api-access-x2jsr").withMountPath("/var/run/secrets/kubernetes.io/serviceaccount")
        .withReadOnly(true).endVolumeMount().endContainer()
        .addNewVolume().withName("kube-api-access-x2jsr").withNewProjected()
        .addNewSource().withNewServiceAccountToken().withExpirationSeconds(3607L).withPath("token").endServiceAccountToken().endSource()
        .addNewSource().withNewConfigMap().withName("kube-root-ca.crt").endConfigMap().endSource()
        .addNewSource().withNewDownwardAPI().endDownwardAPI().endSource().endProjected().endVolume()
        .addNewToleration().withKey("node.kubernetes.io/not-ready").withOperator("Exists").withEffect("NoExecute")
        .withTolerationSeconds(300L).endToleration()
        .addNewToleration().withKey("node.kubernetes.io/unreachable").withOperator("Exists").withEffect("NoExecute")
        .withTolerationSeconds(300L).endToleration().endSpec()
        .withNewStatus().withPhase("Running").withHostIP("172.18.0.2").withPodIP("10.244.0.5").addNewPodIP().withIp("10.244.0.5")
        .endPodIP().withStartTime(ago(305)).withQosClass("BestEffort")
        .addNewCondition().withType("PodReadyToStartContainers").withStatus("True").endCondition()
        .addNewCondition().withType("Initialized").withStatus("True").endCondition()
        .addNewCondition().withType("Ready").withStatus("True").endCondition()
        .addNewCondition().withType("ContainersReady").withStatus("True").endCondition()
        .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
        .addNewContainerStatus().withName("hello").withContainerID("containerd://abc").withImage("nginx:1.27")
        .withImageID("docker.io/library/nginx@sha256:123").withReady(true).withRestartCount(0)
        .withNewState().withNewRunning().withStartedAt(ago(300)).endRunning().endState().endContainerStatus()
        .endStatus().build();
  }

  static Event event(String kind, String name, String reason, String from, String message, long firstAgo, long lastAgo,
      int count) {
    return new EventBuilder().withNewMetadata().withName(name + "." + reason).withNamespace("default").endMetadata()
        .withType("Normal").withReason(reason).withMessage(message).withNewSource().withComponent(from).endSource()
        .withNewInvolvedObject().withKind(kind).withName(name).endInvolvedObject()
        .withFirstTimestamp(ago(firstAgo)).withLastTimestamp(ago(lastAgo)).withCount(count).build();
  }

  @Test
  void pod() {
    List<Event> events = List.of(
        event("Pod", "hello-7c5ddbdf54-2xkqn", "Pulled", "kubelet", "Container image \"nginx:1.27\" already present on machine",
            301, 301, 1),
        event("Pod", "hello-7c5ddbdf54-2xkqn", "Scheduled", "default-scheduler",
            "Successfully assigned default/hello-7c5ddbdf54-2xkqn to node1", 305, 305, 1),
        event("Pod", "hello-7c5ddbdf54-2xkqn", "Pulling", "kubelet", "Pulling image \"nginx:1.27\"", 96, 41, 4));
    assertThat(Describers.pod(runningPod(), events, NOW)).isEqualTo("""
        Name:             hello-7c5ddbdf54-2xkqn
        Namespace:        default
        Priority:         0
        Service Account:  default
        Node:             node1/172.18.0.2
        Start Time:       Mon, 05 Jan 2026 09:54:55 +0000
        Labels:           app=hello
                          pod-template-hash=7c5ddbdf54
        Annotations:      <none>
        Status:           Running
        IP:               10.244.0.5
        IPs:
          IP:           10.244.0.5
        Controlled By:  ReplicaSet/hello-7c5ddbdf54
        Containers:
          hello:
            Container ID:   containerd://abc
            Image:          nginx:1.27
            Image ID:       docker.io/library/nginx@sha256:123
            Port:           80/TCP
            Host Port:      0/TCP
            State:          Running
              Started:      Mon, 05 Jan 2026 09:55:00 +0000
            Ready:          True
            Restart Count:  0
            Environment:    <none>
            Mounts:
              /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x2jsr (ro)
        Conditions:
          Type                        Status
          PodReadyToStartContainers   True \n\
          Initialized                 True \n\
          Ready                       True \n\
          ContainersReady             True \n\
          PodScheduled                True \n\
        Volumes:
          kube-api-access-x2jsr:
            Type:                    Projected (a volume that contains injected data from multiple sources)
            TokenExpirationSeconds:  3607
            ConfigMapName:           kube-root-ca.crt
            ConfigMapOptional:       <nil>
            DownwardAPI:             true
        QoS Class:                   BestEffort
        Node-Selectors:              <none>
        Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                     node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
        Events:
          Type    Reason     Age                From               Message
          ----    ------     ----               ----               -------
          Normal  Scheduled  5m5s               default-scheduler  Successfully assigned default/hello-7c5ddbdf54-2xkqn to node1
          Normal  Pulled     5m1s               kubelet            Container image "nginx:1.27" already present on machine
          Normal  Pulling    41s (x4 over 96s)  kubelet            Pulling image "nginx:1.27"
        """);
  }

  @Test
  void podWithoutEventsOrNode() {
    Pod pending = new PodBuilder().withNewMetadata().withName("p").withNamespace("default").endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("busybox").withCommand("sh", "-c", "sleep 3600")
        .endContainer().endSpec().withNewStatus().withPhase("Pending").endStatus().build();
    assertThat(Describers.pod(pending, List.of(), NOW)).isEqualTo("""
        Name:         p
        Namespace:    default
        Node:         <none>
        Labels:       <none>
        Annotations:  <none>
        Status:       Pending
        IP:           \n\
        IPs:          <none>
        Containers:
          c:
            Image:      busybox
            Port:       <none>
            Host Port:  <none>
            Command:
              sh
              -c
              sleep 3600
            Environment:  <none>
            Mounts:       <none>
        Volumes:          <none>
        QoS Class:        BestEffort
        Node-Selectors:   <none>
        Tolerations:      <none>
        Events:           <none>
        """);
  }

  static Deployment helloDeployment() {
    return new DeploymentBuilder().withNewMetadata().withName("hello").withNamespace("default").withUid("d1")
        .withCreationTimestamp("2023-11-30T10:56:25Z").addToLabels("app", "hello")
        .addToAnnotations("deployment.kubernetes.io/revision", "1")
        .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration", "{}").endMetadata()
        .withNewSpec().withReplicas(3).withNewSelector().addToMatchLabels("app", "hello").endSelector()
        .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate().withMaxSurge(new IntOrString("25%"))
        .withMaxUnavailable(new IntOrString("25%")).endRollingUpdate().endStrategy()
        .withNewTemplate().withNewMetadata().addToLabels("app", "hello").endMetadata().withNewSpec()
        .addNewContainer().withName("hello").withImage("nginx:1.25").addNewPort().withContainerPort(80).withProtocol("TCP")
        .endPort().endContainer().endSpec().endTemplate().endSpec()
        .withNewStatus().withReplicas(3).withUpdatedReplicas(3).withReadyReplicas(3).withAvailableReplicas(3)
        .addNewCondition().withType("Available").withStatus("True").withReason("MinimumReplicasAvailable").endCondition()
        .addNewCondition().withType("Progressing").withStatus("True").withReason("NewReplicaSetAvailable").endCondition()
        .endStatus().build();
  }

  @Test
  void deployment() {
    Deployment d = helloDeployment();
    ReplicaSet rs = new ReplicaSetBuilder().withNewMetadata().withName("hello-7c5ddbdf54").endMetadata()
        .withNewSpec().withReplicas(3).withTemplate(new io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder(
            d.getSpec().getTemplate()).editMetadata().addToLabels("pod-template-hash", "7c5ddbdf54").endMetadata().build())
        .endSpec().withNewStatus().withReplicas(3).endStatus().build();
    List<Event> events = List.of(event("Deployment", "hello", "ScalingReplicaSet", "deployment-controller",
        "Scaled up replica set hello-7c5ddbdf54 to 3", 18, 18, 1));
    assertThat(Describers.deployment(d, List.of(rs), events, NOW)).isEqualTo("""
        Name:                   hello
        Namespace:              default
        CreationTimestamp:      Thu, 30 Nov 2023 10:56:25 +0000
        Labels:                 app=hello
        Annotations:            deployment.kubernetes.io/revision: 1
        Selector:               app=hello
        Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
        StrategyType:           RollingUpdate
        MinReadySeconds:        0
        RollingUpdateStrategy:  25% max unavailable, 25% max surge
        Pod Template:
          Labels:  app=hello
          Containers:
           hello:
            Image:         nginx:1.25
            Port:          80/TCP
            Host Port:     0/TCP
            Environment:   <none>
            Mounts:        <none>
          Volumes:         <none>
          Node-Selectors:  <none>
          Tolerations:     <none>
        Conditions:
          Type           Status  Reason
          ----           ------  ------
          Available      True    MinimumReplicasAvailable
          Progressing    True    NewReplicaSetAvailable
        OldReplicaSets:  <none>
        NewReplicaSet:   hello-7c5ddbdf54 (3/3 replicas created)
        Events:
          Type    Reason             Age   From                   Message
          ----    ------             ----  ----                   -------
          Normal  ScalingReplicaSet  18s   deployment-controller  Scaled up replica set hello-7c5ddbdf54 to 3
        """);
  }
}
