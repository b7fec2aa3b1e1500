package io.kubetutor.shell.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import io.kubetutor.sim.images.ImageConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerBuiltinTest {

  @TempDir Path dir;

  private static final String DOCKERFILE = """
      FROM python:3.12
      WORKDIR /app
      COPY . /app
      RUN pip install fastapi
      EXPOSE 8000
      CMD ["fastapi", "run", "main.py", "--port", "8000"]
      """;

  @Test
  void buildThenPushPublishesANewDigestOfTheTag() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE);
    try (SessionHarness h = new SessionHarness(dir)) {
      ImageConfig before = h.session().simulator().images().resolve("username/hello-fastapi:dev");

      SessionHarness.Result build = h.run("docker build -t username/hello-fastapi:dev .");
      assertThat(build.exit()).isZero();
      assertThat(build.out()).contains(" => [1/6] FROM python:3.12\n", " => => naming to docker.io/username/hello-fastapi:dev\n");

      SessionHarness.Result push = h.run("docker push username/hello-fastapi:dev");
      ImageConfig after = h.session().simulator().images().resolve("username/hello-fastapi:dev");
      assertThat(push.exit()).isZero();
      assertThat(after.digest()).isNotEqualTo(before.digest());
      assertThat(after.cmd()).containsExactly("fastapi", "run", "main.py", "--port", "8000");
      assertThat(after.exposedPorts()).containsExactly(8000);
      assertThat(after.workingDir()).isEqualTo("/app");
      assertThat(push.out()).startsWith("The push refers to repository [docker.io/username/hello-fastapi]\n")
          .contains("dev: digest: " + after.digest() + " size: ");

      h.run("docker build -t username/hello-fastapi:dev .");
      h.run("docker push username/hello-fastapi:dev");
      assertThat(h.session().simulator().images().resolve("username/hello-fastapi:dev").digest()).isNotEqualTo(after.digest());
    }
  }

  @Test
  void pushOfAnImageNeverBuiltFails() {
    try (SessionHarness h = new SessionHarness(dir)) {
      SessionHarness.Result r = h.run("docker push username/other:dev");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).isEqualTo("An image does not exist locally with the tag: username/other\n");
    }
  }

  @Test
  void buildErrorsAreDockerShaped() throws Exception {
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(h.run("docker build -t a/b:1 .").err())
          .isEqualTo("ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n");
      assertThat(h.run("docker build -t a/b:1").err()).startsWith("ERROR: \"docker buildx build\" requires exactly 1 argument.\n");
      assertThat(h.run("docker build -t Bad:1 .").err()).isEqualTo("ERROR: invalid tag \"Bad:1\": invalid reference format\n");
      Files.writeString(dir.resolve("Dockerfile"), "FROM nosuch:1.0\n");
      SessionHarness.Result r = h.run("docker build -t a/b:1 .");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).startsWith("ERROR: failed to solve: failed to pull and unpack image \"docker.io/library/nosuch:1.0\"")
          .contains("pull access denied");
      assertThat(h.run("docker run ubuntu").err()).isEqualTo("docker: 'run' is not supported by the simulated docker (build, push, images)\n");
    }
  }
}
