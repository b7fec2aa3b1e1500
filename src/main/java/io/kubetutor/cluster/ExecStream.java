package io.kubetutor.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.http.WebSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code exec} over the Kubernetes streaming websocket protocol ({@code v4}/{@code v5.channel.k8s.io}):
 * each binary frame starts with its channel byte (1 stdout, 2 stderr, 3 the final status).
 *
 * <p>Frames are copied into the buffers on the listener's own call, which the HTTP client makes
 * one frame at a time and in order. So by the time the status frame arrives every byte of output
 * before it is already in place; the result is complete when {@link #result()} completes. (fabric8's
 * own exec hands frames to a second executor and completes its exit code on the first, so the
 * last output could still be in flight when the exit code was read.)
 */
final class ExecStream implements WebSocket.Listener {

  static final String V4 = "v4.channel.k8s.io";
  /** v5 adds a close signal for stdin, so a command reading its input sees the end of it. */
  static final String V5 = "v5.channel.k8s.io";

  private static final byte STDIN = 0;
  private static final byte STDOUT = 1;
  private static final byte STDERR = 2;
  private static final byte STATUS = 3;
  private static final byte CLOSE = (byte) 255;

  private final byte[] stdin;
  private final boolean closeStdin;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream status = new ByteArrayOutputStream();
  private final CompletableFuture<Cluster.ExecResult> result = new CompletableFuture<>();

  /**
   * @param stdin bytes to send on the stdin channel, or null when the command gets no input
   * @param closeStdin whether the protocol spoken ({@link #V5}) can tell the command its input ended
   */
  ExecStream(byte[] stdin, boolean closeStdin) {
    this.stdin = stdin;
    this.closeStdin = closeStdin;
  }

  /** Completes with the output and exit code when the status arrives or the server closes the stream. */
  CompletableFuture<Cluster.ExecResult> result() {
    return result;
  }

  @Override
  public void onOpen(WebSocket ws) {
    if (stdin != null) {
      if (stdin.length > 0) ws.send(framed(STDIN, stdin));
      if (closeStdin) ws.send(ByteBuffer.wrap(new byte[] {CLOSE, STDIN}));
    }
    ws.request();
  }

  @Override
  public void onMessage(WebSocket ws, ByteBuffer frame) {
    if (frame.hasRemaining()) {
      byte channel = frame.get();
      byte[] data = new byte[frame.remaining()];
      frame.get(data);
      synchronized (this) {
        switch (channel) {
          case STDOUT -> out.writeBytes(data);
          case STDERR -> err.writeBytes(data);
          case STATUS -> status.writeBytes(data);
          default -> { } // resize or unknown channels carry nothing for us
        }
      }
      // The kubelet writes the status last, after the command's output has been copied; the
      // caller closes the socket once it has the result.
      if (channel == STATUS) {
        finish();
        return;
      }
    }
    ws.request();
  }

  @Override
  public void onMessage(WebSocket ws, String text) {
    ws.request();  // the binary protocols send no text frames
  }

  @Override
  public void onClose(WebSocket ws, int code, String reason) {
    finish();  // no status frame: the command ended without one, which kubectl takes as success
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    result.completeExceptionally(error);
  }

  /** What arrived so far, for a stream cut short by the time limit. */
  synchronized Cluster.ExecResult partial() {
    return new Cluster.ExecResult(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), 0);
  }

  private void finish() {
    Cluster.ExecResult r;
    int code;
    synchronized (this) {
      try {
        code = exitCode(status.toString(StandardCharsets.UTF_8));
      } catch (ClusterException failure) {
        result.completeExceptionally(failure);
        return;
      }
      r = new Cluster.ExecResult(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), code);
    }
    result.complete(r);
  }

  /**
   * The exit code in the status frame, read as client-go's v4 error decoder reads it: {@code Success}
   * is 0, a {@code NonZeroExitCode} failure carries the number in its {@code ExitCode} cause, and any
   * other failure (the command could not be started) is an error, not an exit code.
   */
  static int exitCode(String statusJson) {
    if (statusJson.isBlank()) return 0;
    JsonNode s;
    try {
      s = Objects.JSON.readTree(statusJson);
    } catch (IOException e) {
      throw new ClusterException(0, "", "error executing remote command: " + statusJson.strip());
    }
    String state = s.path("status").asText();
    if ("Success".equals(state)) return 0;
    if (!"Failure".equals(state)) {
      throw new ClusterException(0, "", "error executing remote command: unknown status \"" + state + "\"");
    }
    if ("NonZeroExitCode".equals(s.path("reason").asText())) {
      for (JsonNode cause : s.path("details").path("causes")) {
        if ("ExitCode".equals(cause.path("reason").asText())) {
          try {
            return Integer.parseInt(cause.path("message").asText());
          } catch (NumberFormatException e) {
            throw new ClusterException(0, "", "error executing remote command: invalid exit code value \""
                + cause.path("message").asText() + "\"");
          }
        }
      }
      throw new ClusterException(0, "", "error executing remote command: no exit code in " + s.path("message").asText());
    }
    throw new ClusterException(0, "", "error executing remote command: " + s.path("message").asText());
  }

  private static ByteBuffer framed(byte channel, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(data.length + 1);
    b.put(channel).put(data).flip();
    return b;
  }
}
