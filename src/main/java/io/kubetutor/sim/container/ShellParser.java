package io.kubetutor.sim.container;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell script into the small grammar the interpreter runs: lists joined by {@code ;},
 * newline, {@code &&} and {@code ||}; simple commands with {@code >}/{@code >>}/{@code 2>}
 * redirections; {@code while}/{@code until} loops. Words keep their quoting so that expansion
 * can treat {@code '...'}, {@code "..."} and bare text the way sh does.
 */
final class ShellParser {

  /** A piece of a word: {@code quote} is 0 for bare text, '\'' or '"' for quoted text. */
  record Part(String text, char quote) {}

  record Word(List<Part> parts) {
    String literal() {
      StringBuilder b = new StringBuilder();
      for (Part p : parts) b.append(p.text);
      return b.toString();
    }

    boolean bare() {
      return parts.size() == 1 && parts.get(0).quote == 0;
    }
  }

  /** A redirection of stdout ({@code fd 1}) or stderr ({@code fd 2}) into a file. */
  record Redirect(int fd, boolean append, Word target) {}

  sealed interface Node permits Simple, Sequence, AndOr, Loop {}

  record Simple(List<Word> words, List<Redirect> redirects) implements Node {}

  record Sequence(List<Node> items) implements Node {}

  /** {@code left op right} where op is "&&" or "||". */
  record AndOr(Node left, String op, Node right) implements Node {}

  /** {@code while cond; do body; done} ({@code until} negates the condition). */
  record Loop(boolean until, Node condition, Node body) implements Node {}

  static final class SyntaxError extends RuntimeException {
    SyntaxError(String message) {
      super(message);
    }
  }

  private final List<Object> tokens;
  private int pos;

  private ShellParser(List<Object> tokens) {
    this.tokens = tokens;
  }

  static Node parse(String script) {
    ShellParser p = new ShellParser(tokenize(script));
    Node n = p.list(List.of());
    if (p.pos < p.tokens.size()) {
      throw new SyntaxError("Syntax error: \"" + p.tokens.get(p.pos) + "\" unexpected");
    }
    return n;
  }

  // ---- grammar

  private Node list(List<String> terminators) {
    List<Node> items = new ArrayList<>();
    while (true) {
      skipSeparators();
      if (pos >= tokens.size() || atKeyword(terminators)) break;
      items.add(andOr(terminators));
    }
    return items.size() == 1 ? items.get(0) : new Sequence(items);
  }

  private Node andOr(List<String> terminators) {
    Node left = command(terminators);
    while (pos < tokens.size() && (tokens.get(pos).equals("&&") || tokens.get(pos).equals("||"))) {
      String op = (String) tokens.get(pos++);
      while (pos < tokens.size() && tokens.get(pos).equals("\n")) pos++;
      left = new AndOr(left, op, command(terminators));
    }
    return left;
  }

  private Node command(List<String> terminators) {
    if (atKeyword(List.of("while", "until"))) {
      boolean until = keyword().equals("until");
      pos++;
      Node cond = list(List.of("do"));
      expectKeyword("do");
      Node body = list(List.of("done"));
      expectKeyword("done");
      return new Loop(until, cond, body);
    }
    List<Word> words = new ArrayList<>();
    List<Redirect> redirects = new ArrayList<>();
    while (pos < tokens.size()) {
      Object t = tokens.get(pos);
      if (t instanceof Word w) {
        if (words.isEmpty() && terminators.contains(w.literal()) && w.bare()) break;
        words.add(w);
        pos++;
      } else if (t.equals(">") || t.equals(">>") || t.equals("2>") || t.equals("2>>")) {
        pos++;
        if (pos >= tokens.size() || !(tokens.get(pos) instanceof Word target)) {
          throw new SyntaxError("Syntax error: newline unexpected");
        }
        pos++;
        String op = (String) t;
        redirects.add(new Redirect(op.startsWith("2") ? 2 : 1, op.endsWith(">>"), target));
      } else {
        break;
      }
    }
    if (words.isEmpty() && redirects.isEmpty()) {
      throw new SyntaxError("Syntax error: \"" + (pos < tokens.size() ? tokens.get(pos) : "end of file") + "\" unexpected");
    }
    return new Simple(words, redirects);
  }

  private void skipSeparators() {
    while (pos < tokens.size() && (tokens.get(pos).equals(";") || tokens.get(pos).equals("\n"))) pos++;
  }

  private boolean atKeyword(List<String> keywords) {
    return pos < tokens.size() && tokens.get(pos) instanceof Word w && w.bare() && keywords.contains(w.literal());
  }

  private String keyword() {
    return ((Word) tokens.get(pos)).literal();
  }

  private void expectKeyword(String k) {
    if (!atKeyword(List.of(k))) throw new SyntaxError("Syntax error: end of file unexpected (expecting \"" + k + "\")");
    pos++;
  }

  // ---- lexer

  static List<Object> tokenize(String s) {
    List<Object> out = new ArrayList<>();
    List<Part> parts = new ArrayList<>();
    StringBuilder bare = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\'' ) {
        int end = s.indexOf('\'', i + 1);
        if (end < 0) throw new SyntaxError("Syntax error: Unterminated quoted string");
        flush(bare, parts);
        parts.add(new Part(s.substring(i + 1, end), '\''));
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        StringBuilder q = new StringBuilder();
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '"') {
          char d = s.charAt(j);
          if (d == '\\' && j + 1 < s.length() && "\"\\$`\n".indexOf(s.charAt(j + 1)) >= 0) {
            // An escaped '$' must not expand: keep it marked with a backslash for the expander.
            q.append(s.charAt(j + 1) == '$' ? "\\$" : String.valueOf(s.charAt(j + 1)));
            j += 2;
          } else {
            q.append(d);
            j++;
          }
        }
        if (j >= s.length()) throw new SyntaxError("Syntax error: Unterminated quoted string");
        flush(bare, parts);
        parts.add(new Part(q.toString(), '"'));
        inWord = true;
        i = j + 1;
      } else if (c == '\\' && i + 1 < s.length()) {
        flush(bare, parts);
        if (s.charAt(i + 1) != '\n') parts.add(new Part(String.valueOf(s.charAt(i + 1)), '\''));
        inWord = true;
        i += 2;
      } else if (c == ' ' || c == '\t') {
        inWord = endWord(out, bare, parts, inWord);
        i++;
      } else if (c == '#' && !inWord) {
        while (i < s.length() && s.charAt(i) != '\n') i++;
      } else if (c == '\n' || c == ';') {
        inWord = endWord(out, bare, parts, inWord);
        out.add(String.valueOf(c));
        i++;
      } else if (s.startsWith("&&", i) || s.startsWith("||", i)) {
        inWord = endWord(out, bare, parts, inWord);
        out.add(s.substring(i, i + 2));
        i += 2;
      } else if (!inWord && s.startsWith("2>&1", i)) {
        // stderr already goes where stdout goes in a container log
        i += 4;
      } else if (!inWord && (s.startsWith("2>>", i) || s.startsWith("2>", i))) {
        String op = s.startsWith("2>>", i) ? "2>>" : "2>";
        out.add(op);
        i += op.length();
      } else if (c == '>') {
        inWord = endWord(out, bare, parts, inWord);
        String op = s.startsWith(">>", i) ? ">>" : ">";
        out.add(op);
        i += op.length();
      } else if (c == '|' || c == '&' || c == '(' || c == ')' || c == '<') {
        throw new SyntaxError("unsupported: " + c);
      } else {
        bare.append(c);
        inWord = true;
        i++;
      }
    }
    endWord(out, bare, parts, inWord);
    return out;
  }

  private static void flush(StringBuilder bare, List<Part> parts) {
    if (bare.length() > 0) {
      parts.add(new Part(bare.toString(), (char) 0));
      bare.setLength(0);
    }
  }

  private static boolean endWord(List<Object> out, StringBuilder bare, List<Part> parts, boolean inWord) {
    if (inWord) {
      flush(bare, parts);
      out.add(new Word(List.copyOf(parts)));
      parts.clear();
    }
    return false;
  }
}
