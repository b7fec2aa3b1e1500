package io.kubetutor.sim.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageRegistryTest {

  private final ImageRegistry registry = ImageRegistry.withCatalogue();

  @Test
  void normalisesDockerHubNames() {
    assertThat(ImageReference.parse("ubuntu").canonical()).isEqualTo("docker.io/library/ubuntu:latest");
    assertThat(ImageReference.parse("ubuntu:22.04").canonical()).isEqualTo("docker.io/library/ubuntu:22.04");
    assertThat(ImageReference.parse("username/hello-fastapi:dev").canonical()).isEqualTo("docker.io/username/hello-fastapi:dev");
    assertThat(ImageReference.parse("docker.io/library/nginx:1.27").canonical()).isEqualTo("docker.io/library/nginx:1.27");
    assertThat(ImageReference.parse("ghcr.io/org/app").canonical()).isEqualTo("ghcr.io/org/app:latest");
    assertThat(ImageReference.parse("localhost:5000/app:1").registry()).isEqualTo("localhost:5000");
    assertThatThrownBy(() -> ImageReference.parse("Ubuntu:22.04")).hasMessage("invalid reference format");
    assertThatThrownBy(() -> ImageReference.parse("ubuntu:")).hasMessage("invalid reference format");
  }

  @Test
  void catalogueHasTheCourseImagesWithStableDigests() throws Exception {
    ImageConfig ubuntu = registry.resolve("ubuntu:22.04");
    assertThat(ubuntu.digest()).matches("sha256:[0-9a-f]{64}");
    assertThat(ImageRegistry.withCatalogue().resolve("ubuntu:22.04").digest()).isEqualTo(ubuntu.digest());
    assertThat(registry.resolve("ubuntu").digest()).isNotEqualTo(ubuntu.digest());
    assertThat(ubuntu.sizeBytes()).isEqualTo(29_534_055L);
    assertThat(ubuntu.defaultCommandLine()).containsExactly("/bin/bash");
    assertThat(registry.resolve("nginx").exposedPorts()).containsExactly(80);
    assertThat(registry.resolve("nginx").defaultCommandLine()).containsExactly("/docker-entrypoint.sh", "nginx", "-g", "daemon off;");
    assertThat(registry.resolve("redis:7").exposedPorts()).containsExactly(6379);
    assertThat(registry.resolve("wjallen/hello-flask:1.0").exposedPorts()).containsExactly(5000);
    assertThat(registry.tagsOf("username/hello-fastapi")).containsExactly("0.1.0", "dev", "rc1");
    assertThat(registry.tagsOf("python")).contains("3.9", "3.12-slim");
  }

  @Test
  void unknownRepositoryFailsLikeContainerd() {
    assertThatThrownBy(() -> registry.resolve("nosuch:1.0"))
        .isInstanceOf(ImagePullException.class)
        .hasMessage("rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/library/nosuch:1.0\": "
            + "failed to resolve reference \"docker.io/library/nosuch:1.0\": pull access denied, repository does not exist "
            + "or may require authorization: server message: insufficient_scope: authorization failed");
  }

  @Test
  void unknownTagOfKnownRepositoryIsNotFound() {
    assertThatThrownBy(() -> registry.resolve("nginx:nosuch"))
        .hasMessage("rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:nosuch\": "
            + "failed to resolve reference \"docker.io/library/nginx:nosuch\": docker.io/library/nginx:nosuch: not found");
  }

  @Test
  void unknownRegistryHostFailsItsLookup() {
    assertThatThrownBy(() -> registry.resolve("myreg.example/app:1.0"))
        .hasMessageEndingWith("failed to do request: Head \"https://myreg.example/v2/app/manifests/1.0\": dial tcp: lookup myreg.example: no such host");
  }

  @Test
  void publishingATagAgainMovesItToANewDigestButNodeCachesKeepTheOld() throws Exception {
    ImageConfig before = registry.resolve("username/hello-fastapi:dev");
    NodeImageCache node = new NodeImageCache();
    node.store("username/hello-fastapi:dev", before);

    ImageConfig after = registry.publish("username/hello-fastapi:dev", before);

    assertThat(after.digest()).isNotEqualTo(before.digest());
    assertThat(registry.resolve("username/hello-fastapi:dev").digest()).isEqualTo(after.digest());
    assertThat(registry.resolve("docker.io/username/hello-fastapi:dev").digest()).isEqualTo(after.digest());
    assertThat(node.lookup("docker.io/username/hello-fastapi:dev")).contains(before);
    assertThat(registry.resolve("username/hello-fastapi:rc1").digest()).isNotEqualTo(after.digest());
  }

  @Test
  void digestReferencesResolveOnlyToServedBuilds() throws Exception {
    String digest = registry.resolve("alpine:3.20").digest();
    assertThat(registry.resolve("alpine@" + digest).digest()).isEqualTo(digest);
    assertThatThrownBy(() -> registry.resolve("alpine@sha256:" + "0".repeat(64))).hasMessageContaining(": not found");
  }

  @Test
  void publishingANewRepositoryCreatesIt() throws Exception {
    ImageConfig template = registry.resolve("wjallen/hello-fastapi:1.0");
    registry.publish("student/app:dev", template);
    assertThat(registry.resolve("student/app:dev").exposedPorts()).containsExactly(8000);
  }
}
