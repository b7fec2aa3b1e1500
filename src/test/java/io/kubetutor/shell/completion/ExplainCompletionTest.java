package io.kubetutor.shell.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion after {@code kubectl explain}: types, then the fields after each dot. */
class ExplainCompletionTest {

  @TempDir Path dir;
  SessionHarness h;
  ShellCompleter completer;

  @BeforeEach
  void start() {
    h = new SessionHarness(dir);
    completer = new ShellCompleter(h.session(), new LiveNames());
  }

  @AfterEach
  void stop() { h.close(); }

  private List<Candidate> candidates(String line) {
    ParsedLine parsed = new DefaultParser().parse(line, line.length());
    return completer.complete(parsed.words().subList(0, parsed.wordIndex()), parsed.word());
  }

  private List<String> values(String line) {
    return candidates(line).stream().map(Candidate::value).toList();
  }

  @Test
  void typesFirst() {
    assertThat(values("kubectl explain ")).contains("pods", "deployments", "deploy", "svc");
  }

  @Test
  void fieldsAfterADotAndAlongThePath() {
    assertThat(values("kubectl explain pods.")).containsExactly(
        "pods.apiVersion", "pods.kind", "pods.metadata", "pods.spec", "pods.status");
    assertThat(values("kubectl explain deploy.spec.re")).containsExactly(
        "deploy.spec.replicas", "deploy.spec.revisionHistoryLimit");
    assertThat(values("kubectl explain deploy.spec.template.spec.containers.imagePull"))
        .containsExactly("deploy.spec.template.spec.containers.imagePullPolicy");
    assertThat(values("kubectl explain deployments.apps.spec.pa")).containsExactly("deployments.apps.spec.paused");
  }

  @Test
  void aFieldIsNotClosedWithASpaceSoTheNextDotCanFollow() {
    assertThat(candidates("kubectl explain pods.sp").get(0).complete()).isFalse();
  }

  @Test
  void nothingBeyondAPrimitiveOrAnUnknownPath() {
    assertThat(values("kubectl explain deploy.spec.replicas.")).isEmpty();
    assertThat(values("kubectl explain pods.nope.")).isEmpty();
    assertThat(values("kubectl explain nope.")).isEmpty();
    assertThat(values("kubectl explain pods ")).isEmpty();
  }
}
