package io.kubetutor.print;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.ResourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code kubectl get}'s human-readable output: the kind's columns ({@link ResourceTables}) with
 * kubectl's decorations ({@link TableOptions}), laid out by one {@link TabWriter} whose widths are
 * remembered while the kind stays the same (so {@code --watch} rows line up with the header).
 */
public final class TablePrinter {

  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RED = "\u001b[31m";
  private static final String RESET = "\u001b[0m";

  private final TableOptions options;
  private final TabWriter writer = TabWriter.forGet();
  private ResourceKind lastKind;

  public TablePrinter(TableOptions options) {
    this.options = options;
  }

  /** Header line cells for a kind, with decorations. */
  public List<String> headers(ResourceKind kind) {
    List<String> h = new ArrayList<>();
    if (options.withNamespace() && kind.namespaced()) h.add("NAMESPACE");
    for (ResourceTables.Column c : ResourceTables.columns(kind)) if (options.wide() || !c.wide()) h.add(c.header());
    for (String label : options.labelColumns()) {
      String[] parts = label.split("/");
      h.add(parts[parts.length - 1].toUpperCase(Locale.ROOT));
    }
    if (options.showLabels()) h.add("LABELS");
    return h;
  }

  /** One object's cells, with decorations. */
  public List<String> row(ResourceKind kind, HasMetadata object, Instant now) {
    return row(kind, shownColumns(kind), object, now);
  }

  /** Indexes of the kind's columns this printer shows (all, or those not only for {@code -o wide}). */
  private int[] shownColumns(ResourceKind kind) {
    List<ResourceTables.Column> columns = ResourceTables.columns(kind);
    int[] shown = new int[columns.size()];
    int n = 0;
    for (int i = 0; i < columns.size(); i++) if (options.wide() || !columns.get(i).wide()) shown[n++] = i;
    return java.util.Arrays.copyOf(shown, n);
  }

  private List<String> row(ResourceKind kind, int[] shown, HasMetadata object, Instant now) {
    List<ResourceTables.Column> columns = ResourceTables.columns(kind);
    List<String> cells = ResourceTables.cells(kind, object, now);
    List<String> r = new ArrayList<>(shown.length + 4);
    if (options.withNamespace() && kind.namespaced()) r.add(nullToEmpty(object.getMetadata().getNamespace()));
    for (int i : shown) {
      String cell = cut(cells.get(i));
      if (i == 0 && options.withKind() && kind != ResourceKind.EVENT) cell = kind.qualifiedSingular() + "/" + cell;
      if (options.color() && kind == ResourceKind.POD && columns.get(i).header().equals("STATUS")) cell = colour(cell);
      r.add(cell);
    }
    if (!options.labelColumns().isEmpty() || options.showLabels()) {
      Map<String, String> labels = object.getMetadata().getLabels();
      for (String label : options.labelColumns()) r.add(labels == null ? "" : nullToEmpty(labels.get(label)));
      if (options.showLabels()) r.add(ResourceTables.labelsOrNone(labels));
    }
    return r;
  }

  /**
   * Renders objects of one kind. {@code header} is false for watch updates after the first; no
   * header is printed for zero rows, as kubectl does.
   */
  public String print(ResourceKind kind, List<? extends HasMetadata> objects, Instant now, boolean header) {
    if (kind != lastKind) {
      writer.resetRememberedWidths();
      lastKind = kind;
    }
    if (objects.isEmpty()) return "";
    if (header && !options.noHeaders()) writer.row(headers(kind));
    int[] shown = shownColumns(kind);
    for (HasMetadata o : objects) writer.row(row(kind, shown, o, now));
    return writer.flush();
  }

  /** Strings are cut at the first line break and {@code ...} appended (cli-runtime's table printer). */
  private static String cut(String cell) {
    int end = firstBreak(cell);
    return end < 0 ? cell : cell.substring(0, end) + "...";
  }

  private static int firstBreak(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == '\n' || c == '\r' || c == '\f') return i;
    }
    return -1;
  }

  private static String colour(String status) {
    String code = switch (status) {
      case "Running", "Completed" -> GREEN;
      case "Pending", "ContainerCreating", "PodInitializing", "Terminating" -> YELLOW;
      case "CrashLoopBackOff", "Error", "ErrImagePull", "ImagePullBackOff", "OOMKilled",
           "CreateContainerConfigError", "InvalidImageName" -> RED;
      default -> status.startsWith("Init:") ? YELLOW : null;
    };
    return code == null ? status : code + status + RESET;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
