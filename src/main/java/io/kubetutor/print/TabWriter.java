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
  private final List<Line> lines = new ArrayList<>();
  private final List<Integer> widths = new ArrayList<>();
  private final StringBuilder pendingCell = new StringBuilder();
  private final List<String> pendingLine = new ArrayList<>();
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
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\t' && c != '\n') continue;
      pendingCell.append(text, start, i);
      start = i + 1;
      pendingLine.add(pendingCell.toString());
      pendingCell.setLength(0);
      if (c == '\n') endPendingLine();
    }
    pendingCell.append(text, start, text.length());
    return this;
  }

  /** Convenience: one row of cells, joined by tabs and ended by a newline. */
  public TabWriter row(String... cells) {
    return row(List.of(cells));
  }

  /**
   * One row of cells, as if written joined by tabs and ended by a newline, without joining and
   * re-splitting the text (the path of every {@code kubectl get} row).
   */
  public TabWriter row(List<String> cells) {
    boolean plain = pendingCell.length() == 0 && pendingLine.isEmpty();
    for (int i = 0; plain && i < cells.size(); i++) {
      String c = cells.get(i);
      plain = c.indexOf('\t') < 0 && c.indexOf('\n') < 0;
    }
    if (!plain) return write(String.join("\t", cells) + "\n");
    pendingLine.addAll(cells);
    endPendingLine();
    return this;
  }

  private void endPendingLine() {
    Line line = new Line(pendingLine.toArray(new String[0]));
    pendingLine.clear();
    lines.add(line);
    if (line.cells.length == 1) formatPending();
  }

  /** Lays out everything written so far and returns all text produced since the last call. */
  public String flush() {
    if (pendingCell.length() > 0 || !pendingLine.isEmpty()) {
      pendingLine.add(pendingCell.toString());
      pendingCell.setLength(0);
      lines.add(new Line(pendingLine.toArray(new String[0])));
      pendingLine.clear();
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
      if (column >= lines.get(current).cells.length - 1) continue;
      writeLines(line0, current);
      line0 = current;
      int width = minwidth;
      for (; current < line1; current++) {
        Line line = lines.get(current);
        if (column >= line.cells.length - 1) break;
        int w = line.widths[column] + padding;
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
      Line line = lines.get(i);
      for (int j = 0; j < line.cells.length; j++) {
        out.append(line.cells[j]);
        if (j < widths.size()) pad(widths.get(j) - line.widths[j]);
      }
      out.append('\n');
    }
  }

  private void pad(int count) {
    while (count > 0) {
      int n = Math.min(count, SPACES.length());
      out.append(SPACES, 0, n);
      count -= n;
    }
  }

  private static final String SPACES = " ".repeat(64);

  /** A line's cells with their widths, measured once (layout reads each width several times). */
  private static final class Line {
    final String[] cells;
    final int[] widths;

    Line(String[] cells) {
      this.cells = cells;
      this.widths = new int[cells.length];
      for (int i = 0; i < cells.length; i++) widths[i] = codePoints(cells[i]);
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
