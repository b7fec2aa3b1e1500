package io.kubetutor.sim.store;

import java.lang.reflect.Field;
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
 *
 * <p>The copy is made by the JVM's raw field access where it is available: the model classes'
 * constructors allocate an empty list or map for every collection field (fifteen for a pod spec)
 * only for the copy to overwrite them, and reflective field access costs a checked call per field.
 * Without it (another JVM), reflection does the same copy.
 */
public final class ShallowCopy {

  private ShallowCopy() {}

  private static final Map<Class<?>, Copier> COPIERS = new ConcurrentHashMap<>();
  private static final sun.misc.Unsafe UNSAFE = RawAccess.UNSAFE;

  @SuppressWarnings("unchecked")
  public static <T> T of(T object) {
    if (object == null) return null;
    Class<?> type = object.getClass();
    Copier copier = COPIERS.get(type);
    if (copier == null) copier = COPIERS.computeIfAbsent(type, ShallowCopy::copier);
    return (T) copier.copy(object);
  }

  /** The reflective copy, kept for JVMs without raw field access and as the reference in tests. */
  @SuppressWarnings("unchecked")
  static <T> T reflective(T object) {
    if (object == null) return null;
    return (T) new ReflectiveCopier(object.getClass()).copy(object);
  }

  private interface Copier {
    Object copy(Object source);
  }

  private static Copier copier(Class<?> type) {
    return UNSAFE != null ? new RawCopier(type) : new ReflectiveCopier(type);
  }

  /** The raw layout of {@code type}, or null on a JVM without raw field access (then use reflection). */
  static RawCopier raw(Class<?> type) {
    if (UNSAFE == null) return null;
    Copier c = COPIERS.get(type);
    if (c == null) c = COPIERS.computeIfAbsent(type, ShallowCopy::copier);
    return (RawCopier) c;
  }

  /** Allocates without running the constructor, then copies each field by its offset. */
  static final class RawCopier implements Copier {
    private final Class<?> type;
    private final long[] references;
    private final long[] longs;
    private final long[] ints;
    private final long[] booleans;
    private final long[] doubles;

    RawCopier(Class<?> type) {
      this.type = type;
      List<Long> refs = new ArrayList<>();
      List<Long> l = new ArrayList<>();
      List<Long> i = new ArrayList<>();
      List<Long> b = new ArrayList<>();
      List<Long> d = new ArrayList<>();
      for (Field f : RawAccess.instanceFields(type)) {
        long offset = UNSAFE.objectFieldOffset(f);
        Class<?> t = f.getType();
        if (!t.isPrimitive()) refs.add(offset);
        else if (t == long.class) l.add(offset);
        else if (t == int.class) i.add(offset);
        else if (t == boolean.class) b.add(offset);
        else if (t == double.class) d.add(offset);
        else throw new IllegalStateException("no raw copy of " + t + " fields (" + type.getName() + ")");
      }
      references = toArray(refs);
      longs = toArray(l);
      ints = toArray(i);
      booleans = toArray(b);
      doubles = toArray(d);
    }

    @Override
    public Object copy(Object source) {
      Object copy = allocate();
      for (long o : references) UNSAFE.putObject(copy, o, UNSAFE.getObject(source, o));
      copyPrimitives(source, copy);
      return copy;
    }

    /** A new instance with every field null or zero (no constructor run). */
    Object allocate() {
      try {
        return UNSAFE.allocateInstance(type);
      } catch (InstantiationException e) {
        throw new IllegalStateException("cannot copy " + type.getName(), e);
      }
    }

    void copyPrimitives(Object source, Object copy) {
      for (long o : longs) UNSAFE.putLong(copy, o, UNSAFE.getLong(source, o));
      for (long o : ints) UNSAFE.putInt(copy, o, UNSAFE.getInt(source, o));
      for (long o : booleans) UNSAFE.putBoolean(copy, o, UNSAFE.getBoolean(source, o));
      for (long o : doubles) UNSAFE.putDouble(copy, o, UNSAFE.getDouble(source, o));
    }

    /** The offsets of the reference fields, for {@link #get} and {@link #put}. */
    long[] references() { return references; }

    static Object get(Object o, long offset) { return UNSAFE.getObject(o, offset); }

    static void put(Object o, long offset, Object value) { UNSAFE.putObject(o, offset, value); }

    private static long[] toArray(List<Long> values) {
      long[] out = new long[values.size()];
      for (int k = 0; k < out.length; k++) out[k] = values.get(k);
      return out;
    }
  }

  private static final class ReflectiveCopier implements Copier {
    private final Class<?> type;
    private final List<Field> fields;

    ReflectiveCopier(Class<?> type) {
      this.type = type;
      this.fields = RawAccess.instanceFields(type);
    }

    @Override
    public Object copy(Object source) {
      try {
        Object copy = type.getDeclaredConstructor().newInstance();
        for (Field f : fields) f.set(copy, f.get(source));
        return copy;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot copy " + type.getName(), e);
      }
    }
  }
}
