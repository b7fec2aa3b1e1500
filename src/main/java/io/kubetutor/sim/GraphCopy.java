package io.kubetutor.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A deep copy of an object graph, field by field, that keeps the graph's shape: an object reached
 * twice is copied once, cycles stay cycles. It exists for {@link SimSnapshot}: a simulator's state
 * is not only its stored objects but also its pending timers (closures over controller state), the
 * kubelet's containers, the controllers' caches and queues, and the seeded random generator; copying
 * the whole graph keeps all of it without each of those classes having to know how to copy itself.
 *
 * <p>What is shared instead of copied: immutable values (strings, boxed numbers, enums, classes,
 * {@code java.time} values, patterns), objects without any field, Jackson's mappers, and every
 * object that is the value of a static field of a class the copy meets (constants such as
 * {@code Selector.EVERYTHING} keep their identity, so {@code ==} tests against them still hold).
 *
 * <p>How: sun.misc.Unsafe reads and writes fields of ordinary classes (the JDK's included, which
 * reflection may not open); records are rebuilt through their canonical constructor and lambdas
 * through their constructor over the captured values. Hash-based collections are refilled rather
 * than copied bucket by bucket, since a key without its own {@code hashCode} hashes differently once
 * copied; they are refilled in their iteration order with the same table size, so that order holds.
 *
 * <p>The copy refuses ({@link Uncopyable}) threads, class loaders and objects of the classes
 * {@code refused} names: a graph that reaches them is not self-contained.
 */
final class GraphCopy {

  /** The graph reaches something that cannot or must not be copied. */
  static final class Uncopyable extends RuntimeException {
    Uncopyable(String message) { super(message); }
  }

  private static final sun.misc.Unsafe UNSAFE = io.kubetutor.sim.store.RawAccess.required();
  private static final Map<Class<?>, Plan> PLANS = new ConcurrentHashMap<>();
  private static final Set<Object> CONSTANTS = Collections.newSetFromMap(Collections.synchronizedMap(new IdentityHashMap<>()));
  private static final Set<Class<?>> SCANNED = ConcurrentHashMap.newKeySet();

  private static final long HASHMAP_TABLE = offset(HashMap.class, "table");

  private final Predicate<Class<?>> refused;
  private final IdentityHashMap<Object, Object> copies = new IdentityHashMap<>();

  private GraphCopy(Predicate<Class<?>> refused) {
    this.refused = refused;
  }

  /** A deep copy of {@code root}; classes for which {@code refused} is true make it fail. */
  @SuppressWarnings("unchecked")
  static <T> T of(T root, Predicate<Class<?>> refused) {
    return (T) new GraphCopy(refused).copy(root);
  }

  private Object copy(Object o) {
    if (o == null) return null;
    Object done = copies.get(o);
    if (done != null) return done;
    Class<?> c = o.getClass();
    Plan plan = plan(c);
    if (plan.shared || CONSTANTS.contains(o)) return o;
    if (refused.test(c) || o instanceof Thread || o instanceof ClassLoader
        || o instanceof java.util.concurrent.ExecutorService) {
      throw new Uncopyable("the graph reaches a " + c.getName());
    }
    if (c.isArray()) return copyArray(o, c);
    if (o instanceof JsonNode n) {
      Object n2 = n.deepCopy();
      copies.put(o, n2);
      return n2;
    }
    if (c.isRecord()) return copyRecord(o, c);
    if (c.isHidden()) return copyLambda(o, c, plan);
    if (o instanceof HashMap<?, ?> m) return copyHashMap(m, plan);
    if (o instanceof TreeMap<?, ?> m) return copyTreeMap(m);
    if (o instanceof IdentityHashMap<?, ?> m) return fill(m, new IdentityHashMap<>(m.size()));
    if (o instanceof ConcurrentHashMap<?, ?> m) return fill(m, new ConcurrentHashMap<>(Math.max(16, m.size())));
    if (c.getName().startsWith("java.util.ImmutableCollections$Set") || c.getName().startsWith("java.util.ImmutableCollections$Map")) {
      return copyImmutableHashed(o);
    }
    Object copy;
    try {
      copy = UNSAFE.allocateInstance(c);
    } catch (InstantiationException e) {
      throw new Uncopyable("cannot make a " + c.getName() + ": " + e.getMessage());
    }
    copies.put(o, copy);
    plan.copyFields(this, o, copy);
    return copy;
  }

  private Object copyArray(Object o, Class<?> c) {
    Class<?> component = c.getComponentType();
    int n = Array.getLength(o);
    if (component.isPrimitive()) {
      Object copy = Array.newInstance(component, n);
      System.arraycopy(o, 0, copy, 0, n);
      copies.put(o, copy);
      return copy;
    }
    Object[] from = (Object[]) o;
    Object[] copy = (Object[]) Array.newInstance(component, n);
    copies.put(o, copy);
    for (int i = 0; i < n; i++) copy[i] = copy(from[i]);
    return copy;
  }

  private Object copyRecord(Object o, Class<?> c) {
    RecordComponent[] parts = c.getRecordComponents();
    Object[] values = new Object[parts.length];
    Class<?>[] types = new Class<?>[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        var accessor = parts[i].getAccessor();
        accessor.setAccessible(true);
        values[i] = copy(accessor.invoke(o));
        types[i] = parts[i].getType();
      }
      Constructor<?> canonical = c.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      Object copy = canonical.newInstance(values);
      copies.put(o, copy);
      return copy;
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (e instanceof Uncopyable u) throw u;
      throw new Uncopyable("cannot copy the record " + c.getName() + ": " + e);
    }
  }

  /** A lambda: a hidden class whose one constructor takes the captured values in field order. */
  private Object copyLambda(Object o, Class<?> c, Plan plan) {
    Field[] captured = plan.hiddenFields;
    Constructor<?>[] constructors = c.getDeclaredConstructors();
    if (constructors.length != 1 || constructors[0].getParameterCount() != captured.length) {
      throw new Uncopyable("cannot copy the hidden class " + c.getName());
    }
    try {
      Object[] values = new Object[captured.length];
      for (int i = 0; i < captured.length; i++) values[i] = copy(captured[i].get(o));
      constructors[0].setAccessible(true);
      Object copy = constructors[0].newInstance(values);
      copies.put(o, copy);
      return copy;
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (e instanceof Uncopyable u) throw u;
      throw new Uncopyable("cannot copy the lambda " + c.getName() + ": " + e);
    }
  }

  /**
   * A HashMap, LinkedHashMap or a subclass (an LRU map): its settings and subclass fields copied, its
   * table emptied to the same size, then its entries put back in iteration order (access order too).
   */
  private Object copyHashMap(HashMap<?, ?> m, Plan plan) {
    Object[] table = (Object[]) UNSAFE.getObject(m, HASHMAP_TABLE);
    @SuppressWarnings("unchecked")
    HashMap<Object, Object> copy;
    try {
      copy = (HashMap<Object, Object>) UNSAFE.allocateInstance(m.getClass());
    } catch (InstantiationException e) {
      throw new Uncopyable("cannot make a " + m.getClass().getName());
    }
    copies.put(m, copy);
    // Raw field values first (load factor, access order, the subclass's own fields), then a fresh table.
    plan.copyRawFields(this, m, copy);
    plan.resetHashMap(copy, table == null ? 0 : table.length);
    List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
    for (Map.Entry<?, ?> e : entries) copy.put(copy(e.getKey()), copy(e.getValue()));
    return copy;
  }

  private Object copyTreeMap(TreeMap<?, ?> m) {
    if (m.getClass() != TreeMap.class) throw new Uncopyable("cannot copy a subclass of TreeMap: " + m.getClass().getName());
    @SuppressWarnings("unchecked")
    TreeMap<Object, Object> copy = new TreeMap<>((java.util.Comparator<Object>) copy(m.comparator()));
    copies.put(m, copy);
    for (Map.Entry<?, ?> e : m.entrySet()) copy.put(copy(e.getKey()), copy(e.getValue()));
    return copy;
  }

  private Object fill(Map<?, ?> from, Map<Object, Object> to) {
    copies.put(from, to);
    for (Map.Entry<?, ?> e : from.entrySet()) to.put(copy(e.getKey()), copy(e.getValue()));
    return to;
  }

  private Object copyImmutableHashed(Object o) {
    if (o instanceof Set<?> s) {
      List<Object> items = new ArrayList<>();
      for (Object x : s) items.add(copy(x));
      Object copy = Set.copyOf(items);
      copies.put(o, copy);
      return copy;
    }
    Map<?, ?> m = (Map<?, ?>) o;
    Map<Object, Object> items = new java.util.LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) items.put(copy(e.getKey()), copy(e.getValue()));
    Object copy = Map.copyOf(items);
    copies.put(o, copy);
    return copy;
  }

  // ---------------------------------------------------------------- per-class plans

  private static Plan plan(Class<?> c) {
    Plan p = PLANS.get(c);
    if (p != null) return p;
    scanConstants(c);
    p = new Plan(c);
    PLANS.put(c, p);
    return p;
  }

  /** Values of static fields of our and fabric8's classes keep their identity (see the class comment). */
  private static void scanConstants(Class<?> c) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Class<?> owner = k; owner != null; owner = owner.getEnclosingClass()) {
        String name = owner.getName();
        if (!(name.startsWith("io.kubetutor.") || name.startsWith("io.fabric8.")) || !SCANNED.add(owner)) continue;
        for (Field f : owner.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
          try {
            f.setAccessible(true);
            Object v = f.get(null);
            if (v != null) CONSTANTS.add(v);
          } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // a field we cannot read is one nothing of ours compares against
          }
        }
      }
    }
  }

  /** How instances of one class are copied. */
  private static final class Plan {
    final boolean shared;
    final long[] refOffsets;
    final long[] primOffsets;
    final Class<?>[] primTypes;
    final Field[] hiddenFields;
    final long[] hashMapOffsets;  // table, entrySet, keySet, values, size, modCount, threshold (+ head, tail)

    Plan(Class<?> c) {
      List<Field> fields = new ArrayList<>();
      if (!c.isArray()) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
          for (Field f : k.getDeclaredFields()) if (!Modifier.isStatic(f.getModifiers())) fields.add(f);
        }
      }
      shared = isImmutable(c) || (!c.isArray() && fields.isEmpty());
      if (shared || c.isArray() || c.isRecord()) {
        refOffsets = primOffsets = new long[0];
        primTypes = new Class<?>[0];
        hiddenFields = new Field[0];
        hashMapOffsets = null;
        return;
      }
      if (c.isHidden()) {
        for (Field f : fields) f.setAccessible(true);
        hiddenFields = fields.toArray(Field[]::new);
        refOffsets = primOffsets = new long[0];
        primTypes = new Class<?>[0];
        hashMapOffsets = null;
        return;
      }
      hiddenFields = new Field[0];
      List<Long> refs = new ArrayList<>();
      List<Long> prims = new ArrayList<>();
      List<Class<?>> types = new ArrayList<>();
      for (Field f : fields) {
        long off = UNSAFE.objectFieldOffset(f);
        if (f.getType().isPrimitive()) {
          prims.add(off);
          types.add(f.getType());
        } else {
          refs.add(off);
        }
      }
      refOffsets = refs.stream().mapToLong(Long::longValue).toArray();
      primOffsets = prims.stream().mapToLong(Long::longValue).toArray();
      primTypes = types.toArray(Class<?>[]::new);
      hashMapOffsets = HashMap.class.isAssignableFrom(c) ? hashMapOffsets(c) : null;
    }

    private static long[] hashMapOffsets(Class<?> c) {
      boolean linked = java.util.LinkedHashMap.class.isAssignableFrom(c);
      long[] o = new long[linked ? 9 : 7];
      o[0] = offset(HashMap.class, "table");
      o[1] = offset(HashMap.class, "entrySet");
      o[2] = offset(java.util.AbstractMap.class, "keySet");
      o[3] = offset(java.util.AbstractMap.class, "values");
      o[4] = offset(HashMap.class, "size");
      o[5] = offset(HashMap.class, "modCount");
      o[6] = offset(HashMap.class, "threshold");
      if (linked) {
        o[7] = offset(java.util.LinkedHashMap.class, "head");
        o[8] = offset(java.util.LinkedHashMap.class, "tail");
      }
      return o;
    }

    void copyFields(GraphCopy g, Object from, Object to) {
      copyPrimitives(from, to);
      for (long off : refOffsets) UNSAFE.putObject(to, off, g.copy(UNSAFE.getObject(from, off)));
    }

    /** Every field copied, references deeply except the map's own table (reset right after). */
    void copyRawFields(GraphCopy g, Object from, Object to) {
      copyPrimitives(from, to);
      for (long off : refOffsets) {
        if (isHashMapInternal(off)) continue;
        UNSAFE.putObject(to, off, g.copy(UNSAFE.getObject(from, off)));
      }
    }

    private boolean isHashMapInternal(long off) {
      for (int i = 0; i < hashMapOffsets.length; i++) {
        if (i == 4 || i == 5 || i == 6) continue;  // primitives
        if (hashMapOffsets[i] == off) return true;
      }
      return false;
    }

    /** An empty table that the first put makes {@code capacity} long, as the original's was. */
    void resetHashMap(Object map, int capacity) {
      UNSAFE.putObject(map, hashMapOffsets[0], null);
      UNSAFE.putObject(map, hashMapOffsets[1], null);
      UNSAFE.putObject(map, hashMapOffsets[2], null);
      UNSAFE.putObject(map, hashMapOffsets[3], null);
      UNSAFE.putInt(map, hashMapOffsets[4], 0);
      UNSAFE.putInt(map, hashMapOffsets[5], 0);
      UNSAFE.putInt(map, hashMapOffsets[6], capacity);
      if (hashMapOffsets.length > 7) {
        UNSAFE.putObject(map, hashMapOffsets[7], null);
        UNSAFE.putObject(map, hashMapOffsets[8], null);
      }
    }

    private void copyPrimitives(Object from, Object to) {
      for (int i = 0; i < primOffsets.length; i++) {
        long off = primOffsets[i];
        Class<?> t = primTypes[i];
        if (t == long.class) UNSAFE.putLong(to, off, UNSAFE.getLong(from, off));
        else if (t == int.class) UNSAFE.putInt(to, off, UNSAFE.getInt(from, off));
        else if (t == boolean.class) UNSAFE.putBoolean(to, off, UNSAFE.getBoolean(from, off));
        else if (t == double.class) UNSAFE.putDouble(to, off, UNSAFE.getDouble(from, off));
        else if (t == float.class) UNSAFE.putFloat(to, off, UNSAFE.getFloat(from, off));
        else if (t == short.class) UNSAFE.putShort(to, off, UNSAFE.getShort(from, off));
        else if (t == byte.class) UNSAFE.putByte(to, off, UNSAFE.getByte(from, off));
        else UNSAFE.putChar(to, off, UNSAFE.getChar(from, off));
      }
    }
  }

  /** Values no one changes: sharing them is the same as copying them. */
  private static boolean isImmutable(Class<?> c) {
    if (c.isEnum() || (c.getSuperclass() != null && c.getSuperclass().isEnum())) return true;
    if (c == String.class || c == Class.class || c == Integer.class || c == Long.class || c == Boolean.class
        || c == Double.class || c == Float.class || c == Short.class || c == Byte.class || c == Character.class
        || c == java.math.BigInteger.class || c == java.math.BigDecimal.class || c == java.util.UUID.class
        || c == java.util.regex.Pattern.class || c == java.util.Locale.class) {
      return true;
    }
    String name = c.getName();
    if (name.startsWith("java.time.") && !name.startsWith("java.time.chrono.")) return true;
    // Jackson's mappers, readers and writers are configured once and used by everyone.
    return name.startsWith("com.fasterxml.jackson.") && !JsonNode.class.isAssignableFrom(c);
  }

  private static long offset(Class<?> c, String field) {
    try {
      return UNSAFE.objectFieldOffset(c.getDeclaredField(field));
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("this JDK's " + c.getName() + " has no field " + field, e);
    }
  }
}
