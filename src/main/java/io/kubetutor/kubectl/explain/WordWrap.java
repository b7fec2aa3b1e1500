package io.kubetutor.kubectl.explain;

/**
 * The word wrapping kubectl applies to explain descriptions (kubectl's {@code term.WordWrapWriter}, which
 * follows the go-wordwrap rules): breaks only at whitespace, keeps existing line breaks, never splits a word,
 * and lets a word longer than the limit (a URL) run past it on a line of its own.
 */
final class WordWrap {

  private WordWrap() {}

  static String wrap(String s, int limit) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    StringBuilder word = new StringBuilder();
    StringBuilder space = new StringBuilder();
    int current = 0;
    for (int i = 0; i < s.length(); ) {
      int ch = s.codePointAt(i);
      i += Character.charCount(ch);
      if (ch == '\n') {
        if (word.length() == 0) {
          // Trailing spaces before a line break survive only if they fit.
          if (current + space.length() <= limit) out.append(space);
        } else {
          out.append(space).append(word);
          word.setLength(0);
        }
        space.setLength(0);
        out.append('\n');
        current = 0;
      } else if (Character.isWhitespace(ch) && ch != '\u00a0') {
        if (space.length() == 0 || word.length() > 0) {
          current += space.length() + word.length();
          out.append(space).append(word);
          space.setLength(0);
          word.setLength(0);
        }
        space.appendCodePoint(ch);
      } else {
        word.appendCodePoint(ch);
        if (current + space.length() + word.length() > limit && word.length() < limit) {
          // The word no longer fits: start a new line and drop the space that preceded it.
          out.append('\n');
          current = 0;
          space.setLength(0);
        }
      }
    }
    if (word.length() == 0) {
      if (current + space.length() <= limit) out.append(space);
    } else {
      out.append(space).append(word);
    }
    return out.toString();
  }

  /** Go template {@code indent}: pads the first line and every line after a break, blank ones included. */
  static String indent(String s, int amount) {
    String pad = " ".repeat(amount);
    return pad + s.replace("\n", "\n" + pad);
  }
}
