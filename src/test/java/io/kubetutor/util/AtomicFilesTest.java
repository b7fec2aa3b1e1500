package io.kubetutor.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void replacesContentAndLeavesNoTemporaryFiles() throws Exception {
    Path f = dir.resolve("state.json");
    AtomicFiles.writeString(f, "one");
    AtomicFiles.writeString(f, "two");
    assertThat(Files.readString(f)).isEqualTo("two");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
  }

  /** Ctrl-C interrupts the command thread, which then saves progress: the write must still happen. */
  @Test
  void aPendingInterruptNeitherStopsTheWriteNorIsLost() throws Exception {
    Path f = dir.resolve("progress.json");
    AtomicFiles.writeString(f, "old");
    Thread.currentThread().interrupt();
    try {
      AtomicFiles.writeString(f, "new");
      assertThat(Thread.currentThread().isInterrupted()).as("the interrupt stays for the shell to see").isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(Files.readString(f)).isEqualTo("new");
  }

  @Test
  void createsMissingDirectories() throws Exception {
    Path f = dir.resolve("a/b/progress.json");
    AtomicFiles.writeString(f, "{}");
    assertThat(Files.readString(f)).isEqualTo("{}");
  }

  @Test
  void setAsideKeepsTheCorruptFileUnderANewName() throws Exception {
    Path f = dir.resolve("progress.json");
    Files.writeString(f, "{not json");
    Path aside = AtomicFiles.setAside(f);
    assertThat(f).doesNotExist();
    assertThat(aside.getFileName().toString()).startsWith("progress.json.corrupt-");
    assertThat(Files.readString(aside)).isEqualTo("{not json");
  }
}
