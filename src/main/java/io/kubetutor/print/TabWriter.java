package io.kubetutor.print;

import java.util.ArrayList;
import java.util.List;

/**
 * Elastic tabstops exactly as Go's {@code text/tabwriter} lays them out, with the
 * {@code RememberWidths} flag of the fork kubectl uses (liggitt/tabwriter). Cells end at a tab; the
 * text after a line's last tab is not part of any column and is never padded. A column's width in a
 * block of consecutive lines is {@code max(minwidth, longest cell + padding)}, counted in code points
 * (ANSI colour sequences count as zero width).
 * A line without a tab ends every block (Go flushes there).
 *
 * <p>{@code kubectl get} uses minwidth 6, padding 3, remember widths; {@code kubectl describe} and
 * {@code rollout history} use minwidth 0, padding 2.
 */
public final class TabWriter {

  private final int minwidth;
  private final int padding;
  private final boolean rememberWidths;
  private final List<Integer> remembered = new ArrayList<>();
  private final List<List<String>> lines = new ArrayList<>();
  private final List<Integer> widths = new ArrayList<>();
  private final StringBuilder pendingCell = new StringBuilder();
  private List<String> pendingLine = new ArrayList<>();
  private final StringBuilder out = new StringBuilder();

  public TabWriter(int minwidth, int padding, boolean rememberWidths) {
    this.minwidth = minwidth;
    this.padding = padding;
    this.rememberWidths = rememberWidths;
  }

  /** The writer {@code kubectl get} uses. */
  public static TabWriter forGet() {
    return new TabWriter(6, 3, true);
  }

  /** The writer {@code kubectl describe} uses. */
  public static TabWriter forDescribe() {
    return new TabWriter(0, 2, false);
  }

  /** Forgets remembered widths (kubectl does this when the resource type changes). */
  public void resetRememberedWidths() {
    remembered.clear();
  }

  public TabWriter write(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t') {
        pendingLine.add(pendingCell.toString());
        pendingCell.setLength(0);
      } else if (c == '\n') {
        pendingLine.add(pendingCell.toString());
        pendingCell.setLength(0);
        int cells = pendingLine.size();
        lines.add(pendingLine);
        pendingLine = new ArrayList<>();
        if (cells == 1) formatPending();
      } else {
        pendingCell.append(c);
      }
    }
    return this;
  }

  /** Convenience: one row of cells, joined by tabs and ended by a newline. */
  public TabWriter row(String... cells) {
    return write(String.join("\t", cells) + "\n");
  }

  /** Lays out everything written so far and returns all text produced since the last call. */
  public String flush() {
    if (pendingCell.length() > 0 || !pendingLine.isEmpty()) {
      pendingLine.add(pendingCell.toString());
      pendingCell.setLength(0);
      lines.add(pendingLine);
      pendingLine = new ArrayList<>();
      formatPending();
      // The unterminated last line must not get a newline.
      if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') out.setLength(out.length() - 1);
    } else {
      formatPending();
    }
    String s = out.toString();
    out.setLength(0);
    return s;
  }

  private void formatPending() {
    if (lines.isEmpty()) return;
    widths.clear();
    format(0, lines.size());
    lines.clear();
  }

  private void format(int line0, int line1) {
    int column = widths.size();
    for (int current = line0; current < line1; current++) {
      if (column >= lines.get(current).size() - 1) continue;
      writeLines(line0, current);
      line0 = current;
      int width = minwidth;
      for (; current < line1; current++) {
        List<String> line = lines.get(current);
        if (column >= line.size() - 1) break;
        int w = codePoints(line.get(column)) + padding;
        if (w > width) width = w;
      }
      if (rememberWidths) {
        if (column < remembered.size()) {
          width = Math.max(width, remembered.get(column));
          remembered.set(column, width);
        } else {
          while (remembered.size() < column) remembered.add(0);
          remembered.add(width);
        }
      }
      widths.add(width);
      format(line0, current);
      widths.remove(widths.size() - 1);
      line0 = current;
      current--;  // the for-increment must not skip the line that ended the block
    }
    writeLines(line0, line1);
  }

  private void writeLines(int line0, int line1) {
    for (int i = line0; i < line1; i++) {
      List<String> line = lines.get(i);
      for (int j = 0; j < line.size(); j++) {
        String cell = line.get(j);
        out.append(cell);
        if (j < widths.size()) {
          int pad = widths.get(j) - codePoints(cell);
          for (int p = 0; p < pad; p++) out.append(' ');
        }
      }
      out.append('\n');
    }
  }

  /** Width of a cell: code points, not counting ANSI colour sequences (so coloured cells stay aligned). */
  private static int codePoints(String s) {
    int n = s.codePointCount(0, s.length());
    int esc = s.indexOf('\u001b');
    while (esc >= 0) {
      int end = s.indexOf('m', esc);
      if (end < 0) break;
      n -= end - esc + 1;
      esc = s.indexOf('\u001b', end);
    }
    return n;
  }
}
