package io.kubetutor.kubectl.manifest;

import io.kubetutor.kubectl.KubectlException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the files kubectl's options name ({@code --from-file}, {@code --patch-file},
 * {@code -o jsonpath-file=}) no further than {@link ManifestReader#MAX_BYTES}. The size on disk is
 * no guide for devices and pipes ({@code /dev/zero} reports 0 and never ends), so the read itself
 * stops at the bound and the shell says why instead of running out of memory.
 */
public final class BoundedFiles {

  private BoundedFiles() {}

  /** The file's bytes; a {@link KubectlException} naming {@code shown} when it is over the bound. */
  public static byte[] read(Path path, String shown) throws IOException {
    return read(path, shown, "the most kubectl reads here");
  }

  static byte[] read(Path path, String shown, String limitText) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = Files.size(path) > ManifestReader.MAX_BYTES ? null : in.readNBytes(ManifestReader.MAX_BYTES + 1);
    }
    if (bytes == null || bytes.length > ManifestReader.MAX_BYTES) {
      throw new KubectlException("the file \"" + shown + "\" is larger than " + ManifestReader.MAX_BYTES / 1024 / 1024
          + " MB, " + limitText);
    }
    return bytes;
  }

  /** The file as UTF-8 text (malformed bytes replaced, as Go's string conversion keeps going). */
  public static String readString(Path path, String shown) throws IOException {
    return new String(read(path, shown), StandardCharsets.UTF_8);
  }
}
