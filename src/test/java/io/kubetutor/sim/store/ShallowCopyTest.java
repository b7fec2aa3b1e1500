package io.kubetutor.sim.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShallowCopyTest {

  private static Pod pod() {
    return new PodBuilder().withNewMetadata().withName("web-1").withNamespace("default").withUid("u-1")
        .withResourceVersion("42").withGeneration(3L).addToLabels("app", "web").addToAnnotations("a", "b")
        .withDeletionGracePeriodSeconds(30L).endMetadata()
        .withNewSpec().withNodeName("node-1").withTerminationGracePeriodSeconds(30L).withHostNetwork(true)
        .withContainers(new ContainerBuilder().withName("c").withImage("nginx:1.27").build()).endSpec()
        .withNewStatus().withPhase("Running").withPodIP("10.244.0.7").endStatus().build();
  }

  /** Every instance field of the copy holds the very value of the original's (same reference, same primitive). */
  private static void assertSameFields(Object original, Object copy) throws IllegalAccessException {
    assertThat(copy).isNotSameAs(original).isInstanceOf(original.getClass());
    int checked = 0;
    for (Class<?> c = original.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) continue;
        f.setAccessible(true);
        Object a = f.get(original);
        Object b = f.get(copy);
        if (f.getType().isPrimitive()) assertThat(b).as(f.getName()).isEqualTo(a);
        else assertThat(b).as(f.getName()).isSameAs(a);
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void copiesEveryFieldOfTheHotModelClasses() throws Exception {
    Pod pod = pod();
    Deployment d = new DeploymentBuilder().withNewMetadata().withName("web").endMetadata()
        .withNewSpec().withReplicas(3).withPaused(true).endSpec().withNewStatus().withReplicas(2).endStatus().build();
    Event e = new EventBuilder().withNewMetadata().withName("e.1").endMetadata().withCount(4).withMessage("m").build();
    for (Object o : List.of(pod, pod.getMetadata(), pod.getSpec(), pod.getStatus(), d, d.getSpec(), d.getStatus(), e,
        e.getMetadata())) {
      assertSameFields(o, ShallowCopy.of(o));
      assertThat(ShallowCopy.of(o)).isEqualTo(ShallowCopy.reflective(o)).isEqualTo(o);
    }
  }

  @Test
  void aCopyIsOneLevelDeep() {
    Pod pod = pod();
    Pod copy = ShallowCopy.of(pod);
    ObjectMeta meta = ShallowCopy.of(copy.getMetadata());
    meta.setResourceVersion("43");
    copy.setMetadata(meta);
    PodStatus status = ShallowCopy.of(copy.getStatus());
    status.setPhase("Succeeded");
    copy.setStatus(status);
    // the original keeps its own values; the parts not replaced are shared
    assertThat(pod.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
    assertThat(copy.getSpec()).isSameAs(pod.getSpec());
    assertThat(meta.getLabels()).isSameAs(pod.getMetadata().getLabels());
    assertThat(copy.getMetadata().getResourceVersion()).isEqualTo("43");
    assertThat(copy.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(copy.getStatus().getPodIP()).isEqualTo("10.244.0.7");
  }

  @Test
  void nullCopiesToNull() {
    assertThat(ShallowCopy.<PodSpec>of(null)).isNull();
  }
}
