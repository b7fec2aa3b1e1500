package io.kubetutor.shell.pipe;

import java.util.ArrayList;
import java.util.List;

/** The words after a filter's name: single-letter flags (bundled or not), options with a value, operands. */
final class FilterArgs {

  final String name;
  final StringBuilder flags = new StringBuilder();
  final List<String> operands = new ArrayList<>();
  private final java.util.Map<Character, String> values = new java.util.HashMap<>();

  /** {@code withValue}: flags that take the next word (or the rest of their own word) as their value. */
  FilterArgs(String name, List<String> args, String allowed, String withValue) throws FilterException {
    this.name = name;
    boolean done = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!done && a.equals("--")) {
        done = true;
      } else if (!done && a.matches("-[0-9]+") && withValue.indexOf('n') >= 0) {
        values.put('n', a.substring(1));  // head -5, tail -3
      } else if (!done && a.startsWith("-") && a.length() > 1) {
        for (int j = 1; j < a.length(); j++) {
          char c = a.charAt(j);
          if (withValue.indexOf(c) >= 0) {
            String v = j + 1 < a.length() ? a.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
            if (v == null) throw new FilterException(name + ": option requires an argument -- '" + c + "'");
            values.put(c, v);
            break;
          }
          if (allowed.indexOf(c) < 0) {
            throw new FilterException(name + ": invalid option -- '" + c + "'");
          }
          flags.append(c);
        }
      } else {
        operands.add(a);
      }
    }
  }

  boolean has(char c) { return flags.indexOf(String.valueOf(c)) >= 0; }

  String value(char c) { return values.get(c); }

  /** A line count such as head's {@code -n 5}: a non-negative number, else the tool's own complaint. */
  int count(char c, int fallback, String what) throws FilterException {
    String v = values.get(c);
    if (v == null) return fallback;
    try {
      int n = Integer.parseInt(v.startsWith("+") ? v.substring(1) : v);
      if (n >= 0) return n;
    } catch (NumberFormatException e) {
      // falls through to the complaint
    }
    throw new FilterException(name + ": invalid number of " + what + ": '" + v + "'");
  }

  /** Filters here read only what comes down the pipe. */
  void noFiles() throws FilterException {
    if (!operands.isEmpty()) {
      throw new FilterException(name + ": reads only its input in a kubetutor pipe; give no file (\""
          + operands.get(0) + "\")");
    }
  }
}
