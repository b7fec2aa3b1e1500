package io.kubetutor.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A field selector ({@code --field-selector metadata.name=x,status.phase!=Running}): equality and
 * inequality on a fixed set of fields per kind, which the backend checks and resolves.
 */
public final class FieldSelector {

  public record Requirement(String field, boolean equals, String value) {
    @Override public String toString() { return field + (equals ? "=" : "!=") + value; }
  }

  public static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  private final List<Requirement> requirements;

  private FieldSelector(List<Requirement> requirements) { this.requirements = List.copyOf(requirements); }

  public List<Requirement> requirements() { return requirements; }

  public boolean isEverything() { return requirements.isEmpty(); }

  /** True if every requirement holds; {@code fieldValue} maps a field path to the object's value. */
  public boolean matches(Function<String, String> fieldValue) {
    for (Requirement r : requirements) {
      String v = fieldValue.apply(r.field());
      String have = v == null ? "" : v;
      if (r.equals() != have.equals(r.value())) return false;
    }
    return true;
  }

  public static FieldSelector parse(String text) {
    if (text == null || text.isBlank()) return EVERYTHING;
    List<Requirement> reqs = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      int ne = p.indexOf("!=");
      int eq2 = p.indexOf("==");
      int eq = p.indexOf('=');
      if (ne > 0) reqs.add(new Requirement(p.substring(0, ne).trim(), false, p.substring(ne + 2).trim()));
      else if (eq2 > 0) reqs.add(new Requirement(p.substring(0, eq2).trim(), true, p.substring(eq2 + 2).trim()));
      else if (eq > 0) reqs.add(new Requirement(p.substring(0, eq).trim(), true, p.substring(eq + 1).trim()));
      else throw new IllegalArgumentException("invalid selector: '" + text + "'; can't understand '" + p + "'");
    }
    return new FieldSelector(reqs);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Requirement r : requirements) parts.add(r.toString());
    return String.join(",", parts);
  }
}
