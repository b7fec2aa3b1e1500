package io.kubetutor.sim.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerFilesystemTest {

  @Test
  void normaliseResolvesDotsEmptyPartsAndRelativePaths() {
    assertThat(ContainerFilesystem.normalise("/etc/hosts", "/")).isEqualTo("/etc/hosts");
    assertThat(ContainerFilesystem.normalise("/", "/tmp")).isEqualTo("/");
    assertThat(ContainerFilesystem.normalise("/a/.hidden", "/")).isEqualTo("/a/.hidden");
    assertThat(ContainerFilesystem.normalise("/a//b/", "/")).isEqualTo("/a/b");
    assertThat(ContainerFilesystem.normalise("/a/./b/../c", "/")).isEqualTo("/a/c");
    assertThat(ContainerFilesystem.normalise("/a/b/..", "/")).isEqualTo("/a");
    assertThat(ContainerFilesystem.normalise("/a/b/.", "/")).isEqualTo("/a/b");
    assertThat(ContainerFilesystem.normalise("/..", "/")).isEqualTo("/");
    assertThat(ContainerFilesystem.normalise("data/x", "/work")).isEqualTo("/work/data/x");
    assertThat(ContainerFilesystem.normalise("../x", "/work/")).isEqualTo("/x");
  }

  @Test
  void aWriteUnderAMountLandsInTheVolume() {
    ContainerFilesystem.Volume v = new ContainerFilesystem.Volume();
    ContainerFilesystem fs = new ContainerFilesystem().mount("/data/", v);
    fs.write("/data/./out.txt", "hi", false);
    fs.write("/etc/hostname", "web", false);
    assertThat(v.read("/out.txt")).contains("hi");
    assertThat(v.read("/hostname")).isEmpty();
    assertThat(fs.read("/etc/hostname")).contains("web");
  }
}
