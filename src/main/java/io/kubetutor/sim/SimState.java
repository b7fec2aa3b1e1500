package io.kubetutor.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * handed only pods it had not finished starting (phase Pending), which it starts again; a running
 * pod keeps its status but its earlier container logs and files are not kept, and deleting it
 * removes it at once (no kubelet holds its containers).
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

  /** The simulator as JSON, read under the engine lock so it is one consistent moment. */
  public static String toJson(SimCluster sim) {
    Engine engine = sim.engine();
    return engine.read(() -> {
      ObjectNode root = Objects.JSON.createObjectNode();
      root.put("format", FORMAT);
      root.put("version", VERSION);
      root.put("clock", engine.clock().now().toString());
      root.put("seed", sim.options().seed());
      root.put("random", engine.seededRandom().state());
      root.put("resourceVersion", engine.memoryStore().resourceVersion());
      ObjectNode images = root.putObject("images");
      ObjectNode tags = images.putObject("tags");
      new TreeMap<>(engine.images().tags()).forEach((k, v) -> tags.set(k, SORTED.valueToTree(v)));
      ObjectNode builds = images.putObject("builds");
      new TreeMap<>(engine.images().builds()).forEach(builds::put);
      ArrayNode objects = root.putArray("objects");
      for (HasMetadata o : engine.memoryStore().all()) objects.add(Objects.toTree(o));
      try {
        return Objects.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
      } catch (IOException e) {
        throw new IllegalStateException("cannot write simulator state: " + e.getMessage(), e);
      }
    });
  }

  /** Writes the simulator to {@code file} atomically (the old file stays whole if this fails). */
  public static void save(SimCluster sim, Path file) throws IOException {
    AtomicFiles.writeString(file, toJson(sim));
  }

  /** Reads a saved simulator; nothing outside the new simulator changes, whatever the file holds. */
  public static SimCluster load(Path file, boolean realtime) throws StateException {
    String text;
    try {
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

    SimCluster sim = SimCluster.empty(new SimOptions(seed, realtime), clock);
    Engine engine = sim.engine();
    engine.run(() -> {
      engine.memoryStore().restore(objects, resourceVersion);
      engine.seededRandom().restore(random);
      engine.images().restore(tags, builds);
      engine.resetEventIndex();
      rereconcile(engine, objects);
    });
    return sim;
  }

  /** Hands every object to every controller as if just added (see the class comment for the kubelet). */
  private static void rereconcile(Engine engine, List<HasMetadata> objects) {
    for (Reconciler r : engine.controllers()) {
      for (HasMetadata o : objects) {
        if (r instanceof Kubelet && o instanceof Pod p && !kubeletMustRestart(p)) continue;
        r.onChange(new WatchEvent(WatchEvent.Type.ADDED, o), key -> engine.enqueue(r, key));
      }
    }
  }

  /** True for a pod the kubelet must be told about again: bound, and not yet running or finished. */
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
