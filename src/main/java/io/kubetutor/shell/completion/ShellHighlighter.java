package io.kubetutor.shell.completion;

import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.shell.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the line as it is typed: a known command or verb bold green, a resource type cyan, flags
 * yellow, and a word the shell will not understand (unknown command, verb or type) red, so a typo
 * shows before Enter.
 */
public final class ShellHighlighter implements Highlighter {

  static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.GREEN);
  static final AttributedStyle TYPE = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  static final AttributedStyle FLAG = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
  static final AttributedStyle UNKNOWN = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);

  /** A word and where it sits in the line (quotes kept), so styles land on the typed characters. */
  record Word(String text, int start, int end) {}

  private final Session session;

  public ShellHighlighter(Session session) {
    this.session = session;
  }

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    return highlight(buffer);
  }

  public AttributedString highlight(String buffer) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    int pos = 0;
    List<Word> words = words(buffer);
    boolean kubectl = false;
    int positional = 0;
    int commandAt = 0;  // the word that names a command: the first, or the first after a pipe
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      sb.append(buffer.substring(pos, w.start()));
      AttributedStyle style = AttributedStyle.DEFAULT;
      String t = w.text();
      if (t.equals("|")) {
        commandAt = i + 1;
        kubectl = false;
      } else if (i == commandAt && i > 0) {
        style = io.kubetutor.shell.pipe.TextFilters.NAMES.contains(t) ? COMMAND : UNKNOWN;
      } else if (i == 0) {
        if (t.startsWith("#")) {
          sb.append(buffer.substring(w.start()), AttributedStyle.DEFAULT.faint());
          return sb.toAttributedString();
        }
        kubectl = t.equals("kubectl") || t.equals("k");
        boolean known = kubectl || session.builtins().containsKey(t) || t.startsWith("!");
        style = known ? COMMAND : UNKNOWN;
      } else if (t.startsWith("-") && t.length() > 1) {
        style = FLAG;
      } else if (kubectl) {
        positional++;
        if (positional == 1) {
          style = session.kubectl().verbNames().contains(t) ? COMMAND : UNKNOWN;
        } else if (positional == 2 && isTypeWord(t)) {
          style = TYPE;
        }
      }
      // Never colour the word still being typed red: half a verb is not a mistake yet.
      if (style == UNKNOWN && w.end() == buffer.length()) style = AttributedStyle.DEFAULT;
      sb.append(buffer.substring(w.start(), w.end()), style);
      pos = w.end();
    }
    sb.append(buffer.substring(pos));
    return sb.toAttributedString();
  }

  private static boolean isTypeWord(String t) {
    String type = t.contains("/") ? t.substring(0, t.indexOf('/')) : t;
    for (String part : type.split(",")) {
      if (ResourceKind.lookup(part).isEmpty()) return false;
    }
    return true;
  }

  /** Splits like a shell: whitespace separates, quotes group (an unclosed quote runs to the end). */
  static List<Word> words(String buffer) {
    List<Word> out = new ArrayList<>();
    int i = 0;
    int n = buffer.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(buffer.charAt(i))) i++;
      if (i >= n) break;
      int start = i;
      StringBuilder text = new StringBuilder();
      char quote = 0;
      while (i < n && (quote != 0 || !Character.isWhitespace(buffer.charAt(i)))) {
        char c = buffer.charAt(i);
        if (quote != 0) {
          if (c == quote) quote = 0;
          else text.append(c);
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '\\' && i + 1 < n) {
          text.append(buffer.charAt(++i));
        } else {
          text.append(c);
        }
        i++;
      }
      out.add(new Word(text.toString(), start, i));
    }
    return out;
  }

  @Override public void setErrorPattern(Pattern errorPattern) {}

  @Override public void setErrorIndex(int errorIndex) {}
}
