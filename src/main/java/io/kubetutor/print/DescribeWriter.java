package io.kubetutor.print;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * kubectl describe's prefix writer (reference §9.1): two spaces per level, every line through one
 * describe tab writer (minwidth 0, padding 2), and the shared blocks (multi-line labels and
 * annotations, the Events table, RFC 1123 timestamps).
 */
public final class DescribeWriter {

  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  private static final DateTimeFormatter RFC1123Z =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

  private final TabWriter tw = TabWriter.forDescribe();

  /** Writes {@code text} indented by {@code level} (0..3). */
  public DescribeWriter write(int level, String text) {
    tw.write("  ".repeat(level) + text);
    return this;
  }

  public String done() {
    return tw.flush();
  }

  /** {@code Mon, 02 Jan 2006 15:04:05 +0000}; empty for a missing timestamp. */
  public static String time(String rfc3339) {
    if (rfc3339 == null || rfc3339.isEmpty()) return "";
    try {
      return RFC1123Z.format(Instant.parse(rfc3339));
    } catch (java.time.format.DateTimeParseException e) {
      return rfc3339;
    }
  }

  /** {@code Labels:\tk=v} then {@code \tk2=v2} (sorted), or {@code <none>}; {@code indent} prefixes each line. */
  public void labels(String indent, String title, Map<String, String> labels) {
    multiline(indent, title, labels, "=");
  }

  /**
   * Annotations as kubectl's {@code printAnnotationsMultiline} writes them: sorted {@code key: value}
   * lines, the last-applied configuration hidden. A value with a line break, or one whose
   * {@code key: value} would pass {@value #MAX_ANNOTATION_LEN} bytes, is written as {@code key:} with
   * each of its lines below it, indented two spaces past the value column and cut to 138 bytes
   * plus {@code ...}. (One trailing newline of the value is dropped first.)
   */
  public void annotations(String indent, String title, Map<String, String> annotations) {
    write(0, indent + title + ":\t");
    TreeMap<String, String> sorted = new TreeMap<>();
    if (annotations != null) annotations.forEach((k, v) -> {
      if (!k.equals(LAST_APPLIED)) sorted.put(k, v);
    });
    if (sorted.isEmpty()) {
      write(0, "<none>\n");
      return;
    }
    boolean first = true;
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      // Later keys start at the value column: kubectl writes only a tab, whatever the title's indent.
      if (!first) write(0, "\t");
      first = false;
      String key = e.getKey();
      String value = e.getValue() == null ? "" : e.getValue();
      if (value.endsWith("\n")) value = value.substring(0, value.length() - 1);
      if (utf8Length(value) + utf8Length(key) + 2 > MAX_ANNOTATION_LEN || value.contains("\n")) {
        write(0, key + ":\n");
        for (String line : value.split("\n", -1)) write(0, "\t  " + shorten(line, MAX_ANNOTATION_LEN - 2) + "\n");
      } else {
        write(0, key + ": " + value + "\n");
      }
    }
  }

  /** kubectl's limit on one annotation line in describe (describe.go {@code maxAnnotationLen}). */
  static final int MAX_ANNOTATION_LEN = 140;

  /** The first {@code max} bytes of {@code s} (Go slices strings by byte) and {@code ...}, if longer. */
  static String shorten(String s, int max) {
    if (utf8Length(s) <= max) return s;
    int bytes = 0;
    int end = 0;
    while (end < s.length()) {
      int cp = s.codePointAt(end);
      int size = utf8Length(new String(Character.toChars(cp)));
      if (bytes + size > max) break;  // never split a character (Go would emit a broken byte sequence)
      bytes += size;
      end += Character.charCount(cp);
    }
    return s.substring(0, end) + "...";
  }

  private static int utf8Length(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  private void multiline(String indent, String title, Map<String, String> map, String sep) {
    write(0, indent + title + ":\t");
    TreeMap<String, String> sorted = new TreeMap<>();
    if (map != null) sorted.putAll(map);
    if (sorted.isEmpty()) {
      write(0, "<none>\n");
      return;
    }
    boolean first = true;
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      if (!first) write(0, indent + "\t");
      write(0, e.getKey() + sep + e.getValue() + "\n");
      first = false;
    }
  }

  /** The Events block: rows sorted by last timestamp, or {@code Events:\t<none>}. */
  public void events(List<Event> events, Instant now) {
    if (events == null || events.isEmpty()) {
      write(0, "Events:\t<none>\n");
      return;
    }
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(e -> last(e) == null ? Instant.EPOCH : last(e)));
    write(0, "Events:\n");
    write(1, "Type\tReason\tAge\tFrom\tMessage\n");
    write(1, "----\t------\t----\t----\t-------\n");
    for (Event e : sorted) {
      String firstSeen = e.getEventTime() != null && e.getEventTime().getTime() != null
          ? e.getEventTime().getTime() : e.getFirstTimestamp();
      String age = Durations.since(firstSeen, now);
      int count = e.getCount() == null ? 0 : e.getCount();
      if (e.getSeries() != null && e.getSeries().getLastObservedTime() != null) {
        age = Durations.human(Duration.between(Instant.parse(e.getSeries().getLastObservedTime().getTime()), now))
            + " (x" + e.getSeries().getCount() + " over " + age + ")";
      } else if (count > 1) {
        age = Durations.since(e.getLastTimestamp(), now) + " (x" + count + " over " + age + ")";
      }
      String from = e.getSource() != null && e.getSource().getComponent() != null && !e.getSource().getComponent().isEmpty()
          ? e.getSource().getComponent() : nullToEmpty(e.getReportingComponent());
      write(1, nullToEmpty(e.getType()) + "\t" + nullToEmpty(e.getReason()) + "\t" + age + "\t" + from + "\t"
          + nullToEmpty(e.getMessage()).strip() + "\n");
    }
  }

  /** Events about one object (by kind and name, and uid when both sides have one). */
  public static List<Event> about(HasMetadata object, List<? extends HasMetadata> events) {
    List<Event> out = new ArrayList<>();
    for (HasMetadata h : events) {
      if (!(h instanceof Event e) || e.getInvolvedObject() == null) continue;
      var inv = e.getInvolvedObject();
      if (!object.getKind().equals(inv.getKind()) || !object.getMetadata().getName().equals(inv.getName())) continue;
      String uid = object.getMetadata().getUid();
      if (uid != null && inv.getUid() != null && !uid.equals(inv.getUid())) continue;
      out.add(e);
    }
    return out;
  }

  private static Instant last(Event e) {
    String t = e.getLastTimestamp();
    if (t == null || t.isEmpty()) t = e.getFirstTimestamp();
    if ((t == null || t.isEmpty()) && e.getEventTime() != null) t = e.getEventTime().getTime();
    try {
      return t == null ? null : Instant.parse(t);
    } catch (java.time.format.DateTimeParseException ex) {
      return null;
    }
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
