package io.kubetutor.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.sim.SimCluster;
import io.kubetutor.sim.SimOptions;
import io.kubetutor.sim.SimSnapshot;
import io.kubetutor.sim.images.Dockerfile;
import io.kubetutor.sim.images.ImageConfig;
import io.kubetutor.sim.images.ImagePullException;
import io.kubetutor.sim.images.LocalImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a session into a lesson's start state. On the simulator: a fresh simulator with the
 * lesson's seed, the setup manifests created through the port, and (virtual clock) enough time for
 * them to settle. On a real cluster: the manifests are created where missing, each object labelled
 * {@value #LESSON_LABEL}{@code =<lesson id>}; a fresh start (reset) first deletes the objects carrying
 * that label in the student's namespace, and nothing else, since the namespace may hold the student's
 * own work. Setup files are copied into the workspace unless the student already has a file of that name.
 */
final class SetupApplier {

  /** Time the virtual clock runs after setup so pods of the start state are up before the first step. */
  static final Duration SETTLE = Duration.ofSeconds(60);

  /** The label a real cluster's setup objects carry (value: the lesson id); reset deletes by it. */
  public static final String LESSON_LABEL = "kubetutor.io/lesson";

  private SetupApplier() {}

  /** The start state without removing anything first (see {@link #apply(Lesson, LessonHost, boolean)}). */
  static List<String> apply(Lesson lesson, LessonHost session) {
    return apply(lesson, session, false);
  }

  /**
   * Puts the session into the lesson's start state. {@code fresh} (reset, or a start that discards
   * progress) first removes, on a real cluster, what an earlier setup of this lesson created.
   */
  static List<String> apply(Lesson lesson, LessonHost session, boolean fresh) {
    List<String> notes = new ArrayList<>();
    if (onSimulator(session)) {
      session.replaceSimulator(
          new SimCluster(new SimOptions(lesson.setup().seed(), session.realtime())));
    }
    Cluster cluster = session.cluster();
    String ns = session.namespace();
    boolean real = session.simulator() == null;
    if (real && fresh) {
      int removed = removeLessonObjects(cluster, ns, lesson);
      if (removed > 0) notes.add("removed " + removed + " object" + (removed == 1 ? "" : "s") + " labelled "
          + LESSON_LABEL + "=" + lesson.id() + " from namespace " + ns);
    }
    for (String manifest : lesson.setup().manifests()) {
      for (HasMetadata obj : readManifests(lesson.dir().resolve(manifest), ns)) {
        if (real) {
          var labels = new java.util.LinkedHashMap<String, String>();
          if (obj.getMetadata().getLabels() != null) labels.putAll(obj.getMetadata().getLabels());
          labels.put(LESSON_LABEL, lesson.id());
          obj.getMetadata().setLabels(labels);
        }
        try {
          cluster.create(obj, Cluster.DryRun.NONE);
        } catch (ClusterException e) {
          if (e.code() != 409) throw new LessonException(lesson.file(), 0, "setup: " + e.toKubectlMessage());
        }
      }
    }
    publishImages(lesson, session.simulator(), notes);
    notes.addAll(copyFiles(lesson, lesson.setup().files(), session.workdir(), false));
    SimCluster sim = session.simulator();
    if (sim != null && !sim.realtime() && !lesson.setup().manifests().isEmpty()) sim.advance(SETTLE);
    return notes;
  }

  /**
   * The start state from a snapshot of the simulator taken right after {@link #apply} (the grader
   * takes one per batch): the snapshot's simulator replaces the session's, and the setup files go
   * into this session's workspace, since those depend on what the workspace already holds.
   */
  static List<String> applyFrom(Lesson lesson, LessonHost session, SimSnapshot startState) {
    if (!onSimulator(session)) return apply(lesson, session, true);
    session.replaceSimulator(startState.restore());
    return new ArrayList<>(copyFiles(lesson, lesson.setup().files(), session.workdir(), false));
  }

  /** Whether the session works on its simulator, asked without booting one only to replace it. */
  private static boolean onSimulator(LessonHost session) {
    return session.onSimulatorContext();
  }

  /**
   * Deletes the objects in {@code namespace} labelled as this lesson's setup, of every namespaced kind
   * kubetutor knows (a lesson's manifests may have changed since the objects were made). Only that
   * label decides: objects the student made, or that belong to anything else, stay. Kinds the student
   * may not list (403) are skipped; dependents (a deployment's pods) go with their owner.
   */
  static int removeLessonObjects(Cluster cluster, String namespace, Lesson lesson) {
    Selector mine = Selector.of(java.util.Map.of(LESSON_LABEL, lesson.id()));
    int removed = 0;
    for (ResourceKind kind : ResourceKind.values()) {
      if (!kind.namespaced() || kind == ResourceKind.EVENT) continue;
      List<HasMetadata> objects;
      try {
        objects = cluster.list(kind, namespace, mine, FieldSelector.EVERYTHING);
      } catch (ClusterException e) {
        if (e.code() == 403 || e.code() == 404) continue;
        throw new LessonException(lesson.file(), 0, "reset: " + e.toKubectlMessage());
      }
      for (HasMetadata obj : objects) {
        try {
          // Immediately, so the setup that follows can create the same names again.
          cluster.delete(kind, namespace, obj.getMetadata().getName(), DeleteOptions.DEFAULT.withGracePeriod(0L));
          removed++;
        } catch (ClusterException e) {
          if (e.code() != 404) throw new LessonException(lesson.file(), 0, "reset: " + e.toKubectlMessage());
        }
      }
    }
    return removed;
  }

  /**
   * Builds each setup image from its Dockerfile and publishes it in the simulated registry, as
   * {@code docker build} + {@code docker push} would. A real cluster's registry is not ours to
   * write: the student is told the lesson needs the simulator for these images.
   */
  private static void publishImages(Lesson lesson, SimCluster sim, List<String> notes) {
    if (lesson.setup().images().isEmpty()) return;
    if (sim == null) {
      notes.add("note: this lesson publishes images (" + String.join(", ", lesson.setup().images().keySet())
          + ") in the simulator's registry; on a real cluster, push them to a registry yourself first");
      return;
    }
    for (var image : lesson.setup().images().entrySet()) {
      Path dockerfile = lesson.dir().resolve(image.getValue());
      try {
        Dockerfile parsed = Dockerfile.parse(Files.readString(dockerfile));
        ImageConfig built = new LocalImages().build(image.getKey(), parsed, sim.images());
        sim.images().publish(image.getKey(), built);
      } catch (IOException | Dockerfile.Invalid | ImagePullException e) {
        throw new LessonException(lesson.file(), 0, "setup: image " + image.getKey() + ": " + e.getMessage());
      }
    }
  }

  /** Parses every document of a lesson manifest into a model object in {@code namespace} (unless it names one). */
  static List<HasMetadata> readManifests(Path file, String namespace) {
    List<HasMetadata> out = new ArrayList<>();
    try (var docs = Objects.YAML.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(file))) {
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        if (doc == null || doc.isNull() || doc.isEmpty()) continue;
        ResourceKind kind = ResourceKind.forKind(doc.path("apiVersion").asText(), doc.path("kind").asText())
            .orElseThrow(() -> new LessonException(file, 0, "setup: unknown kind " + doc.path("kind").asText()));
        HasMetadata obj = Objects.fromTree(doc, kind.type());
        if (kind.namespaced() && obj.getMetadata().getNamespace() == null) obj.getMetadata().setNamespace(namespace);
        out.add(obj);
      }
    } catch (IOException e) {
      throw new LessonException(file, 0, "setup: cannot read manifest: " + e.getMessage());
    }
    return out;
  }

  /**
   * Copies lesson files into the workspace. An existing file with the same content is left alone; a
   * different one (the student changed it) is kept unless {@code overwrite}. Returns what was done.
   */
  static List<String> copyFiles(Lesson lesson, java.util.Map<String, String> files, Path workspace, boolean overwrite) {
    List<String> notes = new ArrayList<>();
    files.forEach((name, source) -> {
      Path target = workspace.resolve(name).normalize();
      try {
        byte[] content = Files.readAllBytes(lesson.dir().resolve(source));
        if (Files.exists(target)) {
          if (java.util.Arrays.equals(Files.readAllBytes(target), content)) {
            notes.add(name + " is already in your workspace");
            return;
          }
          if (!overwrite) {
            notes.add("kept your " + name + " (it differs from the lesson's copy; \"lesson files --force\" replaces it)");
            return;
          }
        }
        if (target.getParent() != null) Files.createDirectories(target.getParent());
        Files.write(target, content);
        notes.add("wrote " + name);
      } catch (IOException e) {
        notes.add("could not write " + name + ": " + e.getMessage());
      }
    });
    return notes;
  }
}
