package io.kubetutor.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Runs commands line by line without a terminal (piped stdin, {@code run FILE}, {@code -c}):
 * the same output as the interactive shell minus prompts, stdout and stderr kept apart.
 * With {@code echo}, each command is printed as {@code $ CMD} first, which makes a transcript.
 */
public final class ScriptRunner {

  private final Session session;
  private final boolean echo;

  public ScriptRunner(Session session, boolean echo) {
    this.session = session;
    this.echo = echo;
  }

  /** Returns 0 when every command succeeded, else 1. */
  public int run(BufferedReader lines) throws IOException {
    boolean failed = false;
    String line;
    PrintWriter out = session.out();
    while (!session.exitRequested() && (line = lines.readLine()) != null) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
      if (echo) {
        out.println("$ " + trimmed);
        out.flush();
      }
      if (session.execute(trimmed) != 0) failed = true;
    }
    return failed ? 1 : 0;
  }
}
