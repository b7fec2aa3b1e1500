package io.kubetutor.print;

import static io.kubetutor.print.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden describe output of annotations: kubectl's wrapping of long and multi-line values. */
class DescribeAnnotationsTest {

  private static String head(String describe) {
    return describe.substring(0, describe.indexOf("\n\n") + 1);
  }

  @Test
  void longAndMultiLineValuesGoBelowTheirKeyAtTheValueColumn() {
    String edge = "e".repeat(129);  // "d.io/edge: " + 129 bytes = exactly 140: stays on one line
    var cm = new ConfigMapBuilder().withNewMetadata().withName("cfg").withNamespace("default")
        .addToAnnotations("a.io/short", "x")
        .addToAnnotations("b.io/long", "v".repeat(150))
        .addToAnnotations("c.io/multi", "line one\nline two\n")
        .addToAnnotations("d.io/edge", edge)
        .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration", "{\"kind\":\"ConfigMap\"}\n")
        .endMetadata().build();
    assertThat(head(Describers.configMap(cm, List.of(), NOW))).isEqualTo("""
        Name:         cfg
        Namespace:    default
        Labels:       <none>
        Annotations:  a.io/short: x
                      b.io/long:
                        %s...
                      c.io/multi:
                        line one
                        line two
                      d.io/edge: %s
        """.formatted("v".repeat(138), edge));
  }

  @Test
  void oneByteOverTheLimitWraps() {
    var cm = new ConfigMapBuilder().withNewMetadata().withName("cfg").withNamespace("default")
        .addToAnnotations("d.io/edge", "e".repeat(130)).endMetadata().build();
    assertThat(head(Describers.configMap(cm, List.of(), NOW))).isEqualTo("""
        Name:         cfg
        Namespace:    default
        Labels:       <none>
        Annotations:  d.io/edge:
                        %s
        """.formatted("e".repeat(130)));
  }

  @Test
  void onlyLastAppliedIsNone() {
    var cm = new ConfigMapBuilder().withNewMetadata().withName("cfg").withNamespace("default")
        .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration", "{}").endMetadata().build();
    assertThat(head(Describers.configMap(cm, List.of(), NOW))).endsWith("Annotations:  <none>\n");
  }

  @Test
  void podTemplateAnnotationsAlignWithTheTemplateColumn() {
    var t = new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", "web")
        .addToAnnotations("note", "first\nsecond").addToAnnotations("team", "blue").endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer().endSpec().build();
    assertThat(Describers.podTemplate(t)).startsWith("""
        Pod Template:
          Labels:       app=web
          Annotations:  note:
                          first
                          second
                        team: blue
          Containers:
        """);
  }

  @Test
  void shortenCutsAtBytesWithoutSplittingACharacter() {
    assertThat(DescribeWriter.shorten("abc", 3)).isEqualTo("abc");
    assertThat(DescribeWriter.shorten("abcd", 3)).isEqualTo("abc...");
    // "é" is two bytes: three bytes hold "a" and "é", four would split nothing either.
    assertThat(DescribeWriter.shorten("aéé", 3)).isEqualTo("aé...");
    assertThat(DescribeWriter.shorten("aéé", 4)).isEqualTo("aé...");
  }
}
