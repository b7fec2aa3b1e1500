package io.kubetutor.lesson;

import java.nio.file.Path;

/** A lesson that cannot be loaded or used, with the file and line when known (for {@code lesson validate}). */
public final class LessonException extends RuntimeException {

  private final Path file;
  private final int line;

  public LessonException(Path file, int line, String message) {
    super(message);
    this.file = file;
    this.line = line;
  }

  public LessonException(String message) {
    this(null, 0, message);
  }

  public Path file() { return file; }
  public int line() { return line; }

  /** {@code lessons/02/lesson.yaml:14: message}, the shape compilers and editors understand. */
  public String located() {
    if (file == null) return getMessage();
    return file + (line > 0 ? ":" + line : "") + ": " + getMessage();
  }
}
