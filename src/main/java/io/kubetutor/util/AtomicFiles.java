package io.kubetutor.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes of user state (history, lesson progress, saved simulator state) that survive a crash at any
 * point: the new content goes to a temporary file in the same directory, is forced to disk, and then
 * replaces the old file in one rename. A reader sees the old file or the new one, never half of one.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  public static void writeString(Path target, String content) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  public static void write(Path target, byte[] content) throws IOException {
    write(target, stream -> stream.write(content));
  }

  /** What {@link #write(Path, Content)} fills the file with, streamed rather than held in memory. */
  @FunctionalInterface
  public interface Content {
    void writeTo(java.io.OutputStream stream) throws IOException;
  }

  public static void write(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      // A stream, not a FileChannel: a channel is closed by a pending interrupt, and Ctrl-C during
      // a command interrupts the thread that then saves the student's progress.
      try (var stream = new java.io.FileOutputStream(tmp.toFile())) {
        var buffered = new java.io.BufferedOutputStream(stream, 1 << 16);
        content.writeTo(buffered);
        buffered.flush();
        stream.getFD().sync();
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Moves a file that could not be read out of the way ({@code progress.json.corrupt-20260105T090000Z})
   * so it can be inspected, and returns where it went.
   */
  public static Path setAside(Path corrupt) throws IOException {
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
    Path aside = corrupt.resolveSibling(corrupt.getFileName() + ".corrupt-" + stamp);
    Files.move(corrupt, aside, StandardCopyOption.REPLACE_EXISTING);
    return aside;
  }
}
