package io.kubetutor.kubectl;

/**
 * A client-side kubectl error: printed as {@code error: <message>} on stderr with exit code 1.
 * With {@code usageOf}, kubectl's hint {@code See 'kubectl <verb> -h' for help and examples} follows.
 */
public class KubectlException extends RuntimeException {

  private final String hint;

  public KubectlException(String message) {
    this(message, null);
  }

  public KubectlException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  /** An error followed by kubectl's usage hint line for the verb. */
  public static KubectlException usage(String verb, String message) {
    return new KubectlException(message, "See 'kubectl " + verb + " -h' for help and examples");
  }

  /** Message text exactly as printed (without trailing newline). */
  public String render() {
    String m = getMessage();
    String head = m.startsWith("error: ") || m.startsWith("Error from server") || m.startsWith("The connection") ? m : "error: " + m;
    return hint == null ? head : head + "\n" + hint;
  }
}
