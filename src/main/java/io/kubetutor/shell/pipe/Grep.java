package io.kubetutor.shell.pipe;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code grep [-i] [-v] [-c] [-n] [-w] [-E|-F] [-e] PATTERN}: status 0 when a line was selected, else 1. */
final class Grep implements LineFilter {

  private final Pattern pattern;
  private final boolean invert;
  private final boolean countOnly;
  private final boolean numbered;
  private int lineNumber;
  private int selected;

  Grep(List<String> args) throws FilterException {
    FilterArgs a = new FilterArgs("grep", args, "ivcnwEFH", "e");
    String expr = a.value('e');
    if (expr == null) {
      if (a.operands.isEmpty()) throw new FilterException("Usage: grep [OPTION]... PATTERNS [FILE]...");
      expr = a.operands.remove(0);
    }
    a.noFiles();
    String regex = a.has('F') ? Pattern.quote(expr) : a.has('E') ? expr : basicToJava(expr);
    if (a.has('w')) regex = "(?<![\\w])(?:" + regex + ")(?![\\w])";
    try {
      pattern = Pattern.compile(regex, a.has('i') ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    } catch (PatternSyntaxException e) {
      throw new FilterException("grep: invalid regular expression: " + expr);
    }
    invert = a.has('v');
    countOnly = a.has('c');
    numbered = a.has('n');
  }

  /** A POSIX basic expression: {@code + ? | ( ) { }} are plain characters unless escaped. */
  static String basicToJava(String bre) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < bre.length(); i++) {
      char c = bre.charAt(i);
      if (c == '\\' && i + 1 < bre.length()) {
        char d = bre.charAt(++i);
        if ("+?|(){}".indexOf(d) >= 0) sb.append(d);
        else sb.append('\\').append(d);
      } else if ("+?|(){}".indexOf(c) >= 0) {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  @Override
  public void line(String line, Consumer<String> emit) {
    lineNumber++;
    if (pattern.matcher(line).find() == invert) return;
    selected++;
    if (!countOnly) emit.accept(numbered ? lineNumber + ":" + line : line);
  }

  @Override
  public void end(Consumer<String> emit) {
    if (countOnly) emit.accept(String.valueOf(selected));
  }

  @Override
  public int status() { return selected > 0 ? 0 : 1; }
}
