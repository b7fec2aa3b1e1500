package io.kubetutor.lesson.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  private static final String STEP = """
      # Desired state

      A **Deployment** keeps the number of pods you asked for. Delete one and the *ReplicaSet* makes a new one; see [the docs](https://kubernetes.io/docs/concepts/workloads/controllers/deployment/).

      ## Try it

      1. Apply the file with `kubectl apply -f deployment.yml`
      2. Watch the pods:
         - with `kubectl get pods -w`
         - or `kubectl get pods` again

      ```yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: hello   # the name
      ```
      """;

  @Test
  void plainTextWrapsAndFramesCode() {
    assertThat(MarkdownRenderer.render(STEP, 50, false)).isEqualTo("""
        Desired state
        =============

        A Deployment keeps the number of pods you asked
        for. Delete one and the ReplicaSet makes a new
        one; see the docs
        (https://kubernetes.io/docs/concepts/workloads/controllers/deployment/).

        Try it
        ------

        1. Apply the file with `kubectl apply -f
           deployment.yml`
        2. Watch the pods:
           - with `kubectl get pods -w`
           - or `kubectl get pods` again

        ┌─ yaml ─────────────────────
        │ apiVersion: apps/v1
        │ kind: Deployment
        │ metadata:
        │   name: hello   # the name
        └────────────────────────────
        """);
  }

  @Test
  void colourStylesHeadingsEmphasisCodeAndYamlKeys() {
    String r = MarkdownRenderer.render("# Title\n\n**bold** *it* `code`\n\n```yaml\nkind: Pod\n```\n", 40, true);
    assertThat(r).startsWith("\u001B[1;4mTitle\u001B[0m\n\n\u001B[1mbold\u001B[0m \u001B[3mit\u001B[0m \u001B[36mcode\u001B[0m\n");
    assertThat(r).contains("\u001B[1;34mkind\u001B[0m: Pod");
  }

  @Test
  void everyLineFitsTheWidthExceptUnbreakableWords() {
    String text = "word ".repeat(100);
    for (String line : MarkdownRenderer.render(text, 30, false).split("\n")) {
      assertThat(line.length()).isLessThanOrEqualTo(30);
    }
  }

  @Test
  void linkWhoseTextIsTheUrlIsShownOnce() {
    assertThat(MarkdownRenderer.render("<https://k8s.io>", 80, false)).isEqualTo("https://k8s.io\n");
  }

  @Test
  void quotesAndRulesArePrefixed() {
    assertThat(MarkdownRenderer.render("> note this\n\n---\n", 24, false)).isEqualTo("│ note this\n\n" + "─".repeat(24) + "\n");
  }
}
