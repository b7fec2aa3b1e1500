package io.kubetutor.print;

import static io.kubetutor.print.Fixtures.pod;
import static io.kubetutor.print.Fixtures.running;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetutor.robustness.BuildSeed;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** Any template either prints or fails with a kubectl-shaped {@link PrintException}, never another exception. */
@AddLifecycleHook(BuildSeed.class)
class JsonPathFuzzTest {

  private static final JsonNode TREE = Documents.list(List.of(pod("a", 1, running("c", true, 2))));

  @Provide
  Arbitrary<String> templates() {
    return Arbitraries.strings().withChars("{}[]().@$*?:=!<>'\",-\\ 0123abcitemsrangeend\n").ofMaxLength(40);
  }

  @Property(tries = 2000)
  void neverFailsWithAnUnexpectedException(@ForAll("templates") String template) {
    try {
      JsonPath.parse(template).execute(TREE);
    } catch (PrintException expected) {
      // a parse error, shaped like kubectl's
    }
  }
}
