package io.kubetutor.sim.store;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM's raw field access ({@code sun.misc.Unsafe}) for the simulator's copiers, and the
 * instance fields they copy. Found once; null on a JVM that does not offer it.
 */
public final class RawAccess {

  private RawAccess() {}

  /** Raw field access, or null where the JVM does not offer it (callers then use reflection). */
  public static final sun.misc.Unsafe UNSAFE = find();

  /** Raw field access for a copier that has no reflective fallback. */
  public static sun.misc.Unsafe required() {
    if (UNSAFE == null) throw new IllegalStateException("sun.misc.Unsafe is not available");
    return UNSAFE;
  }

  /** The non-static fields of {@code type} and its superclasses, made accessible. */
  static List<Field> instanceFields(Class<?> type) {
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

  private static sun.misc.Unsafe find() {
    try {
      Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      return (sun.misc.Unsafe) f.get(null);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }
}
