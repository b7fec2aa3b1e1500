package io.kubetutor.lesson;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kubetutor.util.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads and saves {@link Progress}. Writes are atomic (temp file + rename), so a crash never leaves
 * half a file. A file that cannot be read is reported, moved aside and replaced by fresh progress.
 * Without a file (tests, grading) progress lives in memory only.
 */
public final class ProgressStore {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;
  private final PrintWriter warnings;
  private Progress progress;

  /** {@code file == null}: keep progress in memory only. */
  public ProgressStore(Path file, PrintWriter warnings) {
    this.file = file;
    this.warnings = warnings;
  }

  public Path file() { return file; }

  /** The progress, read on first use. */
  public synchronized Progress get() {
    if (progress == null) progress = load();
    return progress;
  }

  private Progress load() {
    if (file == null || !Files.exists(file)) return new Progress();
    try {
      Progress p = MAPPER.readValue(file.toFile(), Progress.class);
      if (p == null || p.lessons == null) throw new IOException("no lessons");
      return p;
    } catch (IOException | RuntimeException e) {
      try {
        Path aside = AtomicFiles.setAside(file);
        warnings.println("warning: the progress file " + file + " could not be read; it was moved to " + aside
            + " and progress starts afresh");
      } catch (IOException moveFailed) {
        warnings.println("warning: the progress file " + file + " could not be read and could not be moved aside: "
            + moveFailed.getMessage());
      }
      warnings.flush();
      return new Progress();
    }
  }

  /** Writes the progress atomically; a failure is a warning, never fatal to the session. */
  public synchronized void save() {
    if (file == null || progress == null) return;
    try {
      AtomicFiles.writeString(file, MAPPER.writeValueAsString(progress) + "\n");
    } catch (IOException e) {
      warnings.println("warning: could not save progress to " + file + ": " + e.getMessage());
      warnings.flush();
    }
  }
}
