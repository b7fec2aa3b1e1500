package io.kubetutor.shell;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * A session on the virtual-clock simulator with in-memory stdout/stderr, for tests of verbs,
 * built-ins and lessons. {@link #run} returns what one command printed.
 */
public final class SessionHarness implements AutoCloseable {

  /** What one command printed, and its exit status. */
  public record Result(int exit, String out, String err) {}

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Session session;

  public SessionHarness(Path workdir) {
    this(SessionOptions.forTests(workdir));
  }

  public SessionHarness(SessionOptions options) {
    session = new Session(options, new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]));
  }

  public Session session() { return session; }

  public Result run(String line) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    int code = session.execute(line);
    return new Result(code, out.toString(), err.toString());
  }

  @Override
  public void close() {
    session.close();
  }
}
