package io.kubetutor.shell;

import java.util.List;

/** Which help the line being typed asks for (Alt-H / F1): the kubectl verb, the built-in, or the overview. */
final class HelpTopic {

  private HelpTopic() {}

  static String helpFor(Session session, String beforeCursor, String line) {
    List<String> words;
    try {
      words = CommandLineSplitter.split(line.isBlank() ? beforeCursor : line);
    } catch (IllegalArgumentException e) {
      words = List.of(line.trim().split("\\s+"));
    }
    if (words.isEmpty() || words.get(0).isEmpty()) {
      return "Type a command: kubectl VERB ... (or k VERB ...), or a shell command. \"help\" lists them all.";
    }
    String first = words.get(0);
    if (first.equals("kubectl") || first.equals("k")) {
      if (words.size() > 1 && session.kubectl().verbNames().contains(words.get(1))) {
        return session.kubectl().help(words.get(1));
      }
      return session.kubectl().rootHelp();
    }
    Builtin b = session.builtins().get(first);
    if (b != null) return b.usage();
    return "\"" + first + "\" is not a command. \"help\" lists the commands.";
  }
}
