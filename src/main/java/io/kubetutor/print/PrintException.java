package io.kubetutor.print;

/**
 * A printing problem a user caused (unknown output format, bad jsonpath or column spec). The
 * message is kubectl's text without the {@code error: } prefix; verbs turn it into a kubectl error.
 */
public class PrintException extends RuntimeException {
  public PrintException(String message) {
    super(message);
  }
}
