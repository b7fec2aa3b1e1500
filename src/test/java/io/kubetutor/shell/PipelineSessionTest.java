package io.kubetutor.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetutor.shell.CommandLineSplitter.CommandLine;
import io.kubetutor.shell.SessionHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code |}, {@code >}, {@code >>}, {@code 2>} in the shell, read as a POSIX shell reads them. */
class PipelineSessionTest {

  @TempDir Path dir;
  private SessionHarness shell;

  @BeforeEach
  void start() throws Exception {
    shell = new SessionHarness(dir);
    Files.writeString(dir.resolve("hello.yml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: hello-deployment, labels: {app: hello-app}}
        spec:
          replicas: 3
          selector: {matchLabels: {app: hello-app}}
          template:
            metadata: {labels: {app: hello-app}}
            spec:
              containers:
              - name: hellos
                image: ubuntu:18.04
                command: ['sh', '-c', 'echo "Hello, Kubernetes!" && sleep 3600']
        """);
    assertThat(shell.run("kubectl apply -f hello.yml").exit()).isZero();
    shell.run("sim advance 30s");
  }

  @AfterEach
  void stop() {
    shell.close();
  }

  @Test
  void unquotedOperatorsSplitTheLineAndQuotedOnesStayInTheirWords() {
    assertThat(CommandLineSplitter.pipeline("kubectl get pods | grep web|wc -l")).isEqualTo(new CommandLine(
        List.of("kubectl", "get", "pods"), List.of(List.of("grep", "web"), List.of("wc", "-l")), null, false, null, null));
    assertThat(CommandLineSplitter.pipeline("kubectl get deploy x -o yaml >> x.yml 2>/dev/null")).isEqualTo(
        new CommandLine(List.of("kubectl", "get", "deploy", "x", "-o", "yaml"), List.of(), "x.yml", true, "/dev/null",
            null));
    assertThat(CommandLineSplitter.pipeline("kubectl apply -f -<web.yml").input()).isEqualTo("web.yml");
    assertThatThrownBy(() -> CommandLineSplitter.pipeline("kubectl get pods | grep x < f"))
        .hasMessage("< FILE gives input to the first command of a pipe only");
    assertThat(CommandLineSplitter.pipeline("kubectl get pods -l 'a in (x|y)' -o jsonpath=\"{.x}>\"").plain()).isTrue();
    assertThat(CommandLineSplitter.pipeline("kubectl get pods 2>&1").errors()).isEqualTo("&1");
    // A 2 that does not touch the operator is a word, as in bash.
    assertThat(CommandLineSplitter.pipeline("kubectl logs web --tail 2 > out.txt").command()).endsWith("2");
    assertThatThrownBy(() -> CommandLineSplitter.pipeline("kubectl get pods |"))
        .hasMessage("syntax error near unexpected token `newline'");
    assertThatThrownBy(() -> CommandLineSplitter.pipeline("| grep x")).hasMessage("syntax error near unexpected token `|'");
    assertThatThrownBy(() -> CommandLineSplitter.pipeline("kubectl get pods > | grep x"))
        .hasMessage("syntax error near unexpected token `|'");
  }

  @Test
  void kubectlOutputGoesThroughFiltersAndTheStatusIsTheLastFiltersStatus() {
    Result counted = shell.run("kubectl get pods --no-headers | grep hello-deployment | wc -l");
    assertThat(counted).isEqualTo(new Result(0, "3\n", ""));
    assertThat(shell.run("kubectl get pods | head -n 2").out().lines().toList()).hasSize(2)
        .first().asString().startsWith("NAME ");
    assertThat(shell.run("kubectl get pods | grep CrashLoopBackOff")).isEqualTo(new Result(1, "", ""));
    // Errors are not piped: they reach the terminal and grep sees nothing.
    assertThat(shell.run("kubectl get pods nope | grep nope")).isEqualTo(
        new Result(1, "", "Error from server (NotFound): pods \"nope\" not found\n"));
    assertThat(shell.run("kubectl get pods nope 2>&1 | grep -c NotFound")).isEqualTo(new Result(0, "1\n", ""));
    assertThat(shell.run("kubectl get pods nope 2>/dev/null")).isEqualTo(new Result(1, "", ""));
  }

  @Test
  void outputRedirectedToAFileIsAManifestTheClusterTakesBack() throws Exception {
    Result saved = shell.run("kubectl get deployment hello-deployment -o yaml > saved.yml");
    assertThat(saved).isEqualTo(new Result(0, "", ""));
    assertThat(Files.readString(dir.resolve("saved.yml")))
        .isEqualTo(shell.run("kubectl get deployment hello-deployment -o yaml").out());
    assertThat(shell.run("kubectl apply -f saved.yml").out()).isEqualTo("deployment.apps/hello-deployment configured\n");
    shell.run("kubectl get pods -o name > names.txt");
    shell.run("kubectl get pods -o name >> names.txt");
    assertThat(Files.readAllLines(dir.resolve("names.txt"))).hasSize(6);
    assertThat(shell.run("kubectl get pods nope 2> errors.txt")).isEqualTo(new Result(1, "", ""));
    assertThat(Files.readString(dir.resolve("errors.txt"))).isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");
  }

  @Test
  void helpShowsThePipeAndFileForms() {
    assertThat(shell.run("help | tail -5").out()).isEqualTo("""
        Pipes and files, as in a shell:
          kubectl get pods | grep web                output through grep, head, tail, wc, sort, uniq, less, more, cat
          kubectl get deploy web -o yaml > web.yml   output to a file (>> adds to it)
          kubectl get pods nope 2>/dev/null          errors to a file, nowhere, or with the output (2>&1)
          kubectl apply -f - < web.yml               a file as the command's input
        """);
  }

  @Test
  void aFileCanBeTheInputOfKubectlApplyFromStandardInput() {
    assertThat(shell.run("kubectl apply -f - < hello.yml"))
        .isEqualTo(new Result(0, "deployment.apps/hello-deployment unchanged\n", ""));
    assertThat(shell.run("kubectl apply -f - < nosuch.yml")).isEqualTo(new Result(1, "",
        "kubetutor: nosuch.yml: No such file or directory\n"));
  }

  @Test
  void aWatchEndedByCtrlCLeavesWhatItPrintedInTheFile() throws Exception {
    Result r;
    Thread.currentThread().interrupt();  // as the shell's Ctrl-C handler does while the watch runs
    try {
      r = shell.run("kubectl get pods -w > watched.txt");
    } finally {
      Thread.interrupted();
    }
    assertThat(r.err()).isEmpty();
    List<String> lines = Files.readAllLines(dir.resolve("watched.txt"));
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("NAME ");
    assertThat(lines.subList(1, 4)).allMatch(l -> l.startsWith("hello-deployment-"));
  }

  @Test
  void badPipesAndRedirectionsAreRefusedBeforeTheCommandRuns() {
    assertThat(shell.run("kubectl delete deployment hello-deployment | awk '{print $1}'")).isEqualTo(new Result(2, "",
        "kubetutor: awk: cannot be used after | here (a pipe can feed grep, head, tail, wc, sort, uniq, less, more,"
            + " cat)\n"));
    assertThat(shell.run("kubectl delete deployment hello-deployment > missing/dir/out.txt")).isEqualTo(new Result(1, "",
        "kubetutor: missing/dir/out.txt: No such file or directory\n"));
    assertThat(shell.run("kubectl get pods |")).isEqualTo(new Result(2, "",
        "error: syntax error near unexpected token `newline'\n"));
    // The deployment is still there: neither delete ran.
    assertThat(shell.run("kubectl get deployment hello-deployment -o name").out())
        .isEqualTo("deployment.apps/hello-deployment\n");
  }

  @Test
  void whileGradingARedirectionCannotLeaveTheWorkspace() throws Exception {
    try (SessionHarness grading = new SessionHarness(SessionOptions.forTests(dir).withGrading(true))) {
      Result r = grading.run("kubectl get pods > ../elsewhere.txt");
      assertThat(r).isEqualTo(new Result(1, "", "kubetutor: ../elsewhere.txt: outside the workspace while grading\n"));
      assertThat(Files.exists(dir.resolveSibling("elsewhere.txt"))).isFalse();
    }
  }
}
