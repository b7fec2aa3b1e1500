package io.kubetutor.lesson.markdown;

import java.util.regex.Pattern;

/** SGR styling that disappears when colour is off, and the visible width of styled text. */
public record Ansi(boolean on) {

  private static final Pattern ESCAPE = Pattern.compile("\u001B\\[[0-9;]*m");

  /** {@code text} wrapped in SGR {@code code} and a reset; the text itself without colour. */
  public String style(String code, String text) {
    return on && !text.isEmpty() ? "\u001B[" + code + "m" + text + "\u001B[0m" : text;
  }

  public static String strip(String text) {
    return ESCAPE.matcher(text).replaceAll("");
  }

  public static int visibleLength(String text) {
    return strip(text).codePointCount(0, strip(text).length());
  }
}
