package io.kubetutor.shell.pipe;

/** A filter the shell cannot run as written; the message is printed as the tool would print it. */
public final class FilterException extends Exception {
  public FilterException(String message) {
    super(message);
  }
}
