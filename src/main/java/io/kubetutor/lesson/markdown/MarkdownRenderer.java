package io.kubetutor.lesson.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Renders lesson Markdown for a terminal: headings, emphasis, lists, framed code blocks (YAML keys
 * highlighted), links as text plus URL, paragraphs wrapped to the width. Without colour the result is
 * plain text that still reads well in a transcript or a grader's log.
 */
public final class MarkdownRenderer {

  private static final Parser PARSER = Parser.builder().build();

  private MarkdownRenderer() {}

  /** Markdown to terminal text of at most {@code width} columns (code lines wider than that are kept whole). */
  public static String render(String markdown, int width, boolean color) {
    Renderer r = new Renderer(Math.max(20, width), color);
    r.blocks(PARSER.parse(markdown == null ? "" : markdown), "", "");
    String text = r.out.toString();
    // One trailing newline, no trailing blank lines: callers print it like any other output.
    return text.isEmpty() ? "" : text.stripTrailing() + "\n";
  }

  private static final class Renderer {
    private final int width;
    private final Ansi ansi;
    private final StringBuilder out = new StringBuilder();

    Renderer(int width, boolean color) {
      this.width = width;
      this.ansi = new Ansi(color);
    }

    /** Renders the child blocks of {@code parent}; the first line gets {@code first}, the rest {@code rest}. */
    void blocks(Node parent, String first, String rest) {
      boolean isFirst = true;
      for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
        block(n, isFirst ? first : rest, rest);
        isFirst = false;
      }
    }

    private void block(Node n, String first, String rest) {
      if (n instanceof Heading h) {
        String text = inline(h, true);
        if (ansi.on()) {
          line(first, ansi.style(h.getLevel() == 1 ? "1;4" : "1", text));
        } else if (h.getLevel() <= 2) {
          line(first, text);
          line(rest, (h.getLevel() == 1 ? "=" : "-").repeat(Math.min(Ansi.visibleLength(text), width - rest.length())));
        } else {
          line(first, text);
        }
        blank(rest);
      } else if (n instanceof Paragraph p) {
        wrap(inline(p, false), first, rest);
        if (!(p.getParent() instanceof ListItem)) blank(rest);
      } else if (n instanceof BulletList || n instanceof OrderedList) {
        list(n, first, rest);
        if (!(n.getParent() instanceof ListItem)) blank(rest);
      } else if (n instanceof FencedCodeBlock f) {
        code(f.getLiteral(), f.getInfo(), first, rest);
      } else if (n instanceof IndentedCodeBlock c) {
        code(c.getLiteral(), "", first, rest);
      } else if (n instanceof BlockQuote q) {
        String bar = ansi.style("2", "│ ");
        blocks(q, first + bar, rest + bar);
      } else if (n instanceof ThematicBreak) {
        line(first, ansi.style("2", "─".repeat(width - first.length())));
        blank(rest);
      } else if (n instanceof HtmlBlock html) {
        for (String l : html.getLiteral().split("\n")) line(first, l);
        blank(rest);
      } else {
        blocks(n, first, rest);
      }
    }

    private void list(Node list, String first, String rest) {
      int number = list instanceof OrderedList o ? o.getMarkerStartNumber() == null ? 1 : o.getMarkerStartNumber() : 0;
      boolean isFirst = true;
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        String marker = list instanceof OrderedList ? (number++) + ". " : (ansi.on() ? "• " : "- ");
        String pad = " ".repeat(marker.length());
        blocks(item, (isFirst ? first : rest) + marker, rest + pad);
        isFirst = false;
      }
    }

    /** A code block in a frame; YAML (by info string, or by looking like it) gets its keys coloured. */
    private void code(String literal, String info, String first, String rest) {
      List<String> lines = new ArrayList<>(List.of(literal.stripTrailing().split("\n", -1)));
      boolean yaml = info != null && (info.strip().startsWith("yaml") || info.strip().startsWith("yml"));
      int inner = 0;
      for (String l : lines) inner = Math.max(inner, l.length());
      inner = Math.max(inner, Math.min(20, width - rest.length() - 4));
      String lang = info == null ? "" : info.strip().split("\\s+")[0];
      String top = lang.isEmpty() ? "─".repeat(inner + 2) : "─ " + lang + " " + "─".repeat(Math.max(0, inner - lang.length() - 1));
      line(first, ansi.style("2", "┌" + top));
      for (String l : lines) {
        line(rest, ansi.style("2", "│") + " " + (yaml ? yamlLine(l) : ansi.style("36", l)));
      }
      line(rest, ansi.style("2", "└" + "─".repeat(inner + 2)));
      blank(rest);
    }

    /** Keys bold blue, comments dim, values as typed: enough to see YAML's structure at a glance. */
    private String yamlLine(String l) {
      if (!ansi.on()) return l;
      String trimmed = l.stripLeading();
      String indent = l.substring(0, l.length() - trimmed.length());
      if (trimmed.startsWith("#")) return indent + ansi.style("2", trimmed);
      String dash = "";
      if (trimmed.startsWith("- ")) {
        dash = "- ";
        trimmed = trimmed.substring(2);
      }
      int colon = trimmed.indexOf(':');
      boolean isKey = colon > 0 && (colon == trimmed.length() - 1 || trimmed.charAt(colon + 1) == ' ')
          && !trimmed.startsWith("\"") && !trimmed.startsWith("'");
      if (!isKey) return indent + dash + trimmed;
      return indent + dash + ansi.style("1;34", trimmed.substring(0, colon)) + ":" + trimmed.substring(colon + 1);
    }

    private String inline(Node parent, boolean inHeading) {
      StringBuilder sb = new StringBuilder();
      for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
        if (n instanceof Text t) {
          sb.append(t.getLiteral());
        } else if (n instanceof Code c) {
          sb.append(ansi.on() ? ansi.style("36", c.getLiteral()) : "`" + c.getLiteral() + "`");
        } else if (n instanceof Emphasis) {
          sb.append(ansi.on() ? ansi.style("3", inline(n, inHeading)) : inline(n, inHeading));
        } else if (n instanceof StrongEmphasis) {
          sb.append(ansi.on() ? ansi.style("1", inline(n, inHeading)) : inline(n, inHeading));
        } else if (n instanceof Link link) {
          String text = inline(link, inHeading);
          String url = link.getDestination();
          if (text.equals(url) || text.isEmpty()) sb.append(ansi.style("4", url));
          else sb.append(ansi.style("4", text)).append(" (").append(url).append(')');
        } else if (n instanceof SoftLineBreak) {
          sb.append(' ');
        } else if (n instanceof HardLineBreak) {
          sb.append('\n');
        } else if (n instanceof HtmlInline h) {
          sb.append(h.getLiteral());
        } else {
          sb.append(inline(n, inHeading));
        }
      }
      return sb.toString();
    }

    /** Greedy word wrap by visible width (escape sequences take no columns). */
    private void wrap(String text, String first, String rest) {
      String prefix = first;
      for (String hard : text.split("\n", -1)) {
        StringBuilder current = new StringBuilder();
        int used = 0;
        int avail = Math.max(10, width - Ansi.visibleLength(prefix));
        for (String word : hard.split(" ")) {
          if (word.isEmpty()) continue;
          int w = Ansi.visibleLength(word);
          if (used > 0 && used + 1 + w > avail) {
            line(prefix, current.toString());
            prefix = rest;
            avail = Math.max(10, width - Ansi.visibleLength(prefix));
            current.setLength(0);
            used = 0;
          }
          if (used > 0) {
            current.append(' ');
            used++;
          }
          current.append(word);
          used += w;
        }
        line(prefix, current.toString());
        prefix = rest;
      }
    }

    private void line(String prefix, String text) {
      out.append((prefix + text).stripTrailing()).append('\n');
    }

    private void blank(String prefix) {
      if (out.length() > 0 && !out.toString().endsWith("\n\n")) out.append('\n');
    }
  }
}
