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
 * <p>Source: the model classes of {@code io.kubernetes:client-java-api:23.0.0}, the official Java client
 * generated from the Kubernetes <b>1.31</b> OpenAPI spec. Each model carries the spec's description in
 * {@code @ApiModel(description)}, each property its description and required flag in
 * {@code @ApiModelProperty}, and its JSON name in gson's {@code @SerializedName}. Nothing is written by hand.
 * The client is on the plugin's class path only, so annotations are read by name through reflection and
 * nothing of it reaches the shipped jar.
 *
 * <p>Only the kinds in {@link ResourceKind} and the types they reach are written, so the resource stays small.
 */
public final class ExplainSchemaGenerator {

  static final String MODELS = "io.kubernetes.client.openapi.models.";
  static final String SOURCE = "io.kubernetes:client-java-api:23.0.0 (Kubernetes 1.31 OpenAPI)";

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
    ObjectNode node = json.createObjectNode();
    node.put("name", displayName(c));
    node.put("description", stringAttr(annotation(c.getAnnotations(), "io.swagger.annotations.ApiModel"), "description"));
    ArrayNode fields = node.putArray("fields");
    List<Field> declared = new java.util.ArrayList<>(List.of(c.getDeclaredFields()));
    declared.removeIf(f -> Modifier.isStatic(f.getModifiers()));
    declared.sort(Comparator.comparing(this::jsonName));
    for (Field f : declared) {
      String name = jsonName(f);
      if (name == null) continue;
      Annotation prop = annotation(getter(c, f).getAnnotations(), "io.swagger.annotations.ApiModelProperty");
      ObjectNode field = fields.addObject();
      field.put("name", name);
      field.put("type", typeGuess(f.getGenericType()));
      Class<?> ref = modelOf(f.getGenericType());
      if (ref != null) {
        field.put("ref", ref.getSimpleName());
        pending.add(ref);
      }
      if (Boolean.TRUE.equals(attr(prop, "required"))) field.put("required", true);
      field.put("description", stringAttr(prop, "value"));
    }
    return node;
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

  private static String stringAttr(Annotation a, String name) {
    Object v = attr(a, name);
    return v == null ? "" : v.toString();
  }
}
