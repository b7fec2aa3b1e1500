package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code !CMD}: runs a command on the host through {@code sh -c}, in the session's directory. For
 * the student's own convenience (git, an editor); refused while grading. Simulated containers never
 * come here.
 */
public final class HostCommandBuiltin implements Builtin {
  @Override public String name() { return "!"; }
  @Override public String summary() { return "run a host command (!ls -la, !git status)"; }
  @Override public boolean allowedInGrading() { return false; }

  @Override
  public int run(List<String> args, Session session) throws Exception {
    if (args.isEmpty()) {
      session.err().println("usage: !COMMAND [ARGS...]");
      return 1;
    }
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", String.join(" ", args.stream().map(HostCommandBuiltin::quote).toList()))
        .directory(session.workdir().toFile())
        .redirectErrorStream(false);
    if (session.options().interactive()) pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    Thread errPump = new Thread(() -> pump(p.getErrorStream(), session.err()));
    errPump.start();
    try {
      pump(p.getInputStream(), session.out());
      int code = p.waitFor();
      errPump.join();
      return code;
    } catch (InterruptedException e) {
      p.destroyForcibly();
      throw e;
    }
  }

  /** Words were split by the shell already; quote them again so sh sees the same words. */
  private static String quote(String word) {
    return word.matches("[A-Za-z0-9_./=:,@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  private static void pump(InputStream in, java.io.PrintWriter to) {
    try (in) {
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        synchronized (to) {
          to.write(new String(buf, 0, n, StandardCharsets.UTF_8));
          to.flush();
        }
      }
    } catch (java.io.IOException ignored) {
      // The process went away; what it printed so far has been passed on.
    }
  }
}
