package io.kubetutor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the built jar as a process with piped stdin, as a script or a grader would. */
class JarIT {

  @TempDir Path dir;

  /** Output of one process run. */
  record Run(int exit, String out, String err) {}

  static Run runJar(Path workdir, String stdin, String... args) throws IOException, InterruptedException {
    String jar = System.getProperty("kubetutor.jar", "target/kubetutor.jar");
    List<String> cmd = new ArrayList<>(List.of("java", "-jar", Path.of(jar).toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workdir.toFile());
    pb.environment().put("HOME", workdir.toString());
    Path outFile = workdir.resolve(".stdout");
    Path errFile = workdir.resolve(".stderr");
    pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
    return new Run(p.exitValue(), Files.readString(outFile), Files.readString(errFile));
  }

  @Test
  void pipedCommandsPrintWithoutPromptsAndKeepStreamsApart() throws Exception {
    Run r = runJar(dir, "kubectl version --client\nkubectl nosuchverb\n");
    assertThat(r.out()).isEqualTo("Client Version: v1.31.0\nKustomize Version: v5.4.2\n");
    assertThat(r.err()).startsWith("error: unknown command \"nosuchverb\" for \"kubectl\"");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void oneCommandWithDashC() throws Exception {
    Run r = runJar(dir, "", "-c", "kubectl version --client");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("Client Version: v1.31.0\n");
  }

  @Test
  void runWithEchoWritesATranscript() throws Exception {
    Files.writeString(dir.resolve("script.txt"), "# a comment\nkubectl version --client\n");
    Run r = runJar(dir, "", "run", "script.txt", "--echo");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("$ kubectl version --client\nClient Version: v1.31.0\nKustomize Version: v5.4.2\n");
  }
}
