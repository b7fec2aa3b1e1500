package io.kubetutor.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {

  @TempDir Path dir;

  @Test
  void savesAndReloads() throws Exception {
    Path file = dir.resolve("progress.json");
    ProgressStore store = new ProgressStore(file, new PrintWriter(new StringWriter()));
    store.get().of("deployments").step = 3;
    store.get().of("deployments").hints.put("scale", 2);
    store.save();
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("progress.json"); // no temp file left
    }
    Progress again = new ProgressStore(file, new PrintWriter(new StringWriter())).get();
    assertThat(again.of("deployments").step).isEqualTo(3);
    assertThat(again.of("deployments").hints).containsEntry("scale", 2);
  }

  @Test
  void corruptFileIsReportedMovedAsideAndReplaced() throws Exception {
    Path file = dir.resolve("progress.json");
    Files.writeString(file, "{\"lessons\": {\"deployments\": {\"step\": ");
    StringWriter warnings = new StringWriter();
    ProgressStore store = new ProgressStore(file, new PrintWriter(warnings));
    assertThat(store.get().lessons).isEmpty();
    assertThat(warnings.toString()).contains("could not be read").contains("progress.json.corrupt-");
    assertThat(file).doesNotExist();
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("progress.json.corrupt-"));
    }
    store.get().of("pods").step = 1;
    store.save();
    assertThat(Files.readString(file)).contains("\"pods\"");
  }
}
