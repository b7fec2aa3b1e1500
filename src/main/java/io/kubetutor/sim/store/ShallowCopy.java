package io.kubetutor.sim.store;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A one-level copy of a fabric8 model object: a new instance whose fields hold the same values
 * (lists, maps and nested objects shared, not copied). Safe for stored objects only because they
 * are never changed after they are stored: a writer that needs a different field sets a new value
 * on its copy, it never edits a shared list or nested object. Far cheaper than a builder's deep
 * copy, which the hot paths (bind, status writes) paid for a whole pod to change one field.
 */
public final class ShallowCopy {

  private ShallowCopy() {}

  private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  public static <T> T of(T object) {
    if (object == null) return null;
    Class<T> type = (Class<T>) object.getClass();
    try {
      T copy = type.getDeclaredConstructor().newInstance();
      for (Field f : FIELDS.computeIfAbsent(type, ShallowCopy::fields)) f.set(copy, f.get(object));
      return copy;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + type.getName(), e);
    }
  }

  private static List<Field> fields(Class<?> type) {
    List<Field> out = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) continue;
        f.setAccessible(true);
        out.add(f);
      }
    }
    return out;
  }
}
