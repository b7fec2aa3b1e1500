package io.kubetutor.print;

import java.util.List;

/**
 * kubectl's decorations of a server-side table: {@code -o wide}, {@code --no-headers},
 * {@code kind/} name prefixes (several types), {@code NAMESPACE} column ({@code -A}),
 * {@code --show-labels}, {@code -L} label columns, and STATUS colour in the interactive shell.
 */
public record TableOptions(boolean wide, boolean noHeaders, boolean withKind, boolean withNamespace,
                           boolean showLabels, List<String> labelColumns, boolean color) {

  public static final TableOptions PLAIN = new TableOptions(false, false, false, false, false, List.of(), false);

  public TableOptions withKind(boolean value) {
    return new TableOptions(wide, noHeaders, value, withNamespace, showLabels, labelColumns, color);
  }
}
