package io.kubetutor.cluster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An error answered by the Kubernetes API (or the simulator acting as one), carrying what kubectl
 * needs to print it exactly as kubectl does (reference §5.1): HTTP code, reason, message, the
 * details kind/name and the field causes of an Invalid answer.
 */
public class ClusterException extends RuntimeException {

  /** One field cause of an Invalid answer: {@code spec.replicas: Invalid value: -1: ...}. */
  public record Cause(String field, String message) {
    public String render() {
      return field == null || field.isEmpty() ? message : field + ": " + message;
    }
  }

  private final int code;
  private final String reason;
  private final String kind;
  private final String name;
  private final List<Cause> causes;

  public ClusterException(int code, String reason, String message) {
    this(code, reason, message, null, null, List.of());
  }

  public ClusterException(int code, String reason, String message, String kind, String name, List<Cause> causes) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.kind = kind;
    this.name = name;
    this.causes = List.copyOf(causes);
  }

  public int code() { return code; }
  public String reason() { return reason; }
  public String kind() { return kind; }
  public String name() { return name; }
  public List<Cause> causes() { return causes; }

  public boolean isNotFound() { return code == 404; }
  public boolean isConflict() { return code == 409 && "Conflict".equals(reason); }
  public boolean isAlreadyExists() { return code == 409 && "AlreadyExists".equals(reason); }

  // ---- factories with the apiserver's own message formats (apimachinery errors.go) ----

  /** {@code pods "x" not found}; {@code resource} is the plural with its group, e.g. {@code deployments.apps}. */
  public static ClusterException notFound(String qualifiedResource, String name) {
    return new ClusterException(404, "NotFound", qualifiedResource + " \"" + name + "\" not found");
  }

  public static ClusterException alreadyExists(String qualifiedResource, String name) {
    return new ClusterException(409, "AlreadyExists", qualifiedResource + " \"" + name + "\" already exists");
  }

  public static ClusterException conflict(String qualifiedResource, String name, String detail) {
    return new ClusterException(409, "Conflict", "Operation cannot be fulfilled on " + qualifiedResource + " \"" + name
        + "\": " + detail);
  }

  public static ClusterException badRequest(String message) {
    return new ClusterException(400, "BadRequest", message);
  }

  public static ClusterException forbidden(String message) {
    return new ClusterException(403, "Forbidden", message);
  }

  /** {@code Kind.group "name" is invalid: causes}, e.g. {@code Deployment.apps "x" is invalid: ...}. */
  public static ClusterException invalid(String kind, String group, String name, List<Cause> causes) {
    List<Cause> unique = new ArrayList<>(new LinkedHashSet<>(causes));
    String qualified = group == null || group.isEmpty() ? kind : kind + "." + group;
    if (name == null) name = "";  // Go's zero string: an object without a name is The Pod "" is invalid
    StringBuilder msg = new StringBuilder(qualified).append(" \"").append(name).append("\" is invalid: ");
    if (unique.size() == 1) {
      msg.append(unique.get(0).render());
    } else {
      msg.append('[');
      for (int i = 0; i < unique.size(); i++) {
        if (i > 0) msg.append(", ");
        msg.append(unique.get(i).render());
      }
      msg.append(']');
    }
    return new ClusterException(422, "Invalid", msg.toString(), kind, name, unique);
  }

  /** The same error with kubectl's {@code AddSourceToErr} prefix: {@code error when creating "f.yaml": ...}. */
  public ClusterException withSource(String verbing, String source) {
    if (source == null || code == 422) return this;  // Invalid is printed from its causes, the prefix is lost
    return new ClusterException(code, reason, "error when " + verbing + " \"" + source + "\": " + getMessage(),
        kind, name, causes);
  }

  /** Exactly what kubectl prints on stderr for this error (without the trailing newline). */
  public String toKubectlMessage() {
    if (code == 422 && kind != null && !causes.isEmpty()) {
      String head = "The " + kind + " \"" + name + "\" is invalid: ";
      if (causes.size() == 1) return head + causes.get(0).render();
      StringBuilder sb = new StringBuilder(head);
      for (Cause c : causes) sb.append("\n* ").append(c.render());
      return sb.toString();
    }
    if (code == 401) return "error: You must be logged in to the server (" + getMessage() + ")";
    if (code == 0) {
      // Not an API status: a transport or client failure, printed as a plain error.
      String m = getMessage();
      return m.startsWith("error: ") || m.startsWith("The connection to the server")
          || m.startsWith("Unable to connect to the server") || m.startsWith("Error in configuration")
          ? m : "error: " + m;
    }
    if (reason == null || reason.isEmpty()) return "Error from server: " + getMessage();
    return "Error from server (" + reason + "): " + getMessage();
  }
}
