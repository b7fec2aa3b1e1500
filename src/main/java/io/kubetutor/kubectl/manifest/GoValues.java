package io.kubetutor.kubectl.manifest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the apiserver's Go decoder makes of a body that Jackson leaves differently: a {@code null}
 * string in a list or map becomes {@code ""}, a {@code null} object in a list an empty one, a
 * missing value-typed struct (an object's {@code spec}, a pod template and its spec) an empty
 * struct, and a quantity that does not parse is a decode error. Without this, a manifest such as
 * {@code command: [sh, -c, null]} would reach the simulator holding nulls no real object can hold.
 */
final class GoValues {

  /** apimachinery's resource.splitREString: the shape every quantity must have. */
  static final String QUANTITY_FORMAT = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";
  private static final Pattern SUFFIX = Pattern.compile("|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][-+]?[0-9]+");
  private static final int MAX_DEPTH = 64;

  private GoValues() {}

  /** Gives the decoded object Go's zero values; returns the decode error's text, or null. */
  static String apply(HasMetadata object) {
    Field spec = StrictDecoder.properties(object.getClass()).get("spec");
    if (spec != null) fillIfNull(object, spec);
    return visit(object, 0);
  }

  private static String visit(Object model, int depth) {
    if (model == null || depth > MAX_DEPTH || !StrictDecoder.isModel(model.getClass())) return null;
    for (Field f : StrictDecoder.properties(model.getClass()).values()) {
      if (f.getType() == PodTemplateSpec.class || f.getType() == PodSpec.class) fillIfNull(model, f);
      Object value;
      try {
        value = f.get(model);
      } catch (IllegalAccessException e) {
        continue;
      }
      String error = value instanceof List<?> list ? list(list, f.getGenericType(), depth)
          : value instanceof Map<?, ?> map ? map(map, f.getGenericType(), depth)
          : value instanceof Quantity q ? quantity(q)
          : visit(value, depth + 1);
      if (error != null) return error;
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static String list(List<?> list, Type type, int depth) {
    Class<?> element = typeArgument(type, 0);
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (item == null) {
        Object zero = zero(element);
        if (zero == null) continue;
        try {
          ((List<Object>) list).set(i, zero);
        } catch (UnsupportedOperationException e) {
          return null;
        }
        item = zero;
      }
      String error = item instanceof Quantity q ? quantity(q) : visit(item, depth + 1);
      if (error != null) return error;
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static String map(Map<?, ?> map, Type type, int depth) {
    Class<?> valueType = typeArgument(type, 1);
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object value = e.getValue();
      if (value == null) {
        Object zero = zero(valueType);
        if (zero == null) continue;
        try {
          ((Map.Entry<Object, Object>) e).setValue(zero);
        } catch (UnsupportedOperationException ex) {
          return null;
        }
        value = zero;
      }
      String error = value instanceof Quantity q ? quantity(q) : visit(value, depth + 1);
      if (error != null) return error;
    }
    return null;
  }

  /** The errors of apimachinery's resource.ParseQuantity, found the way its scanner finds them (in order). */
  private static String quantity(Quantity q) {
    String text = (q.getAmount() == null ? "" : q.getAmount()) + (q.getFormat() == null ? "" : q.getFormat());
    return quantityError(text.strip());
  }

  static String quantityError(String s) {
    String formatWrong = "quantities must match the regular expression '" + QUANTITY_FORMAT + "'";
    if (s.isEmpty()) return formatWrong;
    int pos = 0;
    int end = s.length();
    if (s.charAt(0) == '-' || s.charAt(0) == '+') pos++;
    while (pos < end && s.charAt(pos) == '0') pos++;
    if (pos == end) return null;  // only a sign and zeros: zero
    while (pos < end && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') pos++;
    if (pos < end && s.charAt(pos) == '.') {
      pos++;
      while (pos < end && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') pos++;
    }
    int suffixStart = pos;
    while (pos < end && "eEinumkKMGTP".indexOf(s.charAt(pos)) >= 0) pos++;
    if (pos < end && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) pos++;
    while (pos < end && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') pos++;
    if (pos < end) return formatWrong;
    // Digits that are missing ("." or "-k") count as zero, as the scanner's fast path reads them.
    if (!SUFFIX.matcher(s.substring(suffixStart)).matches()) return "unable to parse quantity's suffix";
    return null;
  }

  private static void fillIfNull(Object owner, Field f) {
    try {
      if (f.get(owner) == null) f.set(owner, f.getType().getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Not a plain model struct: leave it as decoded.
    }
  }

  /** Go's zero value for an element or map value of this type; null where Go's is nil too. */
  private static Object zero(Class<?> type) {
    if (type == String.class) return "";
    if (type == Quantity.class) return new Quantity("0");
    if (type != null && StrictDecoder.isModel(type)) {
      try {
        return type.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  private static Class<?> typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
        && p.getActualTypeArguments()[index] instanceof Class<?> c) {
      return c;
    }
    return null;
  }
}
