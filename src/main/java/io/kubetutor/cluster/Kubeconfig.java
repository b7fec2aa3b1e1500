package io.kubetutor.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The kubeconfig as kubectl finds and merges it (client-go {@code clientcmd} loading rules):
 * {@code --kubeconfig FILE} alone, else every file of {@code KUBECONFIG} (path-list, missing files
 * skipped), else {@code ~/.kube/config}. When several files name the same cluster, context or user,
 * the first file wins; {@code current-context} comes from the first file that sets one. Relative
 * certificate and token paths are made absolute against the file that holds them, as kubectl does.
 *
 * <p>Nothing here writes a file except {@link #persistCurrentContext}, which {@code use-context
 * --persist} calls.
 */
public final class Kubeconfig {

  /** One context: which cluster and user it joins, and its namespace ({@code ""} when unset). */
  public record Context(String name, String cluster, String user, String namespace) {}

  /** A kubeconfig that cannot be read; the message is what kubectl prints. */
  public static final class KubeconfigException extends RuntimeException {
    public KubeconfigException(String message) { super(message); }
  }

  private static final List<String> CLUSTER_PATHS = List.of("certificate-authority");
  private static final List<String> USER_PATHS = List.of("client-certificate", "client-key", "tokenFile");

  /** kubectl's YAML layout: sequences are not indented under their key, quotes only where needed. */
  private static final ObjectMapper KUBECTL_YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .build());

  private final List<Path> files;
  private final boolean explicit;
  private final Map<String, ObjectNode> clusters = new TreeMap<>();
  private final Map<String, ObjectNode> contexts = new TreeMap<>();
  private final Map<String, ObjectNode> users = new TreeMap<>();
  private String currentContext = "";

  private Kubeconfig(List<Path> files, boolean explicit) {
    this.files = files;
    this.explicit = explicit;
  }

  /**
   * The files kubectl would read, in precedence order.
   *
   * @param explicitFile {@code --kubeconfig}, or null
   * @param kubeconfigEnv the value of {@code KUBECONFIG}, or null
   * @param home the user's home directory
   */
  public static List<Path> locate(Path explicitFile, String kubeconfigEnv, Path home) {
    if (explicitFile != null) return List.of(explicitFile);
    if (kubeconfigEnv != null && !kubeconfigEnv.isEmpty()) {
      LinkedHashSet<Path> unique = new LinkedHashSet<>();
      for (String part : kubeconfigEnv.split(File.pathSeparator)) {
        if (!part.isEmpty()) unique.add(Path.of(part));
      }
      return List.copyOf(unique);
    }
    return List.of(home.resolve(".kube").resolve("config"));
  }

  /** Loads and merges the kubeconfig as kubectl does. A missing explicit file is an error; others are skipped. */
  public static Kubeconfig load(Path explicitFile, String kubeconfigEnv, Path home) {
    Kubeconfig config = new Kubeconfig(locate(explicitFile, kubeconfigEnv, home), explicitFile != null);
    for (Path file : config.files) config.mergeFile(file);
    return config;
  }

  private void mergeFile(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      if (explicit) throw new KubeconfigException("stat " + file + ": no such file or directory");
      return;
    } catch (IOException e) {
      throw new KubeconfigException("error loading config file \"" + file + "\": " + e.getMessage());
    }
    if (text.isBlank()) return;
    JsonNode root;
    try {
      root = Objects.YAML.readTree(text);
    } catch (IOException e) {
      String detail = e.getMessage() == null ? "invalid YAML" : e.getMessage().lines().findFirst().orElse("");
      throw new KubeconfigException("error loading config file \"" + file + "\": " + detail);
    }
    if (root == null || root.isMissingNode() || root.isNull()) return;
    if (!root.isObject()) {
      throw new KubeconfigException("error loading config file \"" + file + "\": the file is not a kubeconfig (a YAML mapping)");
    }
    Path dir = file.toAbsolutePath().getParent();
    mergeNamed(root.get("clusters"), "cluster", clusters, dir, CLUSTER_PATHS);
    mergeNamed(root.get("contexts"), "context", contexts, dir, List.of());
    mergeNamed(root.get("users"), "user", users, dir, USER_PATHS);
    JsonNode current = root.get("current-context");
    if (currentContext.isEmpty() && current != null && current.isTextual()) currentContext = current.asText();
  }

  /** First definition of a name wins; relative paths become absolute against the defining file. */
  private static void mergeNamed(JsonNode list, String field, Map<String, ObjectNode> into, Path dir, List<String> paths) {
    if (list == null || !list.isArray()) return;
    for (JsonNode entry : list) {
      JsonNode name = entry.get("name");
      if (name == null || !name.isTextual() || into.containsKey(name.asText())) continue;
      ObjectNode copy = entry.deepCopy();
      JsonNode body = copy.get(field);
      if (body instanceof ObjectNode obj) {
        for (String key : paths) {
          JsonNode p = obj.get(key);
          if (p != null && p.isTextual() && !p.asText().isEmpty() && !Path.of(p.asText()).isAbsolute()) {
            obj.put(key, dir.resolve(p.asText()).normalize().toString());
          }
        }
      }
      into.put(name.asText(), copy);
    }
  }

  public List<Path> files() { return files; }

  /** {@code current-context} of the merged files, {@code ""} when none is set. */
  public String currentContext() { return currentContext; }

  /** All contexts, sorted by name as {@code config get-contexts} lists them. */
  public List<Context> contexts() {
    List<Context> all = new ArrayList<>();
    for (String name : contexts.keySet()) all.add(context(name).orElseThrow());
    return all;
  }

  public Optional<Context> context(String name) {
    ObjectNode entry = contexts.get(name);
    if (entry == null) return Optional.empty();
    JsonNode body = entry.path("context");
    return Optional.of(new Context(name, body.path("cluster").asText(""), body.path("user").asText(""),
        body.path("namespace").asText("")));
  }

  /** The API server URL of a context's cluster, or null when the context has no usable cluster. */
  public String server(String contextName) {
    return context(contextName).map(c -> clusters.get(c.cluster()))
        .map(cl -> cl.path("cluster").path("server").asText(null)).orElse(null);
  }

  /**
   * A self-contained kubeconfig text holding one context and what it refers to (paths already
   * absolute), for the client library to parse. Kept in memory: the client is never given a file
   * it could write refreshed tokens back to.
   */
  public String singleContextYaml(String contextName) {
    Context c = context(contextName).orElseThrow(() -> new KubeconfigException(
        "context was not found for specified context: " + contextName));
    ObjectNode cluster = clusters.get(c.cluster());
    if (cluster == null || cluster.path("cluster").path("server").asText("").isEmpty()) {
      throw new KubeconfigException("context \"" + contextName + "\": cluster \"" + c.cluster()
          + "\" has no server (invalid configuration: no server found for cluster \"" + c.cluster() + "\")");
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("apiVersion", "v1");
    root.put("kind", "Config");
    root.putArray("clusters").add(cluster.deepCopy());
    root.putArray("contexts").add(contexts.get(contextName).deepCopy());
    ArrayNode userList = root.putArray("users");
    ObjectNode user = users.get(c.user());
    if (user != null) userList.add(user.deepCopy());
    root.put("current-context", contextName);
    return yaml(root);
  }

  /**
   * {@code kubectl config view}: the merged config in kubectl's layout (keys sorted, lists sorted by
   * name, {@code preferences: {}}). Unless {@code raw}, certificate and key data print as
   * {@code DATA+OMITTED} and tokens as {@code REDACTED}; passwords are redacted too (kubectl would
   * print them, a classroom screen should not).
   *
   * @param minifyContext when non-null, only this context and its cluster and user ({@code --minify})
   */
  public String view(String minifyContext, boolean raw) {
    Map<String, ObjectNode> showClusters = clusters;
    Map<String, ObjectNode> showContexts = contexts;
    Map<String, ObjectNode> showUsers = users;
    String current = currentContext;
    if (minifyContext != null) {
      if (minifyContext.isEmpty()) throw new KubeconfigException("current-context must exist in order to minify");
      Context c = context(minifyContext).orElseThrow(() -> new KubeconfigException("cannot locate context " + minifyContext));
      showContexts = Map.of(minifyContext, contexts.get(minifyContext));
      showClusters = new TreeMap<>();
      if (!c.cluster().isEmpty()) {
        if (!clusters.containsKey(c.cluster())) throw new KubeconfigException("cannot locate cluster " + c.cluster());
        showClusters.put(c.cluster(), clusters.get(c.cluster()));
      }
      showUsers = new TreeMap<>();
      if (!c.user().isEmpty()) {
        if (!users.containsKey(c.user())) throw new KubeconfigException("cannot locate user " + c.user());
        showUsers.put(c.user(), users.get(c.user()));
      }
      current = minifyContext;
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("apiVersion", "v1");
    root.set("clusters", namedList(showClusters, raw ? List.of() : List.of("certificate-authority-data"), "cluster"));
    root.set("contexts", namedList(showContexts, List.of(), "context"));
    root.put("current-context", current);
    root.put("kind", "Config");
    root.putObject("preferences");
    root.set("users", namedList(showUsers,
        raw ? List.of() : List.of("client-certificate-data", "client-key-data", "token", "password"), "user"));
    return yaml(root);
  }

  private static JsonNode namedList(Map<String, ObjectNode> entries, List<String> redact, String field) {
    if (entries.isEmpty()) return JsonNodeFactory.instance.nullNode();
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (ObjectNode entry : new TreeMap<>(entries).values()) {
      ObjectNode copy = entry.deepCopy();
      if (copy.get(field) instanceof ObjectNode body) {
        for (String key : redact) {
          JsonNode v = body.get(key);
          if (v != null && !v.asText("").isEmpty()) {
            body.set(key, new TextNode(key.endsWith("-data") ? "DATA+OMITTED" : "REDACTED"));
          }
        }
      }
      list.add(sorted(copy));
    }
    return list;
  }

  private static String yaml(JsonNode node) {
    try {
      return KUBECTL_YAML.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Keys in alphabetical order at every level, as kubectl's JSON-to-YAML conversion prints them. */
  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      TreeMap<String, JsonNode> fields = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        fields.put(e.getKey(), e.getValue());
      }
      fields.forEach((k, v) -> out.set(k, sorted(v)));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode n : node) out.add(sorted(n));
      return out;
    }
    return node;
  }

  /**
   * Writes {@code current-context} the way kubectl's {@code use-context} does: into the explicit
   * file, else the first existing file of {@code KUBECONFIG} (the last one if none exists), else
   * {@code ~/.kube/config}. Only that key changes; the rest of the file is kept.
   */
  public Path persistCurrentContext(String name) throws IOException {
    if (!contexts.containsKey(name)) throw new KubeconfigException("no context exists with the name: \"" + name + "\"");
    Path target = files.get(0);
    if (!explicit && files.size() > 1) {
      target = files.get(files.size() - 1);
      for (Path f : files) {
        if (Files.exists(f)) {
          target = f;
          break;
        }
      }
    }
    ObjectNode root;
    if (Files.exists(target) && !Files.readString(target).isBlank()) {
      JsonNode parsed = Objects.YAML.readTree(target.toFile());
      if (!(parsed instanceof ObjectNode obj)) throw new KubeconfigException("error loading config file \"" + target + "\"");
      root = obj;
    } else {
      root = JsonNodeFactory.instance.objectNode();
      root.put("apiVersion", "v1");
      root.put("kind", "Config");
    }
    root.put("current-context", name);
    writeKeepingPermissions(target, yaml(root));
    currentContext = name;
    return target;
  }

  /**
   * Rewrites the file in place so it keeps its owner-only permissions (a kubeconfig holds
   * credentials; a temp-file-and-rename would briefly publish it with the umask's mode). A new
   * file is created readable by its owner only, as kubectl creates one.
   */
  private static void writeKeepingPermissions(Path target, String text) throws IOException {
    if (!Files.exists(target)) {
      if (target.getParent() != null) Files.createDirectories(target.getParent());
      try {
        Files.createFile(target, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(target);
      }
    }
    Files.writeString(target, text);
  }
}
