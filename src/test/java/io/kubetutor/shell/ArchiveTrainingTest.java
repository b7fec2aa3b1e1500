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
    // The scripted part ran every command successfully.
    assertThat(shown).contains("$ kubectl apply -f pod.yml\npod/hello created\n")
        .contains("pod \"hello\" deleted\n")
        .contains("deployment.apps/training configured\n")
        .contains("Replicas:               4 desired");
  }

  @Test
  void removesItsDirectoryHistoryAndSavedSimulatorIncluded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createDirectory(tmp.resolve("training"));
    assertThat(ArchiveTraining.run(java.io.OutputStream.nullOutputStream(), dir)).isZero();
    assertThat(dir).doesNotExist();
  }
}
