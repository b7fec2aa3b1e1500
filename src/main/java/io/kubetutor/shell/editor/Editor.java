package io.kubetutor.shell.editor;

import io.kubetutor.kubectl.KubectlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a file for the student to edit: the built-in Nano on the shell's terminal, or the host's
 * {@code $EDITOR}. A session without a terminal (scripts, grading, tests) has {@link #NONE}.
 */
public interface Editor {

  /** Edits {@code file} in place; returns when the student leaves the editor. */
  void editFile(Path file) throws IOException, InterruptedException;

  /** Whether this editor can run at all. */
  default boolean available() { return true; }

  /**
   * {@code kubectl edit}: the text in a temporary file named like {@code fileName}, edited, read
   * back. The file is removed afterwards whatever happens.
   */
  default String editText(String fileName, String text) {
    Path dir = null;
    Path file = null;
    try {
      dir = Files.createTempDirectory("kubetutor-edit-");
      file = dir.resolve(fileName.replaceAll("[^A-Za-z0-9._-]", "-"));
      Files.writeString(file, text, StandardCharsets.UTF_8);
      editFile(file);
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (IOException e) {
      throw new KubectlException("the editor could not be run: " + e.getMessage());
    } finally {
      try {
        if (file != null) Files.deleteIfExists(file);
        if (dir != null) Files.deleteIfExists(dir);
      } catch (IOException ignored) {
        // A leftover temp file is harmless; failing the edit for it would not be.
      }
    }
  }

  /** No terminal to edit on. */
  Editor NONE = new Editor() {
    @Override public void editFile(Path file) {
      throw new KubectlException("editing needs an interactive terminal; edit the file and use \"kubectl apply -f\" instead");
    }

    @Override public boolean available() { return false; }
  };
}
