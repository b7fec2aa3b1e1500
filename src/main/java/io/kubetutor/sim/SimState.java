package io.kubetutor.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.controllers.Kubelet;
import io.kubetutor.sim.controllers.Reconciler;
import io.kubetutor.sim.images.ImageConfig;
import io.kubetutor.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulator's state as one JSON document ({@code sim save} / {@code sim load}, and the state an
 * interactive session keeps between runs): every stored object with its resourceVersion, the store's
 * resourceVersion counter, the clock, the seed and the random generator's state, and the image
 * registry's tags and build counts (so digests and the next push's digest are the same).
 *
 * <p>Pending timers are not saved (they are closures). The rule instead: after a load every object
 * is handed to every controller as if just added, so each re-derives the work it still owes (a
 * ReplicaSet short of pods creates them, a terminating namespace finishes, ...). The kubelet is
 * handed every bound pod that has not finished: it starts their containers again, as after a node
 * reboot. The files of volumes (emptyDir, hostPath, claims) and the nodes' images are saved and
 * put back; container logs and files outside volumes are not.
 */
public final class SimState {

  /** Marks our files, so a foreign JSON file is told apart from a corrupt one of ours. */
  public static final String FORMAT = "kubetutor-sim-state";
  public static final int VERSION = 1;

  /** A saved file that cannot be used; the message is for the student (after {@code error: }). */
  public static final class StateException extends Exception {
    public StateException(String message) { super(message); }
  }

  /** Image env maps have no order of their own; sorted keys keep equal states byte-for-byte equal. */
  private static final com.fasterxml.jackson.databind.ObjectMapper SORTED = Objects.JSON.copy()
      .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private SimState() {}

  /**
   * The most objects a saved simulator may hold. A course session has a few hundred; a typo such as
   * {@code replicas: 50000} makes well over a hundred thousand (pods and their events), which take
   * minutes to write at exit and to read at the next start.
   */
  public static final int MAX_SAVED_OBJECTS = 10_000;

  /** Larger files are not read at start: far past what {@link #MAX_SAVED_OBJECTS} objects take. */
  static final long MAX_STATE_BYTES = 64L << 20;

  /** How many objects the simulator holds (what {@link #MAX_SAVED_OBJECTS} bounds). */
  public static int objectCount(SimCluster sim) {
    return sim.engine().read(() -> {
      int n = 0;
      for (ResourceKind k : ResourceKind.values()) n += sim.engine().memoryStore().count(k);
      return n;
    });
  }

  /** The simulator as JSON (what {@link #save} writes), read under the engine lock so it is one consistent moment. */
  public static String toJson(SimCluster sim) {
    var bytes = new java.io.ByteArrayOutputStream();
    try {
      writeJson(sim, bytes);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write simulator state: " + e.getMessage(), e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Streams the state object by object, so a large simulator is never held twice in memory. */
  private static void writeJson(SimCluster sim, java.io.OutputStream out) throws IOException {
    Engine engine = sim.engine();
    try {
      engine.read(() -> {
        try (com.fasterxml.jackson.core.JsonGenerator g = Objects.JSON.getFactory().createGenerator(out)) {
          g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
          g.writeStartObject();
          g.writeStringField("format", FORMAT);
          g.writeNumberField("version", VERSION);
          g.writeStringField("clock", engine.clock().now().toString());
          g.writeNumberField("seed", sim.options().seed());
          g.writeNumberField("random", engine.seededRandom().state());
          g.writeNumberField("resourceVersion", engine.memoryStore().resourceVersion());
          g.writeObjectFieldStart("images");
          g.writeObjectFieldStart("tags");
          for (var e : new TreeMap<>(engine.images().tags()).entrySet()) {
            g.writeFieldName(e.getKey());
            SORTED.writeValue(g, e.getValue());
          }
          g.writeEndObject();
          g.writeObjectFieldStart("builds");
          for (var e : new TreeMap<>(engine.images().builds()).entrySet()) {
            g.writeFieldName(e.getKey());
            Objects.JSON.writeValue(g, e.getValue());
          }
          g.writeEndObject();
          g.writeEndObject();
          g.writeArrayFieldStart("objects");
          for (HasMetadata o : engine.memoryStore().all()) Objects.JSON.writeValue(g, o);
          g.writeEndArray();
          g.writeFieldName("volumes");
          Objects.JSON.writeValue(g, kubelet(engine).volumeFiles());
          g.writeFieldName("nodeImages");
          SORTED.writeValue(g, kubelet(engine).nodeImages());
          g.writeEndObject();
          g.writeRaw('\n');
          return null;
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Writes the simulator to {@code file} atomically (the old file stays whole if this fails). */
  public static void save(SimCluster sim, Path file) throws IOException {
    AtomicFiles.write(file, stream -> writeJson(sim, stream));
  }

  /** Reads a saved simulator; nothing outside the new simulator changes, whatever the file holds. */
  public static SimCluster load(Path file, boolean realtime) throws StateException {
    String text;
    try {
      long size = Files.size(file);
      if (size > MAX_STATE_BYTES) {
        throw new StateException(file + " is too large to restore (" + size / (1 << 20) + " MB; at most "
            + MAX_STATE_BYTES / (1 << 20) + " MB)");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new StateException(file + ": no such file");
    } catch (IOException e) {
      throw new StateException("cannot read " + file + ": " + e.getMessage());
    }
    return fromJson(text, file.toString(), realtime);
  }

  /** The time a saved file was written at (its simulated clock is separate), or null if it cannot tell. */
  public static Instant savedAt(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return null;
    }
  }

  static SimCluster fromJson(String text, String source, boolean realtime) throws StateException {
    JsonNode root;
    try {
      root = Objects.JSON.readTree(text);
    } catch (IOException e) {
      throw new StateException(source + " is not valid JSON (" + firstLine(e.getMessage()) + ")");
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
      throw new StateException(source + " is not a kubetutor simulator state file");
    }
    if (root.path("version").asInt(-1) != VERSION) {
      throw new StateException(source + ": unsupported simulator state version " + root.path("version"));
    }
    Instant clock;
    try {
      clock = Instant.parse(require(root, "clock", source).asText());
    } catch (DateTimeParseException e) {
      throw new StateException(source + ": clock is not a time: " + root.path("clock").asText());
    }
    long seed = number(root, "seed", source);
    long random = number(root, "random", source);
    long resourceVersion = number(root, "resourceVersion", source);
    Map<String, ImageConfig> tags = new TreeMap<>();
    Map<String, Integer> builds = new TreeMap<>();
    JsonNode images = root.path("images");
    try {
      for (Iterator<Map.Entry<String, JsonNode>> it = images.path("tags").fields(); it.hasNext(); ) {
        var e = it.next();
        tags.put(e.getKey(), Objects.JSON.treeToValue(e.getValue(), ImageConfig.class));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = images.path("builds").fields(); it.hasNext(); ) {
        var e = it.next();
        if (!e.getValue().canConvertToInt()) throw new StateException(source + ": image build count of " + e.getKey() + " is not a number");
        builds.put(e.getKey(), e.getValue().intValue());
      }
    } catch (IOException | RuntimeException e) {
      throw new StateException(source + ": bad image registry entry (" + firstLine(e.getMessage()) + ")");
    }
    JsonNode objectsNode = require(root, "objects", source);
    if (!objectsNode.isArray()) throw new StateException(source + ": objects is not a list");
    List<HasMetadata> objects = new ArrayList<>();
    for (JsonNode n : objectsNode) objects.add(object(n, source));

    Map<String, Map<String, String>> volumes = optionalMap(root, "volumes", "volumes", source,
        new com.fasterxml.jackson.core.type.TypeReference<>() {});
    Map<String, Map<String, ImageConfig>> nodeImages = optionalMap(root, "nodeImages", "node images", source,
        new com.fasterxml.jackson.core.type.TypeReference<>() {});

    SimCluster sim = SimCluster.empty(new SimOptions(seed, realtime), clock);
    Engine engine = sim.engine();
    engine.run(() -> {
      kubelet(engine).restoreVolumes(volumes);
      kubelet(engine).restoreNodeImages(nodeImages);
      engine.memoryStore().restore(objects, resourceVersion);
      engine.seededRandom().restore(random);
      engine.images().restore(tags, builds);
      engine.resetEventIndex();
      rereconcile(engine, objects);
    });
    return sim;
  }

  /**
   * A field files saved by earlier versions lack (they restore without it): its value as
   * {@code type}, or an empty map.
   */
  private static <T> Map<String, T> optionalMap(JsonNode root, String field, String what, String source,
      com.fasterxml.jackson.core.type.TypeReference<Map<String, T>> type) throws StateException {
    if (!root.has(field)) return Map.of();
    try {
      return Objects.JSON.convertValue(root.get(field), type);
    } catch (IllegalArgumentException e) {
      throw new StateException(source + ": bad " + what + " (" + firstLine(e.getMessage()) + ")");
    }
  }

  private static Kubelet kubelet(Engine engine) {
    for (Reconciler r : engine.controllers()) if (r instanceof Kubelet k) return k;
    throw new IllegalStateException("the simulator runs no kubelet");
  }

  /** Hands every object to every controller as if just added (see the class comment for the kubelet). */
  private static void rereconcile(Engine engine, List<HasMetadata> objects) {
    List<Pod> running = new ArrayList<>();
    for (Reconciler r : engine.controllers()) {
      for (HasMetadata o : objects) {
        if (r instanceof Kubelet && o instanceof Pod p) {
          if (isRunning(p)) running.add(p);
          if (!kubeletMustRestart(p)) continue;
        }
        r.onChange(new WatchEvent(WatchEvent.Type.ADDED, o), key -> engine.enqueue(r, key));
      }
    }
    if (running.isEmpty()) return;
    // Running pods restart when time next moves, so the loaded simulator is the saved one until then.
    Kubelet kubelet = kubelet(engine);
    engine.clock().schedule(java.time.Duration.ZERO, "kubelet restarts restored pods", () -> {
      for (Pod p : running) kubelet.onChange(new WatchEvent(WatchEvent.Type.ADDED, p), key -> engine.enqueue(kubelet, key));
    });
  }

  private static boolean isRunning(Pod p) {
    return p.getSpec() != null && p.getSpec().getNodeName() != null && p.getStatus() != null
        && "Running".equals(p.getStatus().getPhase()) && p.getMetadata().getDeletionTimestamp() == null;
  }

  /**
   * True for a pod the kubelet must be told about at once: bound and not yet running, or being
   * deleted. Running pods are told a moment later (see {@link #rereconcile}).
   */
  private static boolean kubeletMustRestart(Pod p) {
    if (p.getSpec() == null || p.getSpec().getNodeName() == null) return true;  // not the kubelet's yet: it ignores it
    String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
    return phase == null || phase.equals("Pending") || p.getMetadata().getDeletionTimestamp() != null;
  }

  private static HasMetadata object(JsonNode n, String source) throws StateException {
    String apiVersion = n.path("apiVersion").asText("");
    String kind = n.path("kind").asText("");
    ResourceKind rk = ResourceKind.forKind(apiVersion, kind).orElseThrow(() ->
        new StateException(source + ": unknown object kind \"" + kind + "\" (" + apiVersion + ")"));
    HasMetadata o;
    try {
      o = Objects.JSON.treeToValue(n, rk.type());
    } catch (IOException | RuntimeException e) {
      throw new StateException(source + ": bad " + kind + " object (" + firstLine(e.getMessage()) + ")");
    }
    if (o.getMetadata() == null || o.getMetadata().getName() == null || o.getMetadata().getName().isEmpty()) {
      throw new StateException(source + ": a " + kind + " object has no name");
    }
    if (rk.namespaced() && (o.getMetadata().getNamespace() == null || o.getMetadata().getNamespace().isEmpty())) {
      throw new StateException(source + ": " + kind + " " + o.getMetadata().getName() + " has no namespace");
    }
    return o;
  }

  private static JsonNode require(JsonNode root, String field, String source) throws StateException {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) throw new StateException(source + ": missing \"" + field + "\"");
    return n;
  }

  private static long number(JsonNode root, String field, String source) throws StateException {
    JsonNode n = require(root, field, source);
    if (!n.canConvertToLong() || !n.isIntegralNumber()) throw new StateException(source + ": \"" + field + "\" is not a number");
    return n.longValue();
  }

  private static String firstLine(String s) {
    if (s == null) return "unreadable";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
