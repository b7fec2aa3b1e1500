package io.kubetutor.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * No command line a student can type crashes the shell or shows a Java stack trace: random words,
 * quotes, unicode, control characters, random kubectl verbs with random flags and lines up to
 * 100 KB all end in a message and an exit status, and the same session answers the next
 * {@code kubectl get pods}. One session serves every try, so whatever a line leaves behind is
 * met by the lines after it.
 */
@AddLifecycleHook(BuildSeed.class)
class CommandLineFuzzTest {

  private static Path dir;
  private static SessionHarness shell;

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("kubetutor-fuzz");
    // The bad-manifest corpus sits in the working directory, so -f meets every kind of bad file.
    Path corpus = Path.of(CommandLineFuzzTest.class.getResource("/robustness/manifests").toURI());
    try (var files = Files.list(corpus)) {
      for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
    }
    // Grading keeps files inside the workspace: a random line such as "x >/a" must not write on the host.
    shell = new SessionHarness(io.kubetutor.shell.SessionOptions.forTests(dir).withGrading(true));
  }

  @AfterContainer
  static void stop() {
    shell.close();
  }

  /** kubectl's verbs and sub-verbs, and a few it does not have. */
  private static final List<String> KUBECTL_VERBS = List.of("get", "describe", "apply", "delete", "logs", "scale",
      "rollout", "rollout status", "rollout history", "rollout undo", "rollout restart", "rollout pause",
      "rollout resume", "label", "annotate", "create", "create deployment", "create namespace", "create configmap",
      "create secret generic", "create service clusterip", "create service nodeport", "run", "expose", "explain",
      "version", "config", "config view", "config current-context", "config get-contexts", "api-resources", "edit",
      "set", "set image", "exec", "cluster-info", "patch", "replace", "nosuch", "rollout nosuch", "");

  private static final List<String> NOUNS = List.of("pods", "po", "pod", "deploy", "deployments.apps",
      "deployment.v1.apps", "svc", "all", "nodes", "ns", "rs", "cm", "secrets", "events", "pods,svc", "pod/x",
      "deploy/hello", "hello", "x", "node/kind-control-plane", "ingress", "pvc", "pv", "jobs", "ds", "foo.bar",
      "pods/", "/x", ",", "pods,,svc");

  private static final List<String> FLAGS = List.of("-o", "--output", "-n", "--namespace", "-A", "--all-namespaces",
      "-l", "--selector", "--field-selector", "--sort-by", "-f", "--filename", "-R", "--replicas", "--image", "--port",
      "--target-port", "--type", "--name", "--from-literal", "--from-file", "--dry-run", "--grace-period", "--force",
      "--now", "--timeout", "--wait", "--since", "--since-time", "--tail", "--previous", "-p", "-c", "--container",
      "--to-revision", "--revision", "--overwrite", "--show-labels", "-L", "--label-columns", "--watch", "-w",
      "--watch-only", "--cascade", "--all", "--local", "--recursive", "--api-version", "-i", "-t", "--stdin", "--tty",
      "--rm", "--restart", "--env", "--labels", "--command", "--template", "--patch", "--validate", "--save-config",
      "--show-kind", "--no-headers", "--chunk-size", "--current-replicas", "--resource-version", "--raw", "-h",
      "--help", "--v", "--kubeconfig", "--context", "--", "-", "--=", "---x", "-zz");

  private static final List<String> VALUES = List.of("", "-1", "0", "3", "999999999999", "2.5", "abc", "yaml", "json",
      "wide", "name", "jsonpath={", "jsonpath={.items[*].metadata.name}", "jsonpath={range .items[*]}{end",
      "jsonpath=", "custom-columns=A:.x,B", "custom-columns=", "go-template={{.}}", "template", "1h", "-5s", "10",
      "x=y", "app=x", "app in (a", "!app", "=,", "app notin (a,b),!b", "true", "maybe", "client", "server", "none",
      "☃", "$HOME", "~", "/", "../..", "/etc/passwd", "nginx:1.25", "busybox@sha256:00", "{\"spec\":{}}",
      "[{\"op\":\"remove\"}]", "{", "Never", "Always", "orphan", "foreground", ".metadata.name", "{.x}", "a=b=c");

  private static final List<String> FILES = List.of("tab-indent.yaml", "binary.yaml", "billion-laughs.yaml",
      "deep-nesting.yaml", "empty.yaml", "top-level-list.yaml", "unknown-kind.yaml", "name-300.yaml",
      "replicas-string.yaml", "quantity-format.yaml", "null-in-lists.yaml", "duplicate-keys.yaml", "bad-separator.yaml",
      "json-truncated.json", "name-missing.yaml", "selector-mismatch.yaml", ".", "nosuch.yaml", "-", "*.yaml", "*.json",
      "/dev/null", "/proc/self/status", "..", "latin1.yaml");

  private static Arbitrary<String> word() {
    Arbitrary<String> file = Combinators.combine(Arbitraries.of("-f ", "--filename=", "-f=", "-Rf ", "-f "),
        Arbitraries.of(FILES)).as(String::concat);
    Arbitrary<String> flag = Combinators.combine(Arbitraries.of(FLAGS), Arbitraries.of(VALUES),
        Arbitraries.of(" ", "=", "")).as((f, v, sep) -> f + sep + v);
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(NOUNS)),
        Tuple.of(3, file),
        Tuple.of(5, flag),
        Tuple.of(2, Arbitraries.of(VALUES)),
        Tuple.of(2, quoted()),
        Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20)),
        Tuple.of(2, unicode()),
        Tuple.of(2, controls()));
  }

  /** Balanced and unbalanced quoting, escapes and the empty word. */
  private static Arbitrary<String> quoted() {
    return Arbitraries.oneOf(
        Arbitraries.of("'", "\"", "\\", "''", "\"\"", "'\"'", "\"'\"", "\\\"", "'a b'", "\"a b\"", "'it''s'",
            "\"\\\"\"", "a\\ b", "'unterminated", "\"unterminated", "\"a\\", "'$(rm -rf x)'", "`x`", "$(x)"),
        Arbitraries.strings().withChars('\'', '"', '\\', ' ', 'a', '=').ofMaxLength(12));
  }

  /** Any UTF-16 text: accents, emoji (surrogate pairs), lone surrogates, right-to-left marks. */
  private static Arbitrary<String> unicode() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(12),
        Arbitraries.of("café", "名前", "😀", "👩‍👩‍👧", "\u202eevil", "\ufeffbom", "e\u0301", "\ud800", "\udfff",
            "Ⅻ", "ﬁ", "İ", "\u00a0", "\u2028", "\u0085"));
  }

  /** Control characters alone and inside words (NUL, ESC sequences, bells, deletes, CR). */
  private static Arbitrary<String> controls() {
    Arbitrary<Character> control = Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001f'),
        Arbitraries.of('\u007f', '\u009b'));
    return Arbitraries.oneOf(
        control.map(String::valueOf),
        Arbitraries.of("\u001b[31mred\u001b[0m", "\u001b]0;title\u0007", "a\rb", "a\u0000b", "\u0004", "\u0003",
            "pods\u0008\u0008"),
        Arbitraries.strings().withChars('a', '\t', '\r', '\u0000', '\u001b', '\u007f').ofMaxLength(10));
  }

  @Provide
  Arbitrary<String> commandLines() {
    Arbitrary<String> firsts = Arbitraries.of("kubectl", "k", "help", "sim", "sim status", "sim advance", "lesson",
        "check", "hint", "solution", "next", "prev", "ls", "cat", "tree", "pwd", "docker", "kubeclt", "", "#",
        "exit-not", "KUBECTL", "kubectl\u0000");
    Arbitrary<List<String>> words = word().list().ofMaxSize(8);
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(200),
        Combinators.combine(firsts, words).as((f, ws) -> f + " " + String.join(" ", ws)),
        Combinators.combine(Arbitraries.of(KUBECTL_VERBS), words).as((v, ws) -> "kubectl " + v + " " + String.join(" ", ws)),
        Combinators.combine(Arbitraries.of(KUBECTL_VERBS), words).as((v, ws) -> "k " + v + " " + String.join("", ws)));
  }

  /** Lines of 10 to 100 KB: one huge word, a huge flag value, a huge quoted argument or thousands of words. */
  @Provide
  Arbitrary<String> hugeLines() {
    Arbitrary<Integer> size = Arbitraries.integers().between(10_000, 100_000);
    Arbitrary<String> verb = Arbitraries.of(KUBECTL_VERBS);
    return Combinators.combine(verb, size, Arbitraries.integers().between(0, 7), word()).as((v, n, shape, w) -> {
      String filler = "a".repeat(n);
      return switch (shape) {
        case 0 -> "kubectl " + v + " pod " + filler + " " + w;
        case 1 -> "kubectl " + v + " pods -l app=" + filler + " " + w;
        case 2 -> "kubectl " + v + " pods -o jsonpath={" + ".x".repeat(n / 2) + "}";
        case 3 -> "kubectl " + v + " \"" + "a b ".repeat(n / 4) + "\" " + w;
        case 4 -> "kubectl " + v + " " + "pods ".repeat(n / 5);
        case 5 -> "kubectl create configmap big" + n + " --from-literal=k=" + filler;
        case 6 -> "kubectl " + v + " '" + "é😀\u0007".repeat(n / 4);
        default -> "kubectl get pods " + "--selector=a".repeat(n / 12) + " " + w;
      };
    });
  }

  /** The line ends in a message and a status, never a Java trace, and the session answers the next command. */
  private static void survives(String line) {
    SessionHarness.Result r = shell.run(line);
    assertThat(r.exit()).isBetween(0, 255);
    for (String text : List.of(r.out(), r.err())) {
      assertThat(text).doesNotContain("\tat ").doesNotContain("at io.kubetutor").doesNotContain("Exception:")
          .doesNotContain("internal error");
    }
    assertThat(shell.session().exitRequested()).isFalse();
    SessionHarness.Result next = shell.run("kubectl get pods");
    assertThat(next.exit()).as("kubectl get pods after %s", abbreviate(line)).isZero();
    assertThat(next.out().isEmpty() ? next.err() : next.out())
        .matches("(?s)NAME +READY +STATUS +RESTARTS +AGE\n.*|No resources found in \\S+ namespace\\.\n");
  }

  private static String abbreviate(String line) {
    return line.length() > 200 ? line.substring(0, 200) + "... (" + line.length() + " chars)" : line;
  }

  /** Lines a student types to leave the shell, or to run a host program, are not for this test. */
  private static boolean forThisTest(String line) {
    String s = line.strip();
    return !(s.startsWith("exit") || s.startsWith("quit") || s.startsWith("!") || s.startsWith("logout"));
  }

  @Property(tries = 400)
  void anyLineEndsInAMessageNotAStackTrace(@ForAll("commandLines") String line) {
    if (forThisTest(line)) survives(line);
  }

  @Example
  void aFileNameTheFileSystemCannotHoldIsAnInvalidPath() {
    for (String verb : List.of("apply -f", "create -f", "delete -f", "create configmap c --from-file")) {
      SessionHarness.Result r = shell.run("kubectl " + verb + " x\ud800.yaml");
      assertThat(r).as(verb).isEqualTo(new SessionHarness.Result(1, "",
          "error: invalid path \"x\ud800.yaml\": Malformed input or input contains unmappable characters\n"));
    }
    assertThat(shell.run("kubectl get pods -o jsonpath-file=x\ud800.yaml")).isEqualTo(new SessionHarness.Result(1, "",
        "error: open x\ud800.yaml: no such file or directory\n"));
    survives("kubectl get pods");
  }

  @Example
  void aClockAdvanceBeyondAHundredYearsIsRefusedWithAMessage() {
    assertThat(shell.run("sim advance 99999999999999h")).isEqualTo(new SessionHarness.Result(1, "",
        "error: sim advance moves at most 876000h (100 years) at a time\n"));
    assertThat(shell.run("sim advance 99999999999999999999999h")).isEqualTo(new SessionHarness.Result(1, "",
        "error: sim advance needs a duration such as 30s, 5m or 1h30m\n"));
    assertThat(shell.run("sim advance 876000h").exit()).isZero();
    survives("kubectl get pods");
  }

  @Property(tries = 12)
  void hugeLinesAreHandled(@ForAll("hugeLines") String line) {
    survives(line);
  }
}
