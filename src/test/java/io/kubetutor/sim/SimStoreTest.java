package io.kubetutor.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kubetutor.cluster.Cluster.DryRun;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimStoreTest {

  private final SimCluster sim = new SimCluster(SimOptions.virtual(1));

  static Pod pod(String name, String image) {
    return new PodBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage(image).endContainer().endSpec().build();
  }

  static Deployment deployment(String name, Map<String, String> selector, Map<String, String> labels, int replicas) {
    return new DeploymentBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(selector).endSelector()
          .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
            .withNewSpec().addNewContainer().withName("app").withImage("nginx:1.27").endContainer().endSpec()
          .endTemplate()
        .endSpec().build();
  }

  private static String kubectlError(Runnable r) {
    try {
      r.run();
    } catch (ClusterException e) {
      return e.toKubectlMessage();
    }
    throw new AssertionError("no error");
  }

  @Test
  void startsWithSystemNamespacesNodesAndTheKubernetesService() {
    assertThat(sim.list(ResourceKind.NAMESPACE, null, Selector.EVERYTHING, FieldSelector.EVERYTHING))
        .extracting(o -> o.getMetadata().getName())
        .containsExactly("default", "kube-node-lease", "kube-public", "kube-system");
    assertThat(sim.list(ResourceKind.NODE, null, Selector.EVERYTHING, FieldSelector.EVERYTHING))
        .extracting(o -> o.getMetadata().getName())
        .containsExactly("kubetutor-control-plane", "kubetutor-worker", "kubetutor-worker2", "kubetutor-worker3");
    Service k = (Service) sim.get(ResourceKind.SERVICE, "default", "kubernetes");
    assertThat(k.getSpec().getClusterIP()).isEqualTo("10.96.0.1");
    assertThat(k.getSpec().getPorts().get(0).getTargetPort().getIntVal()).isEqualTo(6443);
  }

  @Test
  void createSetsMetadataAndDefaults() {
    Pod p = (Pod) sim.create(pod("web", "nginx"), DryRun.NONE);
    assertThat(p.getMetadata().getUid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(p.getMetadata().getCreationTimestamp()).isEqualTo("2026-01-05T09:00:00Z");
    assertThat(p.getMetadata().getNamespace()).isEqualTo("default");
    assertThat(p.getSpec().getContainers().get(0).getImagePullPolicy()).isEqualTo("Always");
    assertThat(p.getSpec().getRestartPolicy()).isEqualTo("Always");
    assertThat(p.getSpec().getTerminationGracePeriodSeconds()).isEqualTo(30L);
    assertThat(p.getSpec().getServiceAccountName()).isEqualTo("default");
    assertThat(p.getSpec().getTolerations()).hasSize(2);
    assertThat(p.getSpec().getVolumes().get(0).getName()).matches("kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(p.getSpec().getContainers().get(0).getVolumeMounts().get(0).getMountPath())
        .isEqualTo("/var/run/secrets/kubernetes.io/serviceaccount");
    assertThat(p.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(p.getStatus().getQosClass()).isEqualTo("BestEffort");
    Pod tagged = (Pod) sim.create(pod("tagged", "nginx:1.27"), DryRun.NONE);
    assertThat(tagged.getSpec().getContainers().get(0).getImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(Long.parseLong(tagged.getMetadata().getResourceVersion()))
        .isGreaterThan(Long.parseLong(p.getMetadata().getResourceVersion()));
  }

  @Test
  void generateNameUsesTheApiserverAlphabet() {
    Pod p = pod(null, "nginx");
    p.getMetadata().setGenerateName("web-");
    HasMetadata created = sim.create(p, DryRun.NONE);
    assertThat(created.getMetadata().getName()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}");
  }

  @Test
  void duplicatesMissingNamespacesAndMissingObjectsAreRefusedWithTheRealMessages() {
    sim.create(pod("web", "nginx"), DryRun.NONE);
    assertThat(kubectlError(() -> sim.create(pod("web", "nginx"), DryRun.NONE)))
        .isEqualTo("Error from server (AlreadyExists): pods \"web\" already exists");
    Pod elsewhere = pod("web", "nginx");
    elsewhere.getMetadata().setNamespace("nope");
    assertThat(kubectlError(() -> sim.create(elsewhere, DryRun.NONE)))
        .isEqualTo("Error from server (NotFound): namespaces \"nope\" not found");
    assertThat(kubectlError(() -> sim.get(ResourceKind.DEPLOYMENT, "default", "x")))
        .isEqualTo("Error from server (NotFound): deployments.apps \"x\" not found");
  }

  @Test
  void staleResourceVersionIsAConflict() {
    sim.create(pod("web", "nginx"), DryRun.NONE);
    Pod p = (Pod) sim.get(ResourceKind.POD, "default", "web");
    Pod first = Objects.copy(p);
    first.getMetadata().setLabels(Map.of("a", "1"));
    sim.update(first, DryRun.NONE);
    Pod stale = Objects.copy(p);
    stale.getMetadata().setLabels(Map.of("a", "2"));
    assertThat(kubectlError(() -> sim.update(stale, DryRun.NONE))).isEqualTo(
        "Error from server (Conflict): Operation cannot be fulfilled on pods \"web\": the object has been modified; "
            + "please apply your changes to the latest version and try again");
  }

  @Test
  void validationMessagesAreVerbatim() {
    assertThat(kubectlError(() -> sim.create(deployment("hello", Map.of("app", "x"), Map.of("app", "web"), 1),
        DryRun.NONE))).isEqualTo("The Deployment \"hello\" is invalid: spec.template.metadata.labels: Invalid value: "
        + "map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`");
    assertThat(kubectlError(() -> sim.create(deployment("hello", Map.of("app", "web"), Map.of("app", "web"), -1),
        DryRun.NONE))).isEqualTo("The Deployment \"hello\" is invalid: spec.replicas: Invalid value: -1: must be "
        + "greater than or equal to 0");
    assertThat(kubectlError(() -> sim.create(pod("Bad_Name", "nginx"), DryRun.NONE))).isEqualTo(
        "The Pod \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain "
            + "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an "
            + "alphanumeric character (e.g. 'example.com', regex used for validation is "
            + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    assertThat(kubectlError(() -> sim.create(pod("web", ""), DryRun.NONE)))
        .isEqualTo("The Pod \"web\" is invalid: spec.containers[0].image: Required value");
    Service svc = new ServiceBuilder().withNewMetadata().withName("1svc").endMetadata().withNewSpec()
        .addNewPort().withPort(80).endPort().endSpec().build();
    assertThat(kubectlError(() -> sim.create(svc, DryRun.NONE))).startsWith(
        "The Service \"1svc\" is invalid: metadata.name: Invalid value: \"1svc\": a DNS-1035 label must consist");
  }

  @Test
  void selectorIsImmutable() {
    sim.create(deployment("hello", Map.of("app", "web"), Map.of("app", "web"), 1), DryRun.NONE);
    Deployment d = (Deployment) sim.get(ResourceKind.DEPLOYMENT, "default", "hello");
    Deployment changed = Objects.copy(d);
    changed.getSpec().getSelector().setMatchLabels(Map.of("app", "other"));
    changed.getSpec().getTemplate().getMetadata().setLabels(Map.of("app", "other"));
    assertThat(kubectlError(() -> sim.update(changed, DryRun.NONE))).isEqualTo(
        "The Deployment \"hello\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
            + "map[string]string{\"app\":\"other\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: "
            + "field is immutable");
  }

  @Test
  void generationMovesOnSpecChangesOnly() {
    Deployment d = (Deployment) sim.create(deployment("hello", Map.of("app", "web"), Map.of("app", "web"), 1),
        DryRun.NONE);
    assertThat(d.getMetadata().getGeneration()).isEqualTo(1L);
    Deployment labelled = Objects.copy((Deployment) sim.get(ResourceKind.DEPLOYMENT, "default", "hello"));
    labelled.getMetadata().setLabels(Map.of("team", "a"));
    Deployment after = (Deployment) sim.update(labelled, DryRun.NONE);
    assertThat(after.getMetadata().getGeneration()).isEqualTo(1L);
    Deployment scaled = Objects.copy((Deployment) sim.get(ResourceKind.DEPLOYMENT, "default", "hello"));
    scaled.getSpec().setReplicas(3);
    assertThat(sim.update(scaled, DryRun.NONE).getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void serverDryRunValidatesButDoesNotStore() {
    sim.create(pod("web", "nginx"), DryRun.SERVER);
    assertThatThrownBy(() -> sim.get(ResourceKind.POD, "default", "web")).isInstanceOf(ClusterException.class);
  }

  @Test
  void anUnscheduledPodIsDeletedAtOnceAScheduledOneIsMarked() {
    Pod nowhere = pod("web", "nginx");
    nowhere.getSpec().setNodeSelector(Map.of("disk", "ssd"));
    sim.create(nowhere, DryRun.NONE);
    assertThat(((Pod) sim.get(ResourceKind.POD, "default", "web")).getSpec().getNodeName()).isNull();
    sim.delete(ResourceKind.POD, "default", "web", DeleteOptions.DEFAULT);
    assertThatThrownBy(() -> sim.get(ResourceKind.POD, "default", "web")).isInstanceOf(ClusterException.class);
    sim.create(pod("placed", "nginx"), DryRun.NONE);
    Pod marked = (Pod) sim.delete(ResourceKind.POD, "default", "placed", DeleteOptions.DEFAULT);
    assertThat(marked.getMetadata().getDeletionGracePeriodSeconds()).isEqualTo(30L);
    assertThat(sim.get(ResourceKind.POD, "default", "placed").getMetadata().getDeletionTimestamp()).isNotNull();
    sim.delete(ResourceKind.POD, "default", "placed", DeleteOptions.DEFAULT.withGracePeriod(0L));
    assertThatThrownBy(() -> sim.get(ResourceKind.POD, "default", "placed")).isInstanceOf(ClusterException.class);
  }

  @Test
  void unsupportedFieldSelectorIsABadRequest() {
    assertThat(kubectlError(() -> sim.list(ResourceKind.POD, "default", Selector.EVERYTHING,
        FieldSelector.parse("spec.foo=bar")))).isEqualTo("Error from server (BadRequest): Unable to find \"/v1, "
        + "Resource=pods\" that match label selector \"\", field selector \"spec.foo=bar\": field label not "
        + "supported: spec.foo");
  }
}
