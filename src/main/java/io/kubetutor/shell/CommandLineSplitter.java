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
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
        i++;
      } else {
        cur.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) words.add(cur.toString());
    return words;
  }
}
