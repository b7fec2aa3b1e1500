package io.kubetutor.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into words the way a POSIX shell does for the cases students type: single quotes
 * (literal), double quotes (backslash escapes {@code \" \\ \$}), backslash outside quotes, and
 * whitespace separators. So {@code -o jsonpath='{.items[*].metadata.name}'} arrives as one word.
 */
public final class CommandLineSplitter {

  private CommandLineSplitter() {}

  /** Thrown for an unterminated quote; the message is shell-like. */
  public static final class UnterminatedQuoteException extends IllegalArgumentException {
    UnterminatedQuoteException(char quote) {
      super("unexpected EOF while looking for matching `" + quote + "'");
    }
  }

  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    for (Token t : scan(line, false)) words.add(t.text());
    return words;
  }

  /** A word, or (when operators are looked for) an unquoted {@code |}, {@code >}, {@code >>}, {@code 2>} or {@code <}. */
  record Token(String text, boolean operator) {}

  /**
   * A line as a pipeline, as a POSIX shell reads the unquoted operators: the command, the text
   * filters its output goes through, the file its output goes to ({@code > FILE}, {@code >> FILE}),
   * where its errors go ({@code 2> FILE}, or {@code &1} to join the output), and the file it reads
   * as its input ({@code < FILE}).
   */
  public record CommandLine(List<String> command, List<List<String>> filters, String redirect, boolean append,
                            String errors, String input) {
    public boolean plain() { return filters.isEmpty() && redirect == null && errors == null && input == null; }
  }

  /** Thrown for a pipeline a shell would refuse: an empty stage or a redirection without a file. */
  public static final class SyntaxException extends IllegalArgumentException {
    SyntaxException(String token) {
      super("syntax error near unexpected token `" + token + "'");
    }
  }

  public static CommandLine pipeline(String line) {
    List<List<String>> stages = new ArrayList<>();
    List<String> stage = new ArrayList<>();
    String redirect = null;
    String errors = null;
    String input = null;
    boolean append = false;
    List<Token> tokens = scan(line, true);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.operator()) {
        stage.add(t.text());
      } else if (t.text().equals("|")) {
        if (stage.isEmpty()) throw new SyntaxException("|");
        stages.add(stage);
        stage = new ArrayList<>();
      } else {
        Token file = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        if (file == null || file.operator()) throw new SyntaxException(file == null ? "newline" : file.text());
        if (t.text().equals("2>")) {
          errors = file.text();
        } else if (t.text().equals("<")) {
          if (!stages.isEmpty()) throw new IllegalArgumentException("< FILE gives input to the first command of a pipe only");
          input = file.text();
        } else {
          redirect = file.text();
          append = t.text().equals(">>");
        }
        i++;
      }
    }
    if (stage.isEmpty()) {
      if (!stages.isEmpty() || redirect != null || errors != null || input != null) {
        throw new SyntaxException("newline");
      }
      return new CommandLine(List.of(), List.of(), null, false, null, null);
    }
    stages.add(stage);
    return new CommandLine(stages.get(0), stages.subList(1, stages.size()), redirect, append, errors, input);
  }

  /** Whether the word just ended is a bare {@code 2} written right before the {@code >} at {@code at}. */
  private static boolean endsWithTwo(String line, int at, List<Token> words) {
    Token last = words.get(words.size() - 1);
    return !last.operator() && last.text().equals("2") && at > 0 && line.charAt(at - 1) == '2'
        && (at == 1 || Character.isWhitespace(line.charAt(at - 2)));
  }

  private static List<Token> scan(String line, boolean operators) {
    List<Token> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) throw new UnterminatedQuoteException('\'');
        cur.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char d = line.charAt(i);
          if (d == '"') { closed = true; i++; break; }
          if (d == '\\' && i + 1 < n && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
            cur.append(line.charAt(i + 1));
            i += 2;
            continue;
          }
          cur.append(d);
          i++;
        }
        if (!closed) throw new UnterminatedQuoteException('"');
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 < n) cur.append(line.charAt(i + 1));
        i += 2;
        inWord = true;
      } else if (Character.isWhitespace(c) || (operators && (c == '|' || c == '>' || c == '<'))) {
        if (inWord) {
          words.add(new Token(cur.toString(), false));
          cur.setLength(0);
          inWord = false;
        }
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '>' && words.size() > 0 && endsWithTwo(line, i, words)) {
          words.set(words.size() - 1, new Token("2>", true));  // "2>": the digit touches the operator
          i++;
        } else if (c == '>' && i + 1 < n && line.charAt(i + 1) == '>') {
          words.add(new Token(">>", true));
          i += 2;
        } else {
          words.add(new Token(String.valueOf(c), true));
          i++;
        }
      } else {
        cur.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) words.add(new Token(cur.toString(), false));
    return words;
  }
}
