package io.kubetutor.kubectl.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build step's reading of the client's generated sources. */
class ExplainSchemaGeneratorTest {

  private static final String SOURCE = """
      /**
       * A thing with a \\&quot;quoted\\&quot; name, an &#39;apostrophe&#39;, &#x60;ticks&#x60; and &lt;b&gt; &amp; c:\\\\d.
       */
      @jakarta.annotation.Generated(value = "x")
      public class V1Thing {
        private String name;

         /**
         * Name of the thing.
         * @return name
        **/
        @jakarta.annotation.Nullable
        public String getName() {
          return name;
        }

        public V1Thing other(String o) { return this; }

        public String getUndocumented() {
          return null;
        }
      }
      """;

  @Test
  void readsAndUnescapesTheJavadocOfTheTypeAndOfAGetter() {
    int cls = SOURCE.indexOf("\npublic class V1Thing");
    assertThat(ExplainSchemaGenerator.docBefore(SOURCE, cls))
        .isEqualTo("A thing with a \"quoted\" name, an 'apostrophe', `ticks` and <b> & c:\\d.");
    assertThat(ExplainSchemaGenerator.docBefore(SOURCE, SOURCE.indexOf(" getName() {"))).isEqualTo("Name of the thing.");
  }

  @Test
  void aCommentSeparatedFromTheDeclarationByCodeIsNotItsDocumentation() {
    assertThat(ExplainSchemaGenerator.docBefore(SOURCE, SOURCE.indexOf(" getUndocumented() {"))).isEmpty();
  }

  @Test
  void typeHintsFollowKubectl() throws Exception {
    class Shapes {
      List<String> strings;
      Map<String, String> labels;
      Integer replicas;
      Long generation;
      Boolean paused;
      Double ratio;
      Object raw;
      java.time.OffsetDateTime created;
      byte[] data;
    }
    Map<String, String> expected = Map.of("strings", "[]string", "labels", "map[string]string", "replicas", "integer",
        "generation", "integer", "paused", "boolean", "ratio", "number", "raw", "Object", "created", "string",
        "data", "string");
    expected.forEach((field, hint) -> {
      try {
        assertThat(ExplainSchemaGenerator.typeGuess(Shapes.class.getDeclaredField(field).getGenericType()))
            .as(field).isEqualTo(hint);
      } catch (NoSuchFieldException e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void modelNamesLoseTheirVersionAndGroupPrefix() {
    class V1beta1Widget {}
    class CoreV1Event {}
    class V1ObjectMeta {}
    assertThat(ExplainSchemaGenerator.displayName(V1beta1Widget.class)).isEqualTo("Widget");
    assertThat(ExplainSchemaGenerator.displayName(CoreV1Event.class)).isEqualTo("Event");
    assertThat(ExplainSchemaGenerator.displayName(V1ObjectMeta.class)).isEqualTo("ObjectMeta");
  }
}
