package io.kubetutor.sim.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.Objects;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deep copy of a fabric8 model object field by field: model objects, lists and maps are copied,
 * strings, numbers, booleans and enums shared (they are immutable). It makes the same object graph
 * as a copy through the object's builder, which allocates a builder, its nested builders and their
 * bookkeeping for every object first; the apiserver's create path copies every new pod, so at
 * 10,000 pods that difference is most of the create's cost. Anything it does not know falls back
 * to the builder copy.
 */
final class DeepCopy {

  private DeepCopy() {}

  private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";
  private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
  /** A model class's raw layout (null for other classes, or without raw access): one lookup per object copied. */
  private static final ClassValue<ShallowCopy.RawCopier> MODEL_LAYOUT = new ClassValue<>() {
    @Override
    protected ShallowCopy.RawCopier computeValue(Class<?> type) {
      return type.getName().startsWith(MODEL_PACKAGE) ? ShallowCopy.raw(type) : null;
    }
  };

  /** Thrown inside a copy that met a value it cannot copy safely. */
  private static final class Unknown extends RuntimeException {
    Unknown() {
      super(null, null, false, false);
    }
  }

  static <T extends HasMetadata> T of(T object) {
    try {
      return copy(object);
    } catch (Unknown | ReflectiveOperationException e) {
      return Objects.copy(object);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T copy(T value) throws ReflectiveOperationException {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Character || value instanceof Enum<?>) {
      return value;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) out.add(copy(o));
      return (T) out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) out.put(e.getKey(), copy(e.getValue()));
      return (T) out;
    }
    Class<?> type = value.getClass();
    ShallowCopy.RawCopier raw = MODEL_LAYOUT.get(type);
    if (raw != null) {
      // Without the constructor, which fills every collection field only for it to be replaced here.
      Object out = raw.allocate();
      raw.copyPrimitives(value, out);
      for (long offset : raw.references()) {
        ShallowCopy.RawCopier.put(out, offset, copy(ShallowCopy.RawCopier.get(value, offset)));
      }
      return (T) out;
    }
    if (!type.getName().startsWith(MODEL_PACKAGE)) throw new Unknown();
    Object out = type.getDeclaredConstructor().newInstance();
    for (Field f : FIELDS.computeIfAbsent(type, RawAccess::instanceFields)) f.set(out, copy(f.get(value)));
    return (T) out;
  }
}
