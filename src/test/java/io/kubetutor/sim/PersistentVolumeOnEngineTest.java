package io.kubetutor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.LogOptions;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersistentVolumeOnEngineTest {

  private static PersistentVolumeClaim claim(String name, String storageClass) {
    return new PersistentVolumeClaimBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName(storageClass)
        .withNewResources().withRequests(Map.of("storage", new Quantity("1Gi"))).endResources().endSpec().build();
  }

  @Test
  void claimOfTheDefaultClassIsProvisionedAndBoundAndItsDataOutlivesPods() throws Exception {
    try (SimCluster sim = new SimCluster(SimOptions.virtual(1))) {
      sim.create(claim("data", null), Cluster.DryRun.NONE);
      sim.advance(Duration.ofSeconds(1));
      PersistentVolumeClaim pvc = (PersistentVolumeClaim) sim.get(ResourceKind.PERSISTENTVOLUMECLAIM, "default", "data");
      assertThat(pvc.getStatus().getPhase()).isEqualTo("Bound");
      assertThat(pvc.getSpec().getVolumeName()).isEqualTo("pvc-" + pvc.getMetadata().getUid());
      assertThat(pvc.getSpec().getStorageClassName()).isEqualTo("standard");
      assertThat(pvc.getStatus().getCapacity().get("storage")).isEqualTo(new Quantity("1Gi"));
      PersistentVolume pv = (PersistentVolume) sim.get(ResourceKind.PERSISTENTVOLUME, null, pvc.getSpec().getVolumeName());
      assertThat(pv.getStatus().getPhase()).isEqualTo("Bound");
      assertThat(pv.getSpec().getClaimRef().getName()).isEqualTo("data");

      for (String name : List.of("writer1", "writer2")) {
        sim.create(new PodBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
            .withNewSpec().withNodeName(Bootstrap.WORKERS.get(0)).withRestartPolicy("Never")
            .addNewContainer().withName("c").withImage("ubuntu:22.04")
            .withCommand("sh", "-c", "echo " + name + " >> /data/out.txt && cat /data/out.txt")
            .addNewVolumeMount().withName("vol").withMountPath("/data").endVolumeMount().endContainer()
            .addNewVolume().withName("vol").withNewPersistentVolumeClaim().withClaimName("data").endPersistentVolumeClaim().endVolume()
            .endSpec().build(), Cluster.DryRun.NONE);
        sim.advance(Duration.ofSeconds(30));
      }
      assertThat(sim.logs("default", "writer2", LogOptions.DEFAULT)).isEqualTo("writer1\nwriter2\n");

      // Reclaim policy Delete: the claim goes with its volume, and a new claim of the same name starts empty.
      for (String name : List.of("writer1", "writer2")) {
        sim.delete(ResourceKind.POD, "default", name, io.kubetutor.cluster.DeleteOptions.DEFAULT);
      }
      sim.delete(ResourceKind.PERSISTENTVOLUMECLAIM, "default", "data", io.kubetutor.cluster.DeleteOptions.DEFAULT);
      sim.advance(Duration.ofSeconds(60));
      assertThat(sim.list(ResourceKind.PERSISTENTVOLUME, null, null, null)).isEmpty();
      io.kubetutor.sim.controllers.Kubelet kubelet = sim.engine().controllers().stream()
          .filter(io.kubetutor.sim.controllers.Kubelet.class::isInstance)
          .map(io.kubetutor.sim.controllers.Kubelet.class::cast).findFirst().orElseThrow();
      assertThat(kubelet.volumeFiles()).isEmpty();  // the deleted volume's files are gone, not kept for a save
      sim.create(claim("data", null), Cluster.DryRun.NONE);
      sim.advance(Duration.ofSeconds(1));
      sim.create(new PodBuilder().withNewMetadata().withName("writer3").withNamespace("default").endMetadata()
          .withNewSpec().withNodeName(Bootstrap.WORKERS.get(0)).withRestartPolicy("Never")
          .addNewContainer().withName("c").withImage("ubuntu:22.04")
          .withCommand("sh", "-c", "echo writer3 >> /data/out.txt && cat /data/out.txt")
          .addNewVolumeMount().withName("vol").withMountPath("/data").endVolumeMount().endContainer()
          .addNewVolume().withName("vol").withNewPersistentVolumeClaim().withClaimName("data").endPersistentVolumeClaim().endVolume()
          .endSpec().build(), Cluster.DryRun.NONE);
      sim.advance(Duration.ofSeconds(30));
      assertThat(sim.logs("default", "writer3", LogOptions.DEFAULT)).isEqualTo("writer3\n");
    }
  }

  @Test
  void unknownStorageClassStaysPendingWithTheRealEvent() throws Exception {
    try (SimCluster sim = new SimCluster(SimOptions.virtual(1))) {
      sim.create(claim("fast", "nosuch"), Cluster.DryRun.NONE);
      sim.advance(Duration.ofSeconds(5));
      PersistentVolumeClaim pvc = (PersistentVolumeClaim) sim.get(ResourceKind.PERSISTENTVOLUMECLAIM, "default", "fast");
      assertThat(pvc.getStatus().getPhase()).isEqualTo("Pending");
      assertThat(pvc.getSpec().getVolumeName()).isNull();
      List<HasMetadata> events = sim.list(ResourceKind.EVENT, "default", Selector.EVERYTHING, null);
      assertThat(events).map(e -> ((Event) e).getReason() + ": " + ((Event) e).getMessage())
          .contains("ProvisioningFailed: storageclass.storage.k8s.io \"nosuch\" not found");
    }
  }
}
