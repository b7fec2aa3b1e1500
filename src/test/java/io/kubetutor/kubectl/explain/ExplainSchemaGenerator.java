package io.kubetutor.kubectl.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetutor.cluster.ResourceKind;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Build step (run by the exec plugin in {@code process-test-classes}, see pom.xml): writes the field
 * documentation that {@code kubectl explain} prints.
 *
 * <p>Source: {@code io.kubernetes:client-java-api:22.0.0}, the official Java client generated from the
 * Kubernetes <b>1.31</b> OpenAPI spec (23.0.0 is already 1.32). Its compiled models give the structure (JSON
 * names from gson's {@code @SerializedName}, field types, the {@code openapiRequiredFields} set); its sources
 * jar gives the spec's descriptions, which the generator put in the javadoc of each model and getter. Nothing
 * is written by hand. The client is on the plugin's class path only, so it is reached by reflection and by
 * reading the sources as resources, and nothing of it reaches the shipped jar.
 *
 * <p>Only the kinds in {@link ResourceKind} and the types they reach are written, so the resource stays small.
 */
public final class ExplainSchemaGenerator {

  static final String MODELS = "io.kubernetes.client.openapi.models.";
  static final String SOURCE = "io.kubernetes:client-java-api:22.0.0 (Kubernetes 1.31 OpenAPI)";

  private final ClassLoader loader = Thread.currentThread().getContextClassLoader();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, ObjectNode> types = new TreeMap<>();
  private final Deque<Class<?>> pending = new ArrayDeque<>();

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    ObjectNode doc = new ExplainSchemaGenerator().generate();
    Files.createDirectories(out.getParent());
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(out))) {
      new ObjectMapper().writeValue(os, doc);
    }
    System.out.println("[explain] wrote " + out + " (" + doc.get("types").size() + " types from " + SOURCE + ")");
  }

  ObjectNode generate() throws ClassNotFoundException {
    ObjectNode doc = json.createObjectNode();
    doc.put("source", SOURCE);
    ObjectNode kinds = doc.putObject("kinds");
    for (ResourceKind k : ResourceKind.values()) {
      Class<?> model = modelFor(k);
      kinds.put(k.apiVersion() + "/" + k.kind(), model.getSimpleName());
      pending.add(model);
    }
    while (!pending.isEmpty()) {
      Class<?> c = pending.poll();
      if (!types.containsKey(c.getSimpleName())) types.put(c.getSimpleName(), describe(c));
    }
    ObjectNode typesNode = doc.putObject("types");
    types.forEach(typesNode::set);
    return doc;
  }

  /**
   * The client's class for a served kind: {@code V1Pod}, {@code V1Deployment}; kinds whose name occurs in
   * two groups get the group as a prefix ({@code CoreV1Event} beside {@code EventsV1Event}).
   */
  private Class<?> modelFor(ResourceKind k) throws ClassNotFoundException {
    String version = Character.toUpperCase(k.version().charAt(0)) + k.version().substring(1);
    String group = k.group().isEmpty() ? "core" : k.group().split("\\.")[0];
    String groupPrefix = Character.toUpperCase(group.charAt(0)) + group.substring(1).toLowerCase(Locale.ROOT);
    for (String name : List.of(groupPrefix + version + k.kind(), version + k.kind())) {
      try {
        return Class.forName(MODELS + name, false, loader);
      } catch (ClassNotFoundException e) {
        // try the next spelling
      }
    }
    throw new ClassNotFoundException("no client-java model for " + k.apiVersion() + " " + k.kind());
  }

  private ObjectNode describe(Class<?> c) {
    String source = source(c);
    ObjectNode node = json.createObjectNode();
    node.put("name", displayName(c));
    String typeDoc = classDoc(source, c);
    // The generator writes the class name where the spec has no description for the type.
    node.put("description", typeDoc.equals(c.getSimpleName()) ? "" : typeDoc);
    ArrayNode fields = node.putArray("fields");
    List<Field> declared = new java.util.ArrayList<>(List.of(c.getDeclaredFields()));
    declared.removeIf(f -> Modifier.isStatic(f.getModifiers()) || jsonName(f) == null);
    declared.sort(Comparator.comparing(this::jsonName));
    for (Field f : declared) {
      String name = jsonName(f);
      ObjectNode field = fields.addObject();
      field.put("name", name);
      field.put("type", typeGuess(f.getGenericType()));
      Class<?> ref = modelOf(f.getGenericType());
      if (ref != null) {
        field.put("ref", ref.getSimpleName());
        pending.add(ref);
      }
      if (source.contains("openapiRequiredFields.add(\"" + name + "\");")) field.put("required", true);
      String doc = getterDoc(source, getter(c, f));
      // The generator writes "Get <property>" where the spec has no text of its own (object-typed fields).
      field.put("description", doc.equals("Get " + f.getName()) ? "" : doc);
    }
    return node;
  }

  /** The model's generated source, from the client's sources jar on the class path. */
  private String source(Class<?> c) {
    String path = c.getName().replace('.', '/') + ".java";
    try (var in = loader.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing " + path + ": the client's sources jar must be on the class path");
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The javadoc right before {@code public class Name}: the spec's description of the type. */
  static String classDoc(String source, Class<?> c) {
    int decl = source.indexOf("\npublic class " + c.getSimpleName());
    return decl < 0 ? "" : docBefore(source, decl);
  }

  /** The javadoc of a getter, without its {@code @return} line: the spec's description of the property. */
  static String getterDoc(String source, Method getter) {
    int decl = source.indexOf(" " + getter.getName() + "() {");
    return decl < 0 ? "" : docBefore(source, decl);
  }

  /** The text of the last javadoc comment that ends before {@code pos}, unescaped. */
  static String docBefore(String source, int pos) {
    int end = source.lastIndexOf("*/", pos);
    int start = source.lastIndexOf("/**", end);
    // Code between the comment and the declaration means the comment belongs to something else.
    if (start < 0 || end < 0 || source.substring(end, pos).matches("(?s).*[;{}].*")) return "";
    StringBuilder text = new StringBuilder();
    for (String line : source.substring(start + 3, end).split("\n")) {
      String t = line.strip();
      if (t.startsWith("*")) t = t.substring(1).strip();
      if (t.startsWith("@return") || t.equals("*")) break;
      if (t.isEmpty()) continue;
      if (text.length() > 0) text.append('\n');
      text.append(t);
    }
    return unescape(text.toString());
  }

  /** Undoes the generator's javadoc escaping (HTML entities, backslash-escaped quotes and backslashes). */
  static String unescape(String s) {
    return s.replace("\\&quot;", "\"").replace("\\\\", "\\")
        .replace("&quot;", "\"").replace("&#39;", "'").replace("&#x60;", "`")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private String jsonName(Field f) {
    Object name = attr(annotation(f.getAnnotations(), "com.google.gson.annotations.SerializedName"), "value");
    return name == null ? null : name.toString();
  }

  private static Method getter(Class<?> c, Field f) {
    String base = Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1);
    for (String prefix : List.of("get", "is")) {
      try {
        return c.getMethod(prefix + base);
      } catch (NoSuchMethodException e) {
        // try the next prefix
      }
    }
    throw new IllegalStateException("no getter for " + c.getSimpleName() + "." + f.getName());
  }

  /** kubectl's type hint: {@code string}, {@code []Container}, {@code map[string]string}, {@code ObjectMeta}. */
  static String typeGuess(Type t) {
    if (t instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw) || java.util.Set.class.isAssignableFrom(raw)) return "[]" + typeGuess(args[0]);
      if (Map.class.isAssignableFrom(raw)) return "map[string]" + typeGuess(args[1]);
      return typeGuess(raw);
    }
    Class<?> c = (Class<?>) t;
    if (c == String.class || c == byte[].class || c.getName().equals("java.time.OffsetDateTime")) return "string";
    if (c == Integer.class || c == Long.class) return "integer";
    if (c == Boolean.class) return "boolean";
    if (c == Double.class || c == Float.class || c == java.math.BigDecimal.class) return "number";
    if (c == Object.class) return "Object";
    return displayName(c);
  }

  /** The model a field leads to (the element type of a list or map), or null for a primitive. */
  static Class<?> modelOf(Type t) {
    if (t instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      return modelOf(args[args.length - 1]);
    }
    Class<?> c = (Class<?>) t;
    return c.getName().startsWith(MODELS) ? c : null;
  }

  /** The spec's short type name: {@code V1ObjectMeta} → {@code ObjectMeta}, {@code CoreV1Event} → {@code Event}. */
  static String displayName(Class<?> c) {
    return c.getSimpleName().replaceFirst("^([A-Z][a-z]+)?V\\d+((alpha|beta)\\d+)?(?=[A-Z])", "");
  }

  private static Annotation annotation(Annotation[] all, String type) {
    for (Annotation a : all) {
      if (a.annotationType().getName().equals(type)) return a;
    }
    return null;
  }

  private static Object attr(Annotation a, String name) {
    if (a == null) return null;
    try {
      return a.annotationType().getMethod(name).invoke(a);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
