package io.kubetutor.shell.builtins;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/** The coreutils wording for Java's file exceptions. */
final class FileErrors {
  private FileErrors() {}

  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) return "No such file or directory";
    if (e instanceof FileAlreadyExistsException) return "File exists";
    if (e instanceof AccessDeniedException) return "Permission denied";
    if (e instanceof DirectoryNotEmptyException) return "Directory not empty";
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
