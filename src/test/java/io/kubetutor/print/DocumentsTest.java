package io.kubetutor.print;

import static io.kubetutor.print.Fixtures.deployment;
import static io.kubetutor.print.Fixtures.pod;
import static io.kubetutor.print.Fixtures.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/** yaml/json/name/jsonpath/custom-columns output of objects. */
class DocumentsTest {

  private static final HasMetadata CM = new ConfigMapBuilder().withNewMetadata().withName("cfg").withNamespace("default")
      .addToLabels("b", "2").addToLabels("a", "1").endMetadata().addToData("k", "<v>").addToData("num", "1002").build();

  @Test
  void yamlSortsKeysAndDoesNotIndentSequences() {
    HasMetadata p = new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata().withName("x").endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("nginx").addToArgs("a").endContainer().endSpec().build();
    assertThat(ObjectPrinter.forFormat("yaml", null).print(p)).isEqualTo(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - args:\n    - a\n    image: nginx\n"
            + "    name: c\n");
  }

  @Test
  void yamlOfAListHasKubectlsWrapper() {
    assertThat(ObjectPrinter.forFormat("yaml", null).print(List.of(CM), true)).isEqualTo(
        "apiVersion: v1\nitems:\n- apiVersion: v1\n  data:\n    k: <v>\n    num: \"1002\"\n  kind: ConfigMap\n  metadata:\n"
            + "    labels:\n      a: \"1\"\n      b: \"2\"\n    name: cfg\n    namespace: default\nkind: List\nmetadata:\n"
            + "  resourceVersion: \"\"\n");
    assertThat(ObjectPrinter.forFormat("yaml", null).print(List.of(), true)).isEqualTo(
        "apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: \"\"\n");
  }

  @Test
  void jsonIsGoMarshalIndent() {
    assertThat(ObjectPrinter.forFormat("json", null).print(CM)).isEqualTo(
        "{\n    \"apiVersion\": \"v1\",\n    \"data\": {\n        \"k\": \"\\u003cv\\u003e\",\n        \"num\": \"1002\"\n"
            + "    },\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"labels\": {\n            \"a\": \"1\",\n"
            + "            \"b\": \"2\"\n        },\n        \"name\": \"cfg\",\n        \"namespace\": \"default\"\n"
            + "    }\n}\n");
    assertThat(ObjectPrinter.forFormat("json", null).print(List.of(), true)).isEqualTo(
        "{\n    \"apiVersion\": \"v1\",\n    \"items\": [],\n    \"kind\": \"List\",\n    \"metadata\": {\n"
            + "        \"resourceVersion\": \"\"\n    }\n}\n");
  }

  @Test
  void namePrinter() {
    assertThat(ObjectPrinter.forFormat("name", null).print(List.of(CM, deployment("web", 1, 1, 1)), true))
        .isEqualTo("configmap/cfg\ndeployment.apps/web\n");
    assertThat(NamePrinter.line(deployment("hello", 1, 1, 1), "created")).isEqualTo("deployment.apps/hello created");
  }

  @Test
  void jsonpathOverAList() {
    List<HasMetadata> pods = List.of(pod("a", 1, running("c1", true, 0)), pod("b", 1, running("c2", true, 0)));
    assertThat(ObjectPrinter.forFormat("jsonpath={.items[*].metadata.name}", null).print(pods, true)).isEqualTo("a b");
    assertThat(ObjectPrinter.forFormat("jsonpath={range .items[*]}{.metadata.name}{\"\\t\"}{.spec.containers[0].image}"
        + "{\"\\n\"}{end}", null).print(pods, true)).isEqualTo("a\tnginx:1.27\nb\tnginx:1.27\n");
    assertThat(ObjectPrinter.forFormat("jsonpath={.items[?(@.metadata.name==\"b\")].status.podIP}", null)
        .print(pods, true)).isEqualTo("10.244.0.5");
    assertThat(ObjectPrinter.forFormat("jsonpath={..image}", null).print(pods, true)).isEqualTo("nginx:1.27 nginx:1.27");
    assertThat(ObjectPrinter.forFormat("jsonpath={.items[-1:].metadata.name}", null).print(pods, true)).isEqualTo("b");
  }

  @Test
  void jsonpathOnOneObjectAndMissingKeys() {
    assertThat(ObjectPrinter.forFormat("jsonpath=name={.metadata.name} none={.metadata.nothing}.", null).print(CM))
        .isEqualTo("name=cfg none=.");
    assertThat(ObjectPrinter.forFormat("jsonpath={.metadata.labels}", null).print(CM)).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
    assertThat(ObjectPrinter.forFormat("jsonpath={.metadata.labels['a']}", null).print(CM)).isEqualTo("1");
  }

  @Test
  void jsonpathErrors() {
    assertThatThrownBy(() -> ObjectPrinter.forFormat("jsonpath={.items[", null))
        .isInstanceOf(PrintException.class).hasMessage("error parsing jsonpath {.items[, unclosed action");
    assertThatThrownBy(() -> ObjectPrinter.forFormat("jsonpath={range .items[*]}{.x}", null))
        .isInstanceOf(PrintException.class).hasMessage("error parsing jsonpath {range .items[*]}{.x}, unclosed range");
  }

  @Test
  void customColumns() {
    List<HasMetadata> pods = List.of(pod("a", 1, running("c1", true, 0)), pod("bbbbbbbb", 1));
    assertThat(ObjectPrinter.forFormat("custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image", null)
        .print(pods, true)).isEqualTo("NAME       IMAGE\na          nginx:1.27\nbbbbbbbb   <none>\n");
    assertThat(ObjectPrinter.forFormat("custom-columns-file", "NAME  NODE\n.metadata.name .spec.nodeName\n", true)
        .print(pods, true)).isEqualTo("a          kubetutor-worker\nbbbbbbbb   kubetutor-worker\n");
    assertThatThrownBy(() -> ObjectPrinter.forFormat("custom-columns=NAME", null)).isInstanceOf(PrintException.class)
        .hasMessage("unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>");
  }

  @Test
  void unknownFormat() {
    assertThatThrownBy(() -> ObjectPrinter.forFormat("xml", null)).isInstanceOf(PrintException.class)
        .hasMessageStartingWith("unable to match a printer suitable for the output format \"xml\", allowed formats are: ");
  }
}
