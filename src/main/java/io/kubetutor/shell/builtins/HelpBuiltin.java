package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code help} lists every command with one line each; {@code help NAME} shows its usage. */
public final class HelpBuiltin implements Builtin {
  @Override public String name() { return "help"; }
  @Override public String summary() { return "list commands; help NAME shows one command's usage"; }

  @Override
  public int run(List<String> args, Session session) {
    PrintWriter out = session.out();
    if (!args.isEmpty()) {
      String name = args.get(0).equals("kubectl") && args.size() > 1 ? args.get(1) : args.get(0);
      Builtin b = session.builtins().get(name);
      if (b != null && !args.get(0).equals("kubectl")) {
        out.println(b.usage());
        return 0;
      }
      if (session.kubectl().verbNames().contains(name)) {
        out.print(session.kubectl().help(name));
        return 0;
      }
      if (name.equals("kubectl")) {
        out.print(session.kubectl().rootHelp());
        return 0;
      }
      session.err().println("error: no help for \"" + name + "\": not a command");
      return 1;
    }
    out.println("kubectl commands (type \"kubectl VERB\" or \"k VERB\"; \"help VERB\" for details):");
    for (String verb : session.kubectl().verbNames()) {
      out.printf("  %-16s %s%n", verb, session.kubectl().summary(verb));
    }
    out.println();
    out.println("Shell commands:");
    Map<String, Builtin> unique = new TreeMap<>();
    session.builtins().forEach((n, b) -> unique.putIfAbsent(b.name(), b));
    for (Builtin b : unique.values()) {
      String names = b.aliases().isEmpty() ? b.name() : b.name() + ", " + String.join(", ", b.aliases());
      out.printf("  %-16s %s%n", names, b.summary());
    }
    out.println();
    out.println("Pipes and files, as in a shell:");
    String[][] examples = {
        {"kubectl get pods | grep web", "output through " + String.join(", ", io.kubetutor.shell.pipe.TextFilters.NAMES)},
        {"kubectl get deploy web -o yaml > web.yml", "output to a file (>> adds to it)"},
        {"kubectl get pods nope 2>/dev/null", "errors to a file, nowhere, or with the output (2>&1)"},
        {"kubectl apply -f - < web.yml", "a file as the command's input"}};
    for (String[] e : examples) out.printf("  %-42s %s%n", e[0], e[1]);
    return 0;
  }
}
