package io.kubetutor.sim.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubetutor.cluster.Objects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The create path's field-by-field copy must equal the builder copy and share nothing mutable. */
class DeepCopyTest {

  private static Pod richPod() {
    return new PodBuilder().withNewMetadata().withName("p").withNamespace("default").withLabels(Map.of("app", "web"))
        .withAnnotations(Map.of("a", "b")).addNewOwnerReference().withName("rs").withUid("u").withController(true)
        .endOwnerReference().endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("nginx:1.27").withCommand("sh", "-c", "echo hi")
          .addNewPort().withContainerPort(80).endPort()
          .addNewEnv().withName("X").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name").endFieldRef()
          .endValueFrom().endEnv()
          .withNewResources().addToRequests("cpu", new Quantity("100m")).addToLimits("memory", new Quantity("64Mi"))
          .endResources()
          .withNewReadinessProbe().withNewHttpGet().withPort(new IntOrString(8080)).withPath("/").endHttpGet()
          .endReadinessProbe()
        .endContainer()
        .addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("claim").endPersistentVolumeClaim()
        .endVolume()
        .withNodeSelector(Map.of("disk", "ssd")).endSpec()
        .build();
  }

  @Test
  void equalsTheBuilderCopyAndSharesNoMutablePart() {
    Pod original = richPod();
    Pod copy = DeepCopy.of(original);
    assertThat(copy).isEqualTo(Objects.copy(original)).isNotSameAs(original);
    assertThat(Objects.toJson(copy)).isEqualTo(Objects.toJson(original));
    copy.getMetadata().getLabels().put("changed", "yes");
    copy.getSpec().getContainers().get(0).getPorts().get(0).setContainerPort(81);
    copy.getSpec().getContainers().get(0).getResources().getRequests().put("memory", new Quantity("1Gi"));
    copy.getSpec().getVolumes().get(0).getPersistentVolumeClaim().setClaimName("other");
    assertThat(original).isEqualTo(richPod());
  }

  @Test
  void copiesTheCourseManifestsExactly() throws Exception {
    for (String f : new String[] {"deployment-basic.yml", "pod-basic.yml", "pod-label.yml"}) {
      Path path = Path.of("bench/course", f);
      HasMetadata o = f.startsWith("deployment")
          ? Objects.YAML.readValue(Files.readString(path), Deployment.class)
          : Objects.YAML.readValue(Files.readString(path), Pod.class);
      HasMetadata copy = DeepCopy.of(o);
      assertThat(copy).as(f).isEqualTo(o).isNotSameAs(o);
      assertThat(Objects.toYaml(copy)).as(f).isEqualTo(Objects.toYaml(o));
    }
  }
}
