package io.kubetutor.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * No command line a student can type crashes the shell or shows a Java stack trace: random words,
 * quotes, unicode, control characters and very long lines all end in a message and an exit status.
 */
class CommandLineFuzzTest {

  private static Path dir;
  private static SessionHarness shell;

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("kubetutor-fuzz");
    shell = new SessionHarness(dir);
  }

  @AfterContainer
  static void stop() {
    shell.close();
  }

  @Provide
  Arbitrary<String> commandLines() {
    Arbitrary<String> verbs = Arbitraries.of("kubectl", "k", "help", "sim", "lesson", "check", "ls", "cat", "kubeclt",
        "", "#", "exit-not");
    Arbitrary<String> kubectlVerbs = Arbitraries.of("get", "describe", "apply", "delete", "logs", "scale", "rollout",
        "label", "annotate", "create", "run", "expose", "explain", "version", "config", "api-resources", "edit",
        "set", "exec", "cluster-info", "nosuch");
    Arbitrary<String> words = Arbitraries.oneOf(
        Arbitraries.of("pods", "po", "deploy", "deployments.apps", "svc", "all", "nodes", "pods,svc", "pod/x", "-o",
            "wide", "yaml", "json", "name", "jsonpath={.items[*]}", "-n", "-A", "-l", "app=x", "app in (a,b)",
            "--selector", "-f", "-", "--replicas=-1", "--grace-period=0", "--", "'", "\"", "\\", "{", "}", "$HOME",
            "--watch=false", "-w", "--sort-by=.metadata.name", "--field-selector=status.phase=Running"),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20),
        Arbitraries.strings().all().ofMaxLength(12));
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(200),
        verbs.flatMap(v -> words.list().ofMaxSize(6).map(ws -> v + " " + String.join(" ", ws))),
        kubectlVerbs.flatMap(v -> words.list().ofMaxSize(6).map(ws -> "kubectl " + v + " " + String.join(" ", ws))));
  }

  @Property(tries = 400)
  void anyLineEndsInAMessageNotAStackTrace(@ForAll("commandLines") String line) {
    if (line.strip().startsWith("exit") || line.strip().startsWith("quit")) return;
    SessionHarness.Result r = shell.run(line);
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain("internal error");
    assertThat(r.out()).doesNotContain("\tat ");
  }

  @Property(tries = 5)
  void hugeLinesAreHandled(@ForAll("commandLines") String line) {
    String huge = "kubectl get pods " + "x".repeat(100_000) + " " + line;
    SessionHarness.Result r = shell.run(huge);
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("internal error");
  }
}
