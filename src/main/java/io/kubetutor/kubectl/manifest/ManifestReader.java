package io.kubetutor.kubectl.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.kubectl.KubectlException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads the objects named by {@code -f} (cli-runtime's resource builder): files, directories
 * ({@code .json}, {@code .yaml}, {@code .yml}; {@code -R} to descend), {@code -} for stdin;
 * multi-document YAML, JSON streams and {@code kind: List}. Client-side problems become
 * kubectl's {@code error: ...} texts (reference §5.4); a file that fails stops at that point
 * while the other files are still read, and every error is kept for the verb to print at the end.
 */
public final class ManifestReader {

  /** Largest manifest file read: students' files are a few KB; this guards the shell. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  /** Everything read: objects in order, and the errors met on the way. */
  public record Result(List<Manifest> manifests, List<KubectlException> errors) {}

  private final Path workdir;
  private final InputStream stdin;
  private final String namespace;
  private final boolean namespaceExplicit;
  private Manifest.Validation validation = Manifest.Validation.STRICT;
  private final List<Manifest> manifests = new ArrayList<>();
  private final List<KubectlException> errors = new ArrayList<>();

  /**
   * @param namespace          namespace given to objects that name none
   * @param namespaceExplicit  true with {@code -n}: objects naming another namespace are refused
   */
  public ManifestReader(Path workdir, InputStream stdin, String namespace, boolean namespaceExplicit) {
    this.workdir = workdir;
    this.stdin = stdin;
    this.namespace = namespace;
    this.namespaceExplicit = namespaceExplicit;
  }

  private java.util.function.UnaryOperator<Path> readable = p -> p;

  /** Who may veto a file before it is read (the session's {@code readable}). */
  public ManifestReader readableBy(java.util.function.UnaryOperator<Path> check) {
    this.readable = check;
    return this;
  }

  /** Sets the {@code --validate} mode (strict by default). */
  public ManifestReader validation(Manifest.Validation mode) {
    this.validation = mode;
    return this;
  }

  /**
   * Reads every {@code -f} argument. A path that does not exist fails the whole command before
   * anything is read, as kubectl's builder does.
   */
  public Result read(List<String> filenames, boolean recursive) {
    List<Object[]> sources = new ArrayList<>();
    for (String name : filenames) {
      if (name.equals("-")) {
        sources.add(new Object[] {"STDIN", null});
        continue;
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("http://") || lower.startsWith("https://")) {
        throw new ManifestException("reading manifests from URLs is not supported here; download \"" + name
            + "\" and pass the file");
      }
      Path path = readable.apply(workdir.resolve(name.startsWith("~/") ? System.getProperty("user.home") + name.substring(1) : name));
      if (!Files.exists(path) && isGlob(name)) {
        List<Path> matches = glob(name);
        if (!matches.isEmpty()) {
          for (Path p : matches) sources.add(new Object[] {workdir.relativize(p).toString(), p});
          continue;
        }
      }
      if (!Files.exists(path)) throw new ManifestException("the path \"" + name + "\" does not exist");
      if (Files.isDirectory(path)) {
        for (Path p : expand(path, recursive)) {
          // Go's filepath.Walk joins and cleans: "-f ." shows "pod.yaml", not "./pod.yaml".
          String shown = Path.of(name).resolve(path.relativize(p)).normalize().toString();
          sources.add(new Object[] {shown, p});
        }
      } else {
        sources.add(new Object[] {name, path});
      }
    }
    for (Object[] s : sources) {
      try {
        String text = s[1] == null ? readStdin() : readFile((String) s[0], readable.apply((Path) s[1]));
        decodeStream((String) s[0], text);
      } catch (KubectlException e) {
        errors.add(e);
      }
    }
    return new Result(List.copyOf(manifests), List.copyOf(errors));
  }

  /**
   * One YAML or JSON document as a JSON tree (for {@code patch -p} and {@code edit}); null when
   * it holds nothing. Throws IllegalArgumentException with go-yaml's text, e.g.
   * {@code yaml: line 3: mapping values are not allowed in this context}.
   */
  public static JsonNode parseDocument(String text) {
    try {
      return YamlDocuments.toJson(text);
    } catch (YamlDocuments.YamlSyntaxException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  private static boolean isGlob(String name) {
    return name.contains("*") || name.contains("?") || name.contains("[");
  }

  /** kubectl expands {@code -f '*.yaml'} itself (filepath.Glob), in name order. */
  private List<Path> glob(String pattern) {
    Path full = workdir.resolve(pattern).normalize();
    Path dir = full.getParent();
    if (dir == null || !Files.isDirectory(dir)) return List.of();
    java.nio.file.PathMatcher matcher = dir.getFileSystem().getPathMatcher("glob:" + full.getFileName());
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static List<Path> expand(Path dir, boolean recursive) {
    try (Stream<Path> walk = recursive ? Files.walk(dir) : Files.list(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
          })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ManifestException("error reading \"" + dir + "\": " + e.getMessage());
    }
  }

  private String readFile(String shown, Path path) {
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw new ManifestException("the file \"" + shown + "\" is larger than " + MAX_BYTES / 1024 / 1024
            + " MB, the most a manifest may be here");
      }
      return utf8(shown, Files.readAllBytes(path));
    } catch (IOException e) {
      throw new ManifestException("error reading \"" + shown + "\": " + e.getMessage());
    }
  }

  private String readStdin() {
    try {
      byte[] bytes = stdin.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new ManifestException("the input on STDIN is larger than " + MAX_BYTES / 1024 / 1024
            + " MB, the most a manifest may be here");
      }
      return utf8("STDIN", bytes);
    } catch (IOException e) {
      throw new ManifestException("error reading STDIN: " + e.getMessage());
    }
  }

  /** Text as go-yaml sees it: invalid UTF-8 or control characters are parse errors. */
  private static String utf8(String source, byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw parseError(source, "error converting YAML to JSON: yaml: invalid leading UTF-8 octet");
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        throw parseError(source, "error converting YAML to JSON: yaml: control characters are not allowed");
      }
    }
    return text.replace("\r\n", "\n");
  }

  private static ManifestException parseError(String source, String detail) {
    return new ManifestException("error parsing " + source + ": " + detail);
  }

  private void decodeStream(String source, String text) {
    if (text.stripLeading().startsWith("{")) {
      decodeJson(source, text);
      return;
    }
    for (YamlDocuments.Document doc : YamlDocuments.split(text)) {
      if (doc.error() != null) throw parseError(source, doc.error());
      JsonNode json;
      try {
        json = YamlDocuments.toJson(doc.text());
      } catch (YamlDocuments.YamlSyntaxException e) {
        throw parseError(source, "error converting YAML to JSON: " + e.getMessage());
      }
      if (json != null) accept(source, json);
    }
  }

  private void decodeJson(String source, String text) {
    try (JsonParser parser = Objects.JSON.getFactory().createParser(text);
         MappingIterator<JsonNode> it = Objects.JSON.readValues(parser, JsonNode.class)) {
      while (it.hasNextValue()) {
        JsonNode json = it.nextValue();
        if (json != null && !json.isNull()) accept(source, json);
      }
    } catch (JsonProcessingException e) {
      throw parseError(source, goJsonError(e));
    } catch (IOException | RuntimeException e) {
      if (e.getCause() instanceof JsonProcessingException j) throw parseError(source, goJsonError(j));
      throw parseError(source, String.valueOf(e.getMessage()));
    }
  }

  /** Go's json.Decoder: a SyntaxError carries the byte offset after the bad character; a cut-off stream does not. */
  private static String goJsonError(JsonProcessingException e) {
    String message = goJsonMessage(e);
    if (message.equals("unexpected EOF")) return message;
    long offset = e.getLocation() == null ? 0 : e.getLocation().getCharOffset() + 1;
    return "json: offset " + offset + ": " + message;
  }

  private static String goJsonMessage(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m.contains("end-of-input")) return "unexpected EOF";
    int quote = m.indexOf("('");
    if (quote >= 0 && m.length() > quote + 2) {
      char c = m.charAt(quote + 2);
      String looking = m.contains("field name") ? "looking for beginning of object key string"
          : "looking for beginning of value";
      return "invalid character '" + c + "' " + looking;
    }
    return m;
  }

  /** One document (or List item): schema checks, kind mapping, namespace, strict decoding. */
  private void accept(String source, JsonNode json) {
    if (!(json instanceof ObjectNode) && validation != Manifest.Validation.IGNORE) {
      // The client's schema check (kubectl's validation.getObjectKind) wants a mapping first.
      throw new ManifestException("error validating \"" + source + "\": error validating data: invalid object to"
          + " validate; if you choose to ignore these errors, turn validation off with --validate=false");
    }
    if (!(json instanceof ObjectNode obj)) {
      throw new ManifestException("unable to decode \"" + source + "\": json: cannot unmarshal "
          + (json.isArray() ? "array" : json.isTextual() ? "string" : json.isNumber() ? "number" : "bool")
          + " into Go value of type map[string]interface {}");
    }
    List<String> missing = new ArrayList<>();
    if (obj.path("apiVersion").asText("").isEmpty()) missing.add("apiVersion not set");
    if (obj.path("kind").asText("").isEmpty()) missing.add("kind not set");
    if (!missing.isEmpty() && validation == Manifest.Validation.IGNORE) {
      throw new ManifestException("unable to decode \"" + source + "\": Object '"
          + (missing.contains("kind not set") ? "Kind" : "apiVersion") + "' is missing in '" + obj + "'");
    }
    if (!missing.isEmpty()) {
      String what = missing.size() == 1 ? missing.get(0) : "[" + String.join(", ", missing) + "]";
      throw new ManifestException("error validating \"" + source + "\": error validating data: " + what
          + "; if you choose to ignore these errors, turn validation off with --validate=false");
    }
    String apiVersion = obj.get("apiVersion").asText();
    String kindName = obj.get("kind").asText();
    if (kindName.equals("List") && apiVersion.equals("v1")) {
      for (JsonNode item : obj.path("items")) accept(source, item);
      return;
    }
    JsonNode meta = obj.path("metadata");
    String name = meta.path("name").asText("");
    String ns = meta.path("namespace").asText("");
    ResourceKind kind = ResourceKind.forKind(apiVersion, kindName).orElseThrow(() -> new ManifestException(
        "resource mapping not found for name: \"" + name + "\" namespace: \"" + ns + "\" from \"" + source
            + "\": no matches for kind \"" + kindName + "\" in version \"" + apiVersion + "\"\n"
            + "ensure CRDs are installed first"));
    if (kind.namespaced()) {
      if (ns.isEmpty()) {
        ObjectNode m = meta instanceof ObjectNode o ? o : obj.putObject("metadata");
        m.put("namespace", namespace);
      } else if (namespaceExplicit && !ns.equals(namespace)) {
        errors.add(new KubectlException("the namespace from the provided object \"" + ns + "\" does not match the"
            + " namespace \"" + namespace + "\". You must pass '--namespace=" + ns + "' to perform this operation."));
        return;
      }
    }
    HasMetadata object = null;
    ClusterException decodeError = null;
    List<String> warnings = new ArrayList<>();
    try {
      object = StrictDecoder.decodeTypes(kind, obj);
      List<String> unknown = StrictDecoder.unknownFields(obj, object);
      if (!unknown.isEmpty()) {
        switch (validation) {
          case STRICT -> decodeError = StrictDecoder.unknownFieldsError(kind, unknown);
          case WARN -> unknown.forEach(f -> warnings.add("unknown field \"" + f + "\""));
          case IGNORE -> { }
        }
        if (decodeError == null) {
          dropUnknown(obj, unknown);
          object = StrictDecoder.decodeTypes(kind, obj);
        }
      }
    } catch (ClusterException e) {
      decodeError = e;
    }
    manifests.add(new Manifest(source, kind, obj, object, decodeError, List.copyOf(warnings)));
  }

  /** Removes unknown fields from the document, as the apiserver drops them outside strict mode. */
  private static void dropUnknown(ObjectNode obj, List<String> paths) {
    for (String path : paths) {
      JsonNode node = obj;
      String[] parts = path.split("\\.");
      for (int i = 0; i < parts.length - 1 && node != null; i++) {
        String p = parts[i];
        int bracket = p.indexOf('[');
        if (bracket >= 0) {
          node = node.get(p.substring(0, bracket));
          for (String idx : p.substring(bracket + 1, p.length() - 1).split("\\]\\[")) {
            node = node == null ? null : node.get(Integer.parseInt(idx));
          }
        } else {
          node = node.get(p);
        }
      }
      if (node instanceof ObjectNode o) o.remove(parts[parts.length - 1]);
    }
  }
}
