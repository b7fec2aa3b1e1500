package io.kubetutor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history file that is not text is reported and set aside, not silently overwritten by the next save. */
class AtomicHistoryCorruptTest {

  @TempDir Path dir;

  @Test
  void binaryHistoryIsReportedMovedAsideAndReplaced() throws Exception {
    Path file = dir.resolve("history");
    Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, '\n', (byte) 0xc3});
    StringWriter warnings = new StringWriter();
    try (HistoryFiles h = new HistoryFiles(file, new PrintWriter(warnings))) {
      assertThat(warnings.toString()).startsWith("warning: the history file " + file + " could not be read; it was moved to "
          + file + ".corrupt-");
      h.history().add("kubectl get pods");
      h.history().save();
    }
    assertThat(Files.readString(file)).endsWith(":kubectl get pods\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("history.corrupt-"));
    }
  }
}
