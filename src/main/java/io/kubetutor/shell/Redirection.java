package io.kubetutor.shell;

import io.kubetutor.util.AtomicFiles;
import io.kubetutor.util.WorkspaceBounds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file a command's output or errors go to ({@code > FILE}, {@code >> FILE}, {@code 2> FILE}), or
 * reads its input from ({@code < FILE}).
 * The text is kept until the command ends, then written in one go: a replaced file is swapped in
 * whole, so an interrupted command never leaves half a manifest. {@code /dev/null} keeps nothing.
 */
final class Redirection {

  static final Redirection REFUSED = new Redirection(null, false);

  private final Path file;
  private final boolean append;
  private final StringWriter text = new StringWriter();
  private final PrintWriter writer = new PrintWriter(text);

  private Redirection(Path file, boolean append) {
    this.file = file;
    this.append = append;
  }

  /** Null when {@code target} is null; {@link #REFUSED} (the reason printed) when it cannot be written. */
  static Redirection open(Session session, String target, boolean append) {
    if (target == null) return null;
    if (target.equals("/dev/null")) return new Redirection(null, false);
    Path path = resolve(session, target);
    if (path == null) return REFUSED;
    Path parent = path.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      session.err().println("kubetutor: " + target + ": No such file or directory");
      return REFUSED;
    }
    return new Redirection(path, append);
  }

  /**
   * {@code target} against the working directory, or null (the reason printed as a shell prints
   * it) when it is not a usable path, leaves the workspace while grading, or is a directory.
   */
  private static Path resolve(Session session, String target) {
    Path path;
    try {
      path = session.workdir().resolve(target).toAbsolutePath().normalize();
    } catch (java.nio.file.InvalidPathException e) {
      session.err().println("kubetutor: " + target + ": " + e.getReason());
      return null;
    }
    String refusal = session.options().grading() && !WorkspaceBounds.contains(session.options().workdir(), path)
        ? "outside the workspace while grading" : Files.isDirectory(path) ? "Is a directory" : null;
    if (refusal == null) return path;
    session.err().println("kubetutor: " + target + ": " + refusal);
    return null;
  }

  /** What {@link #input} returns when the file cannot be read (the reason printed). */
  static final java.io.InputStream NO_INPUT = java.io.InputStream.nullInputStream();

  /**
   * The file a command reads as its standard input ({@code < FILE}), opened as a stream (the readers
   * of {@code -f -} bound what they take); null when there is none.
   */
  static java.io.InputStream input(Session session, String target) {
    if (target == null) return null;
    Path path = resolve(session, target);
    if (path == null) return NO_INPUT;
    try {
      return Files.newInputStream(path);
    } catch (java.nio.file.NoSuchFileException e) {
      session.err().println("kubetutor: " + target + ": No such file or directory");
    } catch (IOException e) {
      session.err().println("kubetutor: " + target + ": " + (e.getMessage() == null ? "cannot read" : e.getMessage()));
    }
    return NO_INPUT;
  }

  PrintWriter writer() {
    return writer;
  }

  /** Writes what the command printed; false (the reason printed) when the file system refuses. */
  boolean save(Session session) {
    writer.flush();
    if (file == null) return true;
    try {
      if (append) {
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } else {
        AtomicFiles.writeString(file, text.toString());
      }
      return true;
    } catch (IOException e) {
      session.err().println("kubetutor: " + file.getFileName() + ": " + (e.getMessage() == null ? "cannot write" : e.getMessage()));
      return false;
    }
  }
}
