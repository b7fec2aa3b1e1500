package io.kubetutor.kubectl.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.robustness.BuildSeed;
import io.kubetutor.shell.SessionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** Whatever a manifest holds, apply answers with a kubectl-shaped message, never an internal error. */
@AddLifecycleHook(BuildSeed.class)
class ManifestFuzzTest {

  private static final String BASE = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
      + "  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n"
      + "        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n";

  @Provide
  Arbitrary<String> mangled() {
    Arbitrary<String> noise = Arbitraries.strings().withChars(":-[]{}#&*!|>'\"%@` \t\n\u0000\u00e9abc0123456789").ofMaxLength(12);
    return Arbitraries.integers().between(0, BASE.length()).flatMap(at ->
        Arbitraries.integers().between(0, 8).flatMap(cut ->
            noise.map(n -> BASE.substring(0, at) + n + BASE.substring(Math.min(BASE.length(), at + cut)))));
  }

  @Property(tries = 150)
  void applyNeverCrashes(@ForAll("mangled") String manifest) throws Exception {
    Path dir = Files.createTempDirectory("fuzz");
    Files.writeString(dir.resolve("m.yaml"), manifest);
    try (SessionHarness sh = new SessionHarness(dir)) {
      SessionHarness.Result r = sh.run("kubectl apply -f m.yaml");
      assertThat(r.exit()).isIn(0, 1);
      assertThat(r.err()).doesNotContain("internal error").doesNotContain("Exception").doesNotContain("\tat ");
      if (r.exit() == 1) assertThat(r.err()).matches("(?s)(error: |Error from server|The |Warning: ).*");
    }
  }
}
