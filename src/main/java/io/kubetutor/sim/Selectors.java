package io.kubetutor.sim;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.kubetutor.cluster.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Converts an API {@code LabelSelector} (matchLabels + matchExpressions) to a {@link Selector}. */
public final class Selectors {

  private Selectors() {}

  /** The selector; a null selector selects nothing (as controllers treat it), an empty one everything. */
  public static Selector of(LabelSelector s) {
    if (s == null) return NOTHING;
    List<Selector.Requirement> reqs = new ArrayList<>();
    if (s.getMatchLabels() != null) {
      new TreeMap<>(s.getMatchLabels()).forEach((k, v) ->
          reqs.add(new Selector.Requirement(k, Selector.Op.EQUALS, List.of(v))));
    }
    if (s.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : s.getMatchExpressions()) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        Selector.Op op = switch (r.getOperator()) {
          case "In" -> Selector.Op.IN;
          case "NotIn" -> Selector.Op.NOT_IN;
          case "Exists" -> Selector.Op.EXISTS;
          default -> Selector.Op.DOES_NOT_EXIST;
        };
        reqs.add(new Selector.Requirement(r.getKey(), op, values));
      }
    }
    return Selector.of(reqs);
  }

  /** Matches no labels at all. */
  public static final Selector NOTHING = Selector.of(List.of(
      new Selector.Requirement("kubetutor.io/none", Selector.Op.EXISTS, List.of()),
      new Selector.Requirement("kubetutor.io/none", Selector.Op.DOES_NOT_EXIST, List.of())));
}
