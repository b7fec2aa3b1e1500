package io.kubetutor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArchiveTrainingTest {

  @Test
  void drivesTheInteractiveShellThroughTheFirstCommandsOfALesson() throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    assertThat(ArchiveTraining.run(screen)).isZero();
    String shown = screen.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains("kubetutor [sim:default] $ ")
        .contains("deployment.apps/training created")
        .contains("Client Version: v1.31.0")
        .contains("training-");
    // "kubectl get po<Tab>" ran as "kubectl get pods": the narrow table (the later "-o wide" one goes on to IP).
    assertThat(shown).containsPattern("READY   STATUS    RESTARTS   AGE\\r?\\ntraining-");
  }

  @Test
  void leavesNothingBehindInTheTemporaryDirectory() throws Exception {
    java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
    long before;
    try (var s = java.nio.file.Files.list(tmp)) {
      before = s.filter(p -> p.getFileName().toString().startsWith("kubetutor-training")).count();
    }
    ArchiveTraining.run(java.io.OutputStream.nullOutputStream());
    try (var s = java.nio.file.Files.list(tmp)) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith("kubetutor-training")).count()).isEqualTo(before);
    }
  }
}
