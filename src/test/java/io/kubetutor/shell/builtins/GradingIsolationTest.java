package io.kubetutor.shell.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionHarness.Result;
import io.kubetutor.shell.SessionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** While grading, a transcript reaches nothing outside its workspace: no host commands, editors, or paths out. */
class GradingIsolationTest {

  @TempDir Path root;
  Path workspace;
  Path outside;
  SessionHarness grading;

  @BeforeEach
  void start() throws Exception {
    workspace = Files.createDirectory(root.resolve("workspace"));
    outside = Files.createDirectory(root.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "s3cret\n");
    Files.writeString(workspace.resolve("mine.yml"), "kind: Pod\n");
    grading = new SessionHarness(SessionOptions.forTests(workspace).withGrading(true));
  }

  @AfterEach
  void stop() { grading.close(); }

  private static Result refused(String command, String path) {
    // ls fails with status 2 as GNU ls does for an operand it cannot access; the others with 1.
    return new Result(command.equals("ls") ? 2 : 1, "", command + ": " + path + ": outside the workspace while grading\n");
  }

  @Test
  void relativeAndAbsolutePathsOutAreRefused() {
    assertThat(grading.run("cat ../outside/secret.txt")).isEqualTo(refused("cat", "../outside/secret.txt"));
    String abs = outside.resolve("secret.txt").toString();
    assertThat(grading.run("cat " + abs)).isEqualTo(refused("cat", abs));
    assertThat(grading.run("cat /etc/passwd")).isEqualTo(refused("cat", "/etc/passwd"));
    assertThat(grading.run("ls ~")).isEqualTo(refused("ls", "~"));
  }

  @Test
  void symbolicLinksOutOfTheWorkspaceAreRefused() throws Exception {
    Files.createSymbolicLink(workspace.resolve("link.txt"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(workspace.resolve("dir"), outside);
    assertThat(grading.run("cat link.txt")).isEqualTo(refused("cat", "link.txt"));
    assertThat(grading.run("cat dir/secret.txt")).isEqualTo(refused("cat", "dir/secret.txt"));
    assertThat(grading.run("ls dir")).isEqualTo(refused("ls", "dir"));
    // Writing through a link is refused too, even to a file that does not exist yet.
    assertThat(grading.run("cp mine.yml dir/new.yml").exit()).isNotZero();
    assertThat(outside.resolve("new.yml")).doesNotExist();
  }

  @Test
  void filesInsideTheWorkspaceStillWork() throws Exception {
    Files.createSymbolicLink(workspace.resolve("inner.yml"), workspace.resolve("mine.yml"));
    assertThat(grading.run("cat mine.yml")).isEqualTo(new Result(0, "kind: Pod\n", ""));
    assertThat(grading.run("cat inner.yml")).isEqualTo(new Result(0, "kind: Pod\n", ""));
  }

  @Test
  void hostCommandsAndEditorsAreNotAvailable() {
    assertThat(grading.run("!cat /etc/passwd")).isEqualTo(new Result(1, "", "error: \"!\" is not available while grading\n"));
    assertThat(grading.run("! ls")).isEqualTo(new Result(1, "", "error: \"!\" is not available while grading\n"));
    assertThat(grading.run("nano mine.yml")).isEqualTo(new Result(1, "", "error: \"nano\" is not available while grading\n"));
    assertThat(grading.run("edit mine.yml")).isEqualTo(new Result(1, "", "error: \"edit\" is not available while grading\n"));
  }

  /** kubectl's own file readers follow the same rule: no secret leaves the host through a manifest, ConfigMap or patch. */
  @Test
  void kubectlFileReadersStayInsideTheWorkspace() throws Exception {
    Path secret = outside.resolve("secret.txt").toAbsolutePath().normalize();
    String refused = "error: the path \"" + secret + "\" is outside the workspace while grading\n";
    for (String line : java.util.List.of(
        "kubectl apply -f ../outside/secret.txt",
        "kubectl create -f " + secret,
        "kubectl create configmap leak --from-file=../outside/secret.txt",
        "kubectl create configmap leak --from-env-file=../outside/secret.txt",
        "kubectl create secret generic leak --from-file=../outside/secret.txt",
        "kubectl patch pod x --patch-file=../outside/secret.txt",
        "kubectl get pods -o jsonpath-file=../outside/secret.txt")) {
      Result r = grading.run(line);
      assertThat(r.err()).as(line).isEqualTo(refused);
      assertThat(r.exit()).as(line).isEqualTo(1);
    }
    // A link inside the workspace that leads out is caught too, also inside a directory given to --from-file.
    Files.createSymbolicLink(workspace.resolve("link.yml"), secret);
    assertThat(grading.run("kubectl apply -f link.yml").err()).isEqualTo(
        "error: the path \"" + workspace.resolve("link.yml").toAbsolutePath().normalize() + "\" is outside the workspace while grading\n");
    Path dir = Files.createDirectory(workspace.resolve("conf"));
    Files.createSymbolicLink(dir.resolve("stolen"), secret);
    assertThat(grading.run("kubectl create configmap leak --from-file=conf").exit()).isEqualTo(1);
    assertThat(grading.run("kubectl get configmap leak").err()).contains("NotFound");
    // Inside the workspace everything still works.
    assertThat(grading.run("kubectl create configmap fine --from-file=mine.yml").out())
        .isEqualTo("configmap/fine created\n");
  }
}
