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

class FileBuiltinsTest {

  @TempDir Path dir;
  SessionHarness h;

  @BeforeEach
  void start() throws Exception {
    Files.writeString(dir.resolve("deployment.yml"), "kind: Deployment\n");
    Files.writeString(dir.resolve(".hidden"), "x");
    Files.createDirectory(dir.resolve("manifests"));
    h = new SessionHarness(dir);
  }

  @AfterEach
  void stop() { h.close(); }

  @Test
  void lsListsSortedMarksDirectoriesAndHidesDotFiles() {
    assertThat(h.run("ls")).isEqualTo(new Result(0, "deployment.yml\nmanifests/\n", ""));
    assertThat(h.run("ls -a").out()).isEqualTo(".hidden\ndeployment.yml\nmanifests/\n");
    assertThat(h.run("ls -l deployment.yml").out()).isEqualTo("      17  deployment.yml\n");
    assertThat(h.run("ls nope")).isEqualTo(new Result(2, "", "ls: cannot access 'nope': No such file or directory\n"));
    assertThat(h.run("ls -z")).isEqualTo(new Result(2, "", "ls: invalid option -- 'z'\n"));
  }

  @Test
  void catPrintsExactBytesAndReportsMissingFiles() {
    assertThat(h.run("cat deployment.yml")).isEqualTo(new Result(0, "kind: Deployment\n", ""));
    assertThat(h.run("cat missing.yml")).isEqualTo(new Result(1, "", "cat: missing.yml: No such file or directory\n"));
    assertThat(h.run("cat manifests")).isEqualTo(new Result(1, "", "cat: manifests: Is a directory\n"));
    assertThat(h.run("cat").err()).isEqualTo("cat: missing file operand\n");
  }

  @Test
  void cdChangesWhereRelativePathsResolveAndPwdShowsIt() throws Exception {
    Files.writeString(dir.resolve("manifests/pod.yml"), "kind: Pod\n");
    assertThat(h.run("cd manifests").exit()).isZero();
    assertThat(h.run("pwd").out()).isEqualTo(dir.resolve("manifests").toAbsolutePath().normalize() + "\n");
    assertThat(h.run("cat pod.yml").out()).isEqualTo("kind: Pod\n");
    assertThat(h.run("cd ..").exit()).isZero();
    assertThat(h.run("cd deployment.yml")).isEqualTo(new Result(1, "", "cd: deployment.yml: Not a directory\n"));
    assertThat(h.run("cd nowhere")).isEqualTo(new Result(1, "", "cd: nowhere: No such file or directory\n"));
    h.run("cd manifests");
    h.run("cd");
    assertThat(h.run("pwd").out()).isEqualTo(dir.toAbsolutePath().normalize() + "\n");
  }

  @Test
  void mkdirCpMvRm() {
    assertThat(h.run("mkdir a/b").err()).isEqualTo("mkdir: cannot create directory 'a/b': No such file or directory\n");
    assertThat(h.run("mkdir -p a/b").exit()).isZero();
    assertThat(Files.isDirectory(dir.resolve("a/b"))).isTrue();
    assertThat(h.run("mkdir a").err()).isEqualTo("mkdir: cannot create directory 'a': File exists\n");

    assertThat(h.run("cp deployment.yml a/b").exit()).isZero();
    assertThat(dir.resolve("a/b/deployment.yml")).hasContent("kind: Deployment");
    assertThat(h.run("cp a copy").err()).isEqualTo("cp: -r not specified; omitting directory 'a'\n");
    assertThat(h.run("cp -r a copy").exit()).isZero();
    assertThat(dir.resolve("copy/b/deployment.yml")).exists();

    assertThat(h.run("mv deployment.yml web.yml").exit()).isZero();
    assertThat(dir.resolve("web.yml")).exists();
    assertThat(dir.resolve("deployment.yml")).doesNotExist();
    assertThat(h.run("mv web.yml").err()).isEqualTo("mv: missing destination file operand after 'web.yml'\n");

    assertThat(h.run("rm a")).isEqualTo(new Result(1, "", "rm: cannot remove 'a': Is a directory\n"));
    assertThat(h.run("rm -r a copy web.yml").exit()).isZero();
    assertThat(dir.resolve("a")).doesNotExist();
    assertThat(dir.resolve("web.yml")).doesNotExist();
    assertThat(h.run("rm gone").err()).isEqualTo("rm: cannot remove 'gone': No such file or directory\n");
    assertThat(h.run("rm -f gone")).isEqualTo(new Result(0, "", ""));
  }

  @Test
  void gradingKeepsFileCommandsInsideTheWorkspace() {
    try (SessionHarness grading = new SessionHarness(SessionOptions.forTests(dir).withGrading(true))) {
      assertThat(grading.run("cat ../../etc/passwd"))
          .isEqualTo(new Result(1, "", "cat: ../../etc/passwd: outside the workspace while grading\n"));
      assertThat(grading.run("ls").exit()).isZero();
    }
  }

  @Test
  void pathCandidatesKeepTheTypedDirectoryAndMarkDirectories() throws Exception {
    Files.writeString(dir.resolve("manifests/pod.yml"), "");
    assertThat(PathCandidates.list(h.session(), "", false)).containsExactly("deployment.yml", "manifests/");
    assertThat(PathCandidates.list(h.session(), "man", false)).containsExactly("manifests/");
    assertThat(PathCandidates.list(h.session(), "manifests/p", false)).containsExactly("manifests/pod.yml");
    assertThat(PathCandidates.list(h.session(), "", true)).containsExactly("manifests/");
    assertThat(PathCandidates.list(h.session(), ".", false)).containsExactly(".hidden");
  }
}
