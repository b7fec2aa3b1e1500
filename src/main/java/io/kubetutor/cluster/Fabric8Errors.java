package io.kubetutor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns what a real API server (or the network in between) answered into a {@link ClusterException}
 * that prints as kubectl prints it: API statuses keep their reason, message and Invalid causes
 * (kubectl's {@code StandardErrorMessage}); transport failures become kubectl's connection texts.
 */
final class Fabric8Errors {

  private Fabric8Errors() {}

  /** An HTTP error answer: its body is a {@code Status} on any real API server; if not, client-go's generic texts. */
  static ClusterException fromResponse(int code, String body, String method, String path) {
    if (body != null && !body.isBlank()) {
      try {
        JsonNode tree = Objects.JSON.readTree(body);
        if (tree != null && "Status".equals(tree.path("kind").asText())) {
          return fromStatus(code, Objects.JSON.treeToValue(tree, Status.class));
        }
      } catch (IOException | IllegalArgumentException notJson) {
        // fall through to the generic answer, as client-go does for a non-Status body
      }
    }
    return generic(code, body, requestTarget(method, path));
  }

  static ClusterException fromStatus(int httpCode, Status status) {
    int code = status.getCode() != null && status.getCode() != 0 ? status.getCode() : httpCode;
    String reason = status.getReason() == null ? "" : status.getReason();
    String message = status.getMessage() == null ? "" : status.getMessage();
    String kind = null;
    String name = null;
    List<ClusterException.Cause> causes = new ArrayList<>();
    if (status.getDetails() != null) {
      kind = status.getDetails().getKind();
      name = status.getDetails().getName();
      if (status.getDetails().getCauses() != null) {
        for (StatusCause c : status.getDetails().getCauses()) {
          causes.add(new ClusterException.Cause(c.getField(), c.getMessage() == null ? "" : c.getMessage()));
        }
      }
    }
    if (reason.isEmpty() && message.isEmpty()) return generic(code, null, "");
    return new ClusterException(code, reason, message, kind, name, causes);
  }

  /** client-go's {@code NewGenericServerResponse}: the texts kubectl shows when the body explains nothing. */
  static ClusterException generic(int code, String body, String target) {
    String reason;
    String message;
    switch (code) {
      case 400 -> { reason = "BadRequest"; message = "the server rejected our request for an unknown reason"; }
      case 401 -> { reason = "Unauthorized"; message = "the server has asked for the client to provide credentials"; }
      case 403 -> { reason = "Forbidden"; message = "the server does not allow access to the requested resource"; }
      case 404 -> { reason = "NotFound"; message = "the server could not find the requested resource"; }
      case 405 -> { reason = "MethodNotAllowed"; message = "the server does not allow this method on the requested resource"; }
      case 406 -> { reason = "NotAcceptable"; message = "the server was unable to respond with a content type that the client supports"; }
      case 409 -> { reason = "Conflict"; message = "the server reported a conflict"; }
      case 410 -> { reason = "Expired"; message = "the resource has expired"; }
      case 415 -> { reason = "UnsupportedMediaType"; message = "the server responded with the status code 415 but did not return more information"; }
      case 422 -> { reason = "Invalid"; message = "the server rejected our request due to an error in our request"; }
      case 429 -> { reason = "TooManyRequests"; message = "the server has received too many requests and has asked us to try again later"; }
      case 503 -> { reason = "ServiceUnavailable"; message = "the server is currently unable to handle the request"; }
      case 504 -> { reason = "Timeout"; message = "the server was unable to return a response in the time allotted, but may still be processing the request"; }
      default -> {
        reason = code >= 500 ? "InternalError" : "";
        String shown = body == null || body.isBlank() ? "unknown" : body.strip();
        if (shown.length() > MAX_UNSTRUCTURED_BODY) shown = shown.substring(0, MAX_UNSTRUCTURED_BODY);
        message = "an error on the server (" + goQuoted(shown) + ") has prevented the request from succeeding";
      }
    }
    return new ClusterException(code, reason, message + target);
  }

  /** client-go keeps at most this much of a body that is not a Status. */
  private static final int MAX_UNSTRUCTURED_BODY = 2048;

  /**
   * What client-go appends to a generic answer: {@code " (get pods)"}, {@code " (get deployments.apps web)"},
   * the lower-cased verb, the group-qualified resource and the name, read off the request path.
   */
  static String requestTarget(String method, String path) {
    if (method == null || path == null) return "";
    String[] parts = path.split("\\?", 2)[0].replaceAll("^/+|/+$", "").split("/");
    int i;
    String group;
    if (parts.length >= 2 && parts[0].equals("api")) {
      group = "";
      i = 2;
    } else if (parts.length >= 3 && parts[0].equals("apis")) {
      group = parts[1];
      i = 3;
    } else {
      return "";
    }
    if (parts.length > i + 2 && parts[i].equals("namespaces")) i += 2;
    if (parts.length <= i) return "";
    String resource = group.isEmpty() ? parts[i] : parts[i] + "." + group;
    String name = parts.length > i + 1 ? " " + parts[i + 1] : "";
    return " (" + method.toLowerCase(java.util.Locale.ROOT) + " " + resource + name + ")";
  }

  /** Go's {@code %q} for the text it is given: quotes, backslashes and control characters escaped. */
  static String goQuoted(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }

  /** An exception from the client library: an API status if it carries one, else a transport failure. */
  static ClusterException fromClientException(KubernetesClientException e, URI server) {
    if (e.getStatus() != null && e.getCode() > 0) return fromStatus(e.getCode(), e.getStatus());
    if (e.getCode() > 0) return generic(e.getCode(), null, "");
    return fromTransport(e, server);
  }

  /**
   * A failure before any HTTP answer, worded as kubectl words Go's dial and TLS errors. Connection
   * refused has its own sentence; everything else is {@code Unable to connect to the server: ...}.
   */
  static ClusterException fromTransport(Throwable failure, URI server) {
    String host = server.getHost() == null ? String.valueOf(server) : server.getHost();
    String authority = server.getRawAuthority() == null ? host : server.getRawAuthority();
    int port = server.getPort() > 0 ? server.getPort() : "http".equals(server.getScheme()) ? 80 : 443;
    String dial = host + ":" + port;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpConnectTimeoutException) {
        return transport("Unable to connect to the server: dial tcp " + dial + ": i/o timeout");
      }
      if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
        return transport("Unable to connect to the server: net/http: request canceled (Client.Timeout exceeded while awaiting headers)");
      }
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return transport("Unable to connect to the server: dial tcp: lookup " + host + ": no such host");
      }
      if (t instanceof ConnectException) {
        String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (m.contains("no route")) {
          return transport("Unable to connect to the server: dial tcp " + dial + ": connect: no route to host");
        }
        if (m.contains("timed out")) {
          return transport("Unable to connect to the server: dial tcp " + dial + ": i/o timeout");
        }
        return transport("The connection to the server " + authority + " was refused - did you specify the right host or port?");
      }
      if (t instanceof SSLHandshakeException || t instanceof SSLException) {
        String m = String.valueOf(t.getMessage());
        if (m.contains("PKIX") || m.contains("certification path") || m.contains("unable to find valid")) {
          return transport("Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority");
        }
        if (m.contains("No subject alternative") || m.contains("hostname")) {
          return transport("Unable to connect to the server: tls: failed to verify certificate: x509: certificate is valid for other names, not " + host);
        }
        return transport("Unable to connect to the server: tls: " + m);
      }
    }
    Throwable root = failure;
    while (root.getCause() != null) root = root.getCause();
    String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return transport("Unable to connect to the server: " + detail);
  }

  /** A failure without an API status (code 0): {@link ClusterException#toKubectlMessage} prints it as is. */
  private static ClusterException transport(String message) {
    return new ClusterException(0, "", message);
  }
}
