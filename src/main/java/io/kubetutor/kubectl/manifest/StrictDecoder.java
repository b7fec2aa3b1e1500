package io.kubetutor.kubectl.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.ResourceKind;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes a manifest's JSON into the fabric8 model as strictly as the apiserver decodes a request
 * body ({@code --validate=strict}, kubectl's default): a value of the wrong JSON type is a
 * {@code json: cannot unmarshal ...} error, and a field the API does not have is a
 * {@code strict decoding error: unknown field "spec.replica"}. fabric8 keeps unknown fields in
 * {@code additionalProperties}, so unknown fields are found by walking the written JSON next to
 * the decoded model and collecting what landed there.
 */
public final class StrictDecoder {

  private static final ObjectMapper STRICT = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .build();

  static {
    for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
        LogicalType.Textual}) {
      STRICT.coercionConfigFor(t)
          .setCoercion(CoercionInputShape.String, t == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer || t == LogicalType.Float
              ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, t == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, t == LogicalType.Textual ? CoercionAction.TryConvert
              : CoercionAction.Fail);
    }
  }

  private static final Map<Class<?>, Map<String, Field>> PROPERTIES = new ConcurrentHashMap<>();

  private StrictDecoder() {}

  /** The object, or the BadRequest the apiserver would answer for it. */
  public static HasMetadata decode(ResourceKind kind, ObjectNode json) {
    HasMetadata object = decodeTypes(kind, json);
    List<String> unknown = unknownFields(json, object);
    if (!unknown.isEmpty()) throw unknownFieldsError(kind, unknown);
    return object;
  }

  /** The BadRequest of strict decoding for these unknown fields. */
  public static ClusterException unknownFieldsError(ResourceKind kind, List<String> unknown) {
    List<String> quoted = unknown.stream().map(f -> "unknown field \"" + f + "\"").toList();
    return badRequest(kind, "strict decoding error: " + String.join(", ", quoted));
  }

  /** Paths of the fields the API does not have ({@code spec.replica}), in document order. */
  public static List<String> unknownFields(ObjectNode json, HasMetadata object) {
    List<String> unknown = new ArrayList<>();
    walk(json, object, "", unknown);
    return unknown;
  }

  /**
   * The object, failing only on values of the wrong JSON type (as every validation mode does);
   * unknown fields are left in fabric8's additionalProperties.
   */
  public static HasMetadata decodeTypes(ResourceKind kind, ObjectNode json) {
    HasMetadata object;
    try {
      object = STRICT.treeToValue(json, kind.type());
    } catch (MismatchedInputException e) {
      throw badRequest(kind, "json: " + typeError(json, e, e.getTargetType()));
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof com.fasterxml.jackson.core.exc.InputCoercionException ic) {
        throw badRequest(kind, "json: " + typeError(json, e, ic.getTargetType()));
      }
      throw badRequest(kind, "json: " + e.getOriginalMessage());
    } catch (Exception e) {
      throw badRequest(kind, String.valueOf(e.getMessage()));
    }
    String goError = GoValues.apply(object);
    if (goError != null) throw badRequest(kind, goError);
    return object;
  }

  /**
   * The same error as the apiserver's patch handler words it: a PATCH is decoded without the
   * {@code Kind in version "v1" cannot be handled as a Kind:} part of a POST or PUT body.
   */
  public static ClusterException asPatchError(ResourceKind kind, ClusterException e) {
    String prefix = kind.kind() + " in version \"" + kind.version() + "\" cannot be handled as a " + kind.kind() + ": ";
    String message = e.getMessage();
    return message != null && message.startsWith(prefix) ? ClusterException.badRequest(message.substring(prefix.length())) : e;
  }

  private static ClusterException badRequest(ResourceKind kind, String detail) {
    return ClusterException.badRequest(kind.kind() + " in version \"" + kind.version() + "\" cannot be handled as a "
        + kind.kind() + ": " + detail);
  }

  /** Go's UnmarshalTypeError: {@code cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32}. */
  private static String typeError(JsonNode json, JsonMappingException e, Class<?> target) {
    List<String> fields = new ArrayList<>();
    String struct = null;
    Field lastField = null;
    JsonNode value = json;
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        value = value == null ? null : value.get(ref.getFieldName());
        Object from = ref.getFrom();
        if (!(from instanceof Map<?, ?>)) {
          fields.add(ref.getFieldName());
          struct = from instanceof Class<?> c ? c.getSimpleName() : from == null ? null : from.getClass().getSimpleName();
          Class<?> owner = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
          lastField = owner == null ? null : properties(owner).get(ref.getFieldName());
        }
      } else if (ref.getIndex() >= 0) {
        value = value == null ? null : value.get(ref.getIndex());
      }
    }
    // Go names the number literal only when it was meant for a number field (overflow, fraction).
    boolean numericTarget = target != null && (Number.class.isAssignableFrom(target) || target.isPrimitive());
    String what = value == null ? "value" : value.isTextual() ? "string" : value.isBoolean() ? "bool"
        : value.isNumber() ? (numericTarget ? "number " + value.asText() : "number")
        : value.isArray() ? "array" : value.isObject() ? "object" : "value";
    String type = goType(target);
    if (target != null && Collection.class.isAssignableFrom(target) && lastField != null
        && lastField.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
        && p.getActualTypeArguments()[0] instanceof Class<?> element) {
      type = "[]" + goType(element);  // Go names the slice's element type: []v1.Container
    }
    if (struct == null || fields.isEmpty()) return "cannot unmarshal " + what + " into Go value of type " + type;
    return "cannot unmarshal " + what + " into Go struct field " + struct + "." + String.join(".", fields)
        + " of type " + type;
  }

  private static String goType(Class<?> t) {
    if (t == null) return "interface {}";
    if (t == Integer.class || t == int.class) return "int32";
    if (t == Long.class || t == long.class) return "int64";
    if (t == Boolean.class || t == boolean.class) return "bool";
    if (t == String.class) return "string";
    if (t == Double.class || t == double.class || t == Float.class) return "float64";
    if (Map.class.isAssignableFrom(t)) return "map[string]string";
    if (Collection.class.isAssignableFrom(t)) return "[]interface {}";
    if (t.getSimpleName().equals("IntOrString")) return "intstr.IntOrString";
    if (t.getSimpleName().equals("Quantity")) return "resource.Quantity";
    return "v1." + t.getSimpleName();
  }

  /** Collects the paths of fields the model did not know (they sit in additionalProperties). */
  private static void walk(JsonNode json, Object model, String path, List<String> unknown) {
    if (!(json instanceof ObjectNode obj) || model == null || !isModel(model.getClass())) return;
    Map<String, Object> extra = additionalProperties(model);
    Map<String, Field> props = properties(model.getClass());
    for (Map.Entry<String, JsonNode> e : obj.properties()) {
      String name = e.getKey();
      String childPath = path.isEmpty() ? name : path + "." + name;
      if (extra != null && extra.containsKey(name)) {
        unknown.add(childPath);
        continue;
      }
      Field f = props.get(name);
      if (f == null) continue;
      Object child;
      try {
        child = f.get(model);
      } catch (IllegalAccessException ex) {
        continue;
      }
      if (child instanceof List<?> list && e.getValue().isArray()) {
        for (int i = 0; i < list.size() && i < e.getValue().size(); i++) {
          walk(e.getValue().get(i), list.get(i), childPath + "[" + i + "]", unknown);
        }
      } else if (child instanceof Map<?, ?> map && e.getValue().isObject() && isModelMap(f)) {
        for (Map.Entry<?, ?> me : map.entrySet()) {
          walk(e.getValue().get(String.valueOf(me.getKey())), me.getValue(), childPath + "." + me.getKey(), unknown);
        }
      } else {
        walk(e.getValue(), child, childPath, unknown);
      }
    }
  }

  static boolean isModel(Class<?> c) {
    return c.getName().startsWith("io.fabric8.kubernetes.api.model");
  }

  private static boolean isModelMap(Field f) {
    Type t = f.getGenericType();
    return t instanceof ParameterizedType p && p.getActualTypeArguments().length == 2
        && p.getActualTypeArguments()[1] instanceof Class<?> v && isModel(v);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> additionalProperties(Object model) {
    try {
      Method m = model.getClass().getMethod("getAdditionalProperties");
      Object v = m.invoke(model);
      return v instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  static Map<String, Field> properties(Class<?> type) {
    return PROPERTIES.computeIfAbsent(type, t -> {
      Map<String, Field> out = new HashMap<>();
      for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          JsonProperty p = f.getAnnotation(JsonProperty.class);
          if (p == null) continue;
          try {
            f.setAccessible(true);
          } catch (RuntimeException e) {
            continue;
          }
          out.putIfAbsent(p.value().isEmpty() ? f.getName() : p.value(), f);
        }
      }
      return out;
    });
  }
}
