package io.kubetutor.shell.builtins;

import io.kubetutor.lesson.LessonRunner;
import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code solution [--yes] [--run]}: after confirmation, shows (or replays) the step's solution commands. */
public final class SolutionBuiltin implements Builtin {

  @Override public String name() { return "solution"; }
  @Override public String summary() { return "Show the solution of the current step (--run replays it, --yes skips the question)"; }

  @Override
  public int run(List<String> args, Session session) throws Exception {
    LessonRunner runner = LessonRunner.of(session);
    if (runner.lesson() == null) {
      session.err().println("error: no lesson started (try: lesson list)");
      return 1;
    }
    for (String a : args) {
      if (!a.equals("--run") && !a.equals("--yes")) {
        session.err().println("error: unknown flag: " + a);
        return 2;
      }
    }
    if (!args.contains("--yes")) {
      session.out().print("Show the solution? Trying first teaches more. [y/N] ");
      session.out().flush();
      String reply = new BufferedReader(new InputStreamReader(session.in(), StandardCharsets.UTF_8)).readLine();
      if (reply == null || !reply.strip().toLowerCase().startsWith("y")) {
        session.out().println("Not shown.");
        return 1;
      }
    }
    List<String> commands = runner.currentStep().solution();
    if (!args.contains("--run")) {
      for (String c : commands) session.out().println("  " + c);
      return 0;
    }
    int status = 0;
    for (String c : commands) {
      session.out().println("$ " + c);
      status = Math.max(status, session.execute(c));
    }
    return status;
  }
}
