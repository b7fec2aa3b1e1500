package io.kubetutor.kubectl.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.ResourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The apiserver's Go decoding where it differs from Jackson's: zero values and quantities. */
class GoValuesTest {

  private static final String FORMAT = "quantities must match the regular expression"
      + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  private static final String SUFFIX = "unable to parse quantity's suffix";

  private static ObjectNode json(String yaml) {
    return (ObjectNode) ManifestReader.parseDocument(yaml);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = '|', nullValues = "OK", value = {
      "100m|OK", "64Mi|OK", "1Gi|OK", "0|OK", "0.5|OK", "1.5Gi|OK", "1e3|OK", "1E-3|OK", "-1|OK", "+2k|OK",
      "12e6|OK", "1.|OK", "000|OK",
      "512MB|" + FORMAT, "1GB|" + FORMAT, "abc|" + FORMAT, "1.2.3|" + FORMAT, "1 Gi|" + FORMAT, "2KiB|" + FORMAT,
      "''|" + FORMAT,
      "250mm|" + SUFFIX, "1ki|" + SUFFIX, "3Mii|" + SUFFIX, "1e|" + SUFFIX, "5iM|" + SUFFIX})
  void quantitiesParseAsResourceParseQuantityDoes(String text, String error) {
    assertThat(GoValues.quantityError(text)).isEqualTo(error);
  }

  @Test
  void aBadQuantityAnywhereIsTheServersDecodeError() {
    ObjectNode pod = json("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n"
        + "    image: nginx\n    resources: {requests: {cpu: 100m}, limits: {memory: 1GB}}\n");
    assertThatThrownBy(() -> StrictDecoder.decodeTypes(ResourceKind.POD, pod))
        .isInstanceOf(ClusterException.class)
        .extracting(e -> ((ClusterException) e).toKubectlMessage())
        .isEqualTo("Error from server (BadRequest): Pod in version \"v1\" cannot be handled as a Pod: " + FORMAT);
    ObjectNode claim = json("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec:\n"
        + "  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 5mi}}\n");
    assertThatThrownBy(() -> StrictDecoder.decodeTypes(ResourceKind.PERSISTENTVOLUMECLAIM, claim))
        .hasMessageEndingWith("cannot be handled as a PersistentVolumeClaim: " + SUFFIX);
  }

  @Test
  void nullStringsInListsAndMapsBecomeEmptyAndNullObjectsEmptyOnes() {
    Pod pod = (Pod) StrictDecoder.decodeTypes(ResourceKind.POD, json("apiVersion: v1\nkind: Pod\n"
        + "metadata: {name: p, labels: {a: null}}\nspec:\n  nodeSelector: {disk: null}\n  containers:\n"
        + "  - {name: c, image: nginx, command: [sh, null], args: [null]}\n  - null\n"));
    assertThat(pod.getMetadata().getLabels()).containsEntry("a", "");
    assertThat(pod.getSpec().getNodeSelector()).containsEntry("disk", "");
    assertThat(pod.getSpec().getContainers().get(0).getCommand()).containsExactly("sh", "");
    assertThat(pod.getSpec().getContainers().get(0).getArgs()).containsExactly("");
    assertThat(pod.getSpec().getContainers().get(1)).isNotNull();
    assertThat(pod.getSpec().getContainers().get(1).getName()).isNull();
  }

  @Test
  void aMissingSpecOrPodTemplateIsAnEmptyStructNotNull() {
    Pod bare = (Pod) StrictDecoder.decodeTypes(ResourceKind.POD, json("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"));
    assertThat(bare.getSpec()).isNotNull();
    assertThat(bare.getSpec().getContainers()).isEmpty();
    Deployment d = (Deployment) StrictDecoder.decodeTypes(ResourceKind.DEPLOYMENT,
        json("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 1}\n"));
    assertThat(d.getSpec().getTemplate()).isNotNull();
    assertThat(d.getSpec().getTemplate().getSpec()).isNotNull();
    assertThat(d.getSpec().getSelector()).as("a pointer in Go: stays nil").isNull();
  }
}
