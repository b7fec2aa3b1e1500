package io.kubetutor.sim.controllers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.LogOptions;
import io.kubetutor.sim.ContainerLogs;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.ControlPlane;
import io.kubetutor.sim.ObjectKey;
import io.kubetutor.sim.clock.SimClock;
import io.kubetutor.sim.container.ContainerContext;
import io.kubetutor.sim.container.ContainerFilesystem;
import io.kubetutor.sim.container.ContainerInterpreter;
import io.kubetutor.sim.container.ContainerLog;
import io.kubetutor.sim.container.PodLogs;
import io.kubetutor.sim.container.ContainerExec;
import io.kubetutor.sim.container.ProcessPlan;
import io.kubetutor.sim.images.ImageConfig;
import io.kubetutor.sim.images.ImagePullException;
import io.kubetutor.sim.images.ImageReference;
import io.kubetutor.sim.images.ImageRegistry;
import io.kubetutor.sim.images.NodeImageCache;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The kubelets of every simulated node, as one controller: for each pod bound to a node it pulls
 * images by {@code imagePullPolicy} through the node's image cache, starts the containers through
 * the interpreter, reports status (phase, conditions, container states, IPs), restarts exited
 * containers by {@code restartPolicy} with the kubelet's 10 s → 300 s back-off, backs off failed
 * pulls the same way, and on deletion stops the containers (SIGTERM, then SIGKILL at the end of the
 * grace period) before removing the pod from the store.
 */
public final class Kubelet implements Reconciler, PodLogs, ContainerLogs, ContainerExec {

  static final Duration BACKOFF_START = Duration.ofSeconds(10);
  static final Duration BACKOFF_MAX = Duration.ofSeconds(300);
  /** The kubelet forgets a back-off once the container ran this long (2 × max). */
  static final Duration BACKOFF_RESET = Duration.ofMinutes(10);
  /** Sandbox creation before the first image step. */
  static final Duration SANDBOX = Duration.ofMillis(300);
  /** Creating and starting a container. */
  static final Duration START = Duration.ofMillis(200);
  /** Bytes per second a simulated pull moves (about 20 MB/s), before the seeded jitter. */
  static final long PULL_RATE = 20_000_000L;

  private final ControlPlane cp;
  private final ImageRegistry registry;
  private final Map<String, NodeImageCache> caches = new HashMap<>();
  private final Map<String, PodRuntime> pods = new HashMap<>();
  /** The uids of the runtimes per pod name (a namesake may replace a pod whose runtime still stops). */
  private final Map<ObjectKey, List<String>> uidsByName = new HashMap<>();
  private final Map<String, ContainerFilesystem.Volume> volumes = new HashMap<>();
  private final Map<String, Integer> nextIp = new HashMap<>();

  public Kubelet(ControlPlane cp, ImageRegistry registry) {
    this.cp = cp;
    this.registry = registry;
  }

  @Override public String name() { return "kubelet"; }

  /** The image cache of a node (created empty on first use). */
  public NodeImageCache cache(String node) {
    return caches.computeIfAbsent(node, n -> new NodeImageCache());
  }

  @Override
  public void onChange(WatchEvent event, Consumer<ObjectKey> enqueue) {
    if (event.type() == WatchEvent.Type.DELETED) forgetVolumes(event.object());
    if (event.object() instanceof Pod pod && pod.getSpec() != null && pod.getSpec().getNodeName() != null) {
      enqueue.accept(ObjectKey.of(pod));
    } else if (event.object() instanceof Node node && !NodeLifecycleController.kubeletStopped(node)
        && event.type() == WatchEvent.Type.MODIFIED) {
      // A kubelet that comes back (sim node recover) catches up on what happened to its pods meanwhile.
      String name = node.getMetadata().getName();
      for (Pod p : cp.store().list(Pod.class, null, null)) {
        if (p.getSpec() != null && name.equals(p.getSpec().getNodeName()) && p.getMetadata().getDeletionTimestamp() != null) {
          enqueue.accept(ObjectKey.of(p));
        }
      }
    }
  }

  /**
   * The files of every volume that holds some, by volume id (a claimed volume is {@code pv/NAME}),
   * for saving the simulator; {@link #restoreVolumes} puts them back.
   */
  public Map<String, Map<String, String>> volumeFiles() {
    Map<String, Map<String, String>> out = new java.util.TreeMap<>();
    volumes.forEach((id, v) -> {
      Map<String, String> files = v.files();
      if (!files.isEmpty()) out.put(id, files);
    });
    return out;
  }

  /** A deleted volume's files go with it (a pod's emptyDir, a claim's volume); hostPath files stay on the node. */
  private void forgetVolumes(HasMetadata gone) {
    if (gone instanceof io.fabric8.kubernetes.api.model.PersistentVolume pv) {
      volumes.remove("pv/" + pv.getMetadata().getName());
    } else if (gone instanceof Pod pod && !volumes.isEmpty()) {
      String prefix = "pod/" + pod.getMetadata().getUid() + "/";
      volumes.keySet().removeIf(id -> id.startsWith(prefix));
    }
  }

  /** Every node's image cache (canonical tag to build), for saving the simulator. */
  public Map<String, Map<String, io.kubetutor.sim.images.ImageConfig>> nodeImages() {
    Map<String, Map<String, io.kubetutor.sim.images.ImageConfig>> out = new java.util.TreeMap<>();
    caches.forEach((node, cache) -> {
      if (!cache.images().isEmpty()) out.put(node, new java.util.TreeMap<>(cache.images()));
    });
    return out;
  }

  public void restoreNodeImages(Map<String, Map<String, io.kubetutor.sim.images.ImageConfig>> saved) {
    saved.forEach((node, images) -> images.forEach(cache(node)::store));
  }

  public void restoreVolumes(Map<String, Map<String, String>> saved) {
    saved.forEach((id, files) -> {
      ContainerFilesystem.Volume v = volumes.computeIfAbsent(id, k -> new ContainerFilesystem.Volume());
      files.forEach(v::restore);
    });
  }

  @Override
  public Optional<ContainerLog> log(String namespace, String pod, String container, boolean previous) {
    Pod p = cp.store().get(Pod.class, namespace, pod);
    if (p == null) return Optional.empty();
    PodRuntime rt = pods.get(p.getMetadata().getUid());
    if (rt == null) return Optional.empty();
    ContainerRuntime c = rt.containers.get(container);
    if (c == null) return Optional.empty();
    return Optional.ofNullable(previous ? c.previousLog : c.log);
  }

  @Override
  public Optional<ContainerContext> execContext(String namespace, String pod, String container) {
    Pod p = cp.store().get(Pod.class, namespace, pod);
    if (p == null) return Optional.empty();
    PodRuntime rt = pods.get(p.getMetadata().getUid());
    ContainerRuntime c = rt == null ? null : rt.containers.get(container);
    if (c == null || c.phase != Phase.RUNNING || c.context == null) return Optional.empty();
    return Optional.of(c.context);
  }

  /**
   * What the kubelet serves for {@code kubectl logs}: the current or previous run's log, or the
   * apiserver's BadRequest when the container has not started yet.
   */
  @Override
  public String logs(Pod pod, String container, LogOptions options) {
    PodRuntime rt = pods.get(pod.getMetadata().getUid());
    ContainerRuntime c = rt == null ? null : rt.containers.get(container);
    String name = pod.getMetadata().getName();
    if (options.previous()) {
      if (c == null || c.previousLog == null) {
        throw ClusterException.badRequest("previous terminated container \"" + container + "\" in pod \"" + name + "\" not found");
      }
      return c.previousLog.render(options, cp.clock().now());
    }
    if (c == null || c.log == null) {
      String reason = c == null ? "ContainerCreating" : c.waitingReason;
      String why = reason.equals("ErrImagePull") || reason.equals("ImagePullBackOff") ? "image can't be pulled" : reason;
      throw ClusterException.badRequest("container \"" + container + "\" in pod \"" + name + "\" is waiting to start: " + why);
    }
    return c.log.render(options, cp.clock().now());
  }

  // ---- runtime state

  private enum Phase { WAITING_IMAGE, PULLING, STARTING, RUNNING, EXITED, BACKOFF }

  private static final class ContainerRuntime {
    final Container spec;
    Phase phase = Phase.WAITING_IMAGE;
    String waitingReason = "ContainerCreating";
    String waitingMessage;
    ImageConfig image;
    /** {@link #imageId} of {@code imageIdOf}. */
    String imageId;
    ImageConfig imageIdOf;
    ProcessPlan plan;
    Instant startedAt;
    Instant finishedAt;
    int exitCode;
    String containerId;
    int restartCount;
    ContainerStatus lastTerminated;
    ContainerLog log;
    ContainerLog previousLog;
    Duration backoff;
    SimClock.Timer timer;
    ContainerFilesystem fs;
    ContainerContext context;

    ContainerRuntime(Container spec) {
      this.spec = spec;
    }
  }

  private static final class PodRuntime {
    final String uid;
    final String node;
    String namespace;
    String name;
    final Map<String, ContainerRuntime> containers = new LinkedHashMap<>();
    String podIP;
    String hostIP;
    Instant startTime;
    boolean terminating;

    PodRuntime(String uid, String node) {
      this.uid = uid;
      this.node = node;
    }
  }

  // ---- reconcile

  @Override
  public void reconcile(ObjectKey key) {
    if (key.kind() != ResourceKind.POD) return;
    Pod pod = cp.store().get(Pod.class, key.namespace(), key.name());
    if (pod == null || pod.getSpec().getNodeName() == null) {
      // Removed without the kubelet (a forced delete): stop what ran for that pod.
      // Only the runtimes filed under this name are candidates (not a walk over every pod on every node).
      List<String> uids = uidsByName.get(key);
      if (uids == null) return;
      for (String uid : List.copyOf(uids)) {
        PodRuntime gone = pods.get(uid);
        if (gone == null || podByUid(uid) != null) continue;
        gone.containers.values().forEach(c -> { if (c.timer != null) c.timer.cancel(); });
        forget(uid);
      }
      return;
    }
    // A stopped kubelet (sim node fail) does nothing: its pods stay as they were, deletions wait for it.
    if (NodeLifecycleController.kubeletStopped(cp.store().get(Node.class, null, pod.getSpec().getNodeName()))) return;
    String uid = pod.getMetadata().getUid();
    PodRuntime rt = pods.get(uid);
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      if (rt == null) {
        cp.store().remove(key);
      } else if (!rt.terminating) {
        terminate(pod, rt);
      }
      return;
    }
    if (rt == null) {
      rt = new PodRuntime(uid, pod.getSpec().getNodeName());
      rt.namespace = pod.getMetadata().getNamespace();
      rt.name = pod.getMetadata().getName();
      pods.put(uid, rt);
      uidsByName.computeIfAbsent(key, k -> new ArrayList<>(1)).add(uid);
      admit(pod, rt);
    }
  }

  private void admit(Pod pod, PodRuntime rt) {
    rt.startTime = cp.clock().now();
    rt.hostIP = hostIP(rt.node);
    rt.podIP = allocateIp(rt.node);
    for (Container c : pod.getSpec().getContainers()) rt.containers.put(c.getName(), new ContainerRuntime(c));
    writeStatus(pod, rt);
    cp.trace(name(), rt.node + ": admitted pod " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
    String uid = rt.uid;
    cp.clock().schedule(SANDBOX, "kubelet sandbox " + pod.getMetadata().getName(), () -> {
      for (ContainerRuntime c : rt.containers.values()) ensureImage(uid, c);
    });
  }

  /** Pulls or reuses the image per policy, then starts the container; failures back off. */
  private void ensureImage(String uid, ContainerRuntime c) {
    Pod pod = podByUid(uid);
    PodRuntime rt = pods.get(uid);
    if (pod == null || rt == null || rt.terminating) return;
    String image = c.spec.getImage();
    String fieldPath = "spec.containers{" + c.spec.getName() + "}";
    String policy = pullPolicy(c.spec);
    NodeImageCache cache = cache(rt.node);
    Optional<ImageConfig> cached;
    try {
      cached = cache.lookup(image);
    } catch (IllegalArgumentException e) {
      c.phase = Phase.BACKOFF;
      c.waitingReason = "InvalidImageName";
      c.waitingMessage = "Failed to apply default image tag \"" + image + "\": couldn't parse image name \"" + image + "\": invalid reference format";
      event(pod, fieldPath, "Warning", "InspectFailed", c.waitingMessage, rt);
      event(pod, fieldPath, "Warning", "Failed", "Error: InvalidImageName", rt);
      writeStatus(pod, rt);
      return;
    }
    if (!policy.equals("Always") && cached.isPresent()) {
      event(pod, fieldPath, "Normal", "Pulled", "Container image \"" + image + "\" already present on machine", rt);
      c.image = cached.get();
      startContainer(uid, c, Duration.ZERO);
      return;
    }
    if (policy.equals("Never")) {
      c.phase = Phase.BACKOFF;
      c.waitingReason = "ErrImageNeverPull";
      c.waitingMessage = "Container image \"" + image + "\" is not present with pull policy of Never";
      event(pod, fieldPath, "Warning", "ErrImageNeverPull", c.waitingMessage, rt);
      event(pod, fieldPath, "Warning", "Failed", "Error: ErrImageNeverPull", rt);
      writeStatus(pod, rt);
      c.timer = cp.clock().schedule(BACKOFF_START, "kubelet never-pull retry", () -> ensureImage(uid, c));
      return;
    }
    event(pod, fieldPath, "Normal", "Pulling", "Pulling image \"" + image + "\"", rt);
    c.phase = Phase.PULLING;
    ImageConfig resolved;
    try {
      resolved = registry.resolve(image);
    } catch (ImagePullException e) {
      Duration lookup = Duration.ofMillis(400 + cp.random().nextInt(600));
      c.timer = cp.clock().schedule(lookup, "kubelet pull failed " + image, () -> pullFailed(uid, c, e.getMessage()));
      return;
    }
    boolean alreadyHave = cached.isPresent() && cached.get().digest().equals(resolved.digest());
    // With Always the kubelet still asks the registry; an unchanged digest costs only the manifest check.
    Duration took = alreadyHave ? Duration.ofMillis(300 + cp.random().nextInt(400)) : pullDuration(resolved.sizeBytes());
    c.timer = cp.clock().schedule(took, "kubelet pulled " + image, () -> {
      Pod p = podByUid(uid);
      if (p == null || rt.terminating) return;
      cache.store(image, resolved);
      c.image = resolved;
      c.backoff = null;
      String secs = goDuration(took);
      event(p, fieldPath, "Normal", "Pulled", "Successfully pulled image \"" + image + "\" in " + secs + " (" + secs
          + " including waiting). Image size: " + resolved.sizeBytes() + " bytes.", rt);
      startContainer(uid, c, Duration.ZERO);
    });
  }

  private void pullFailed(String uid, ContainerRuntime c, String error) {
    Pod pod = podByUid(uid);
    PodRuntime rt = pods.get(uid);
    if (pod == null || rt == null || rt.terminating) return;
    String image = c.spec.getImage();
    String fieldPath = "spec.containers{" + c.spec.getName() + "}";
    event(pod, fieldPath, "Warning", "Failed", "Failed to pull image \"" + image + "\": " + error, rt);
    event(pod, fieldPath, "Warning", "Failed", "Error: ErrImagePull", rt);
    c.phase = Phase.BACKOFF;
    c.waitingReason = "ErrImagePull";
    c.waitingMessage = error;
    writeStatus(pod, rt);
    Duration delay = nextBackoff(c);
    // Between attempts the pod shows ImagePullBackOff; the next sync after the error reports it.
    cp.clock().schedule(Duration.ofSeconds(1).compareTo(delay) < 0 ? Duration.ofSeconds(1) : Duration.ZERO, "kubelet image backoff", () -> {
      Pod p = podByUid(uid);
      if (p == null || rt.terminating || c.phase != Phase.BACKOFF) return;
      c.waitingReason = "ImagePullBackOff";
      c.waitingMessage = "Back-off pulling image \"" + image + "\": ErrImagePull: " + error;
      event(p, fieldPath, "Normal", "BackOff", "Back-off pulling image \"" + image + "\"", rt);
      event(p, fieldPath, "Warning", "Failed", "Error: ImagePullBackOff", rt);
      writeStatus(p, rt);
    });
    c.timer = cp.clock().schedule(delay, "kubelet image retry " + image, () -> ensureImage(uid, c));
  }

  private void startContainer(String uid, ContainerRuntime c, Duration after) {
    PodRuntime rt = pods.get(uid);
    c.phase = Phase.STARTING;
    c.timer = cp.clock().schedule(after.plus(START), "kubelet start " + c.spec.getName(), () -> {
      Pod pod = podByUid(uid);
      if (pod == null || rt.terminating) return;
      String fieldPath = "spec.containers{" + c.spec.getName() + "}";
      Instant now = cp.clock().now();
      if (c.log != null) c.previousLog = c.log;
      c.log = new ContainerLog();
      c.fs = filesystem(pod, c.spec);
      c.containerId = "containerd://" + hex(32);
      c.startedAt = now;
      c.context = new ContainerContext(env(pod, rt, c), pod.getMetadata().getName(), rt.podIP, workingDir(c), c.fs, now);
      c.plan = ContainerInterpreter.start(commandLine(c), c.context);
      for (ProcessPlan.Line l : c.plan.output()) c.log.append(now.plus(l.at()), l.text());
      c.phase = Phase.RUNNING;
      event(pod, fieldPath, "Normal", "Created", "Created container " + c.spec.getName(), rt);
      event(pod, fieldPath, "Normal", "Started", "Started container " + c.spec.getName(), rt);
      writeStatus(pod, rt);
      if (!c.plan.runsForever()) {
        c.timer = cp.clock().schedule(c.plan.exitAfter(), "kubelet exit " + c.spec.getName(), () -> exited(uid, c, c.plan.exitCode()));
      }
    });
  }

  private void exited(String uid, ContainerRuntime c, int code) {
    Pod pod = podByUid(uid);
    PodRuntime rt = pods.get(uid);
    if (pod == null || rt == null || rt.terminating) return;
    c.phase = Phase.EXITED;
    c.exitCode = code;
    c.finishedAt = cp.clock().now();
    String policy = pod.getSpec().getRestartPolicy() == null ? "Always" : pod.getSpec().getRestartPolicy();
    boolean restart = policy.equals("Always") || (policy.equals("OnFailure") && code != 0);
    if (!restart) {
      writeStatus(pod, rt);
      return;
    }
    // A container that ran long enough starts its back-off afresh.
    if (c.backoff != null && Duration.between(c.startedAt, c.finishedAt).compareTo(BACKOFF_RESET) > 0) c.backoff = null;
    // No back-off pending (first exit, or reset after a long run): restart at once, as the kubelet does.
    Duration delay = c.backoff == null ? Duration.ZERO : null;
    writeStatus(pod, rt);
    String fieldPath = "spec.containers{" + c.spec.getName() + "}";
    if (delay == null) {
      // The current back-off is waited now; the next failure waits twice as long (client-go's Next).
      delay = c.backoff;
      nextBackoff(c);
      c.phase = Phase.BACKOFF;
      c.waitingReason = "CrashLoopBackOff";
      c.waitingMessage = "back-off " + seconds(delay) + " restarting failed container=" + c.spec.getName() + " pod="
          + pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace() + "(" + uid + ")";
      event(pod, fieldPath, "Warning", "BackOff", "Back-off restarting failed container " + c.spec.getName() + " in pod "
          + pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace() + "(" + uid + ")", rt);
      archiveTermination(c);
      writeStatus(pod, rt);
    } else {
      c.backoff = null;
      nextBackoff(c); // the first restart is immediate; the next failure waits 10 s
      archiveTermination(c);
    }
    Duration wait = delay;
    c.timer = cp.clock().schedule(wait, "kubelet restart " + c.spec.getName(), () -> {
      Pod p = podByUid(uid);
      if (p == null || rt.terminating) return;
      c.restartCount++; // counts containers created after the first, as the runtime does
      event(p, fieldPath, "Normal", "Pulled", "Container image \"" + c.spec.getImage() + "\" already present on machine", rt);
      startContainer(uid, c, Duration.ZERO);
    });
  }

  private void archiveTermination(ContainerRuntime c) {
    c.lastTerminated = new ContainerStatusBuilder().withLastState(terminatedState(c)).build();
  }

  private Duration nextBackoff(ContainerRuntime c) {
    c.backoff = c.backoff == null ? BACKOFF_START : c.backoff.multipliedBy(2);
    if (c.backoff.compareTo(BACKOFF_MAX) > 0) c.backoff = BACKOFF_MAX;
    return c.backoff;
  }

  /** SIGTERM to every running container; those without a handler are killed when the grace period ends. */
  private void terminate(Pod pod, PodRuntime rt) {
    rt.terminating = true;
    long grace = pod.getMetadata().getDeletionGracePeriodSeconds() != null ? pod.getMetadata().getDeletionGracePeriodSeconds()
        : pod.getSpec().getTerminationGracePeriodSeconds() != null ? pod.getSpec().getTerminationGracePeriodSeconds() : 30;
    Duration longest = Duration.ZERO;
    for (ContainerRuntime c : rt.containers.values()) {
      if (c.timer != null) c.timer.cancel();
      if (c.phase != Phase.RUNNING) continue;
      event(pod, "spec.containers{" + c.spec.getName() + "}", "Normal", "Killing", "Stopping container " + c.spec.getName(), rt);
      Duration stop = c.plan.handlesSigterm() ? Duration.ofMillis(100 + cp.random().nextInt(400)) : Duration.ofSeconds(grace);
      if (!c.plan.runsForever()) {
        Duration left = Duration.between(cp.clock().now(), c.startedAt.plus(c.plan.exitAfter()));
        if (left.compareTo(stop) < 0) stop = left.isNegative() ? Duration.ZERO : left;
      }
      if (stop.compareTo(Duration.ofSeconds(grace)) > 0) stop = Duration.ofSeconds(grace);
      c.log.truncateAfter(cp.clock().now().plus(stop));
      if (stop.compareTo(longest) > 0) longest = stop;
    }
    ObjectKey key = ObjectKey.of(pod);
    String uid = rt.uid;
    cp.clock().schedule(longest, "kubelet remove " + pod.getMetadata().getName(), () -> {
      forget(uid);
      Pod current = cp.store().get(Pod.class, key.namespace(), key.name());
      if (current != null && uid.equals(current.getMetadata().getUid())) cp.store().remove(key);
    });
  }

  // ---- status

  private void writeStatus(Pod pod, PodRuntime rt) {
    Pod current = cp.store().get(Pod.class, pod.getMetadata().getNamespace(), pod.getMetadata().getName());
    if (current == null || !rt.uid.equals(current.getMetadata().getUid())) return;
    if (NodeLifecycleController.kubeletStopped(cp.store().get(Node.class, null, rt.node))) return;  // posts nothing while down
    // A status write needs only a status of its own: the spec and metadata are the stored ones,
    // read but not changed, so the pod is not deep-copied.
    Pod copy = new Pod();
    copy.setApiVersion(current.getApiVersion());
    copy.setKind(current.getKind());
    copy.setMetadata(current.getMetadata());
    copy.setSpec(current.getSpec());
    var status = current.getStatus() == null ? new io.fabric8.kubernetes.api.model.PodStatus()
        : io.kubetutor.sim.store.ShallowCopy.of(current.getStatus());  // fields below are replaced, never edited
    List<ContainerStatus> statuses = new ArrayList<>();
    boolean allReady = true;
    boolean anyRunning = false;
    boolean allTerminated = true;
    boolean anyFailed = false;
    for (ContainerRuntime c : rt.containers.values()) {
      ContainerState state;
      boolean ready = false;
      // Plain constructors and setters: the same objects the builders made, without a builder per field group.
      state = new ContainerState();
      if (c.phase == Phase.RUNNING) {
        state.setRunning(new io.fabric8.kubernetes.api.model.ContainerStateRunning(ts(c.startedAt)));
        ready = true;
        anyRunning = true;
        allTerminated = false;
      } else if (c.phase == Phase.EXITED) {
        state = terminatedState(c);
        anyFailed |= c.exitCode != 0;
      } else {
        var waiting = new io.fabric8.kubernetes.api.model.ContainerStateWaiting();
        waiting.setReason(c.waitingReason);
        waiting.setMessage(c.waitingMessage);
        state.setWaiting(waiting);
        allTerminated = false;
      }
      allReady &= ready;
      ContainerStatus cs = new ContainerStatus();
      cs.setName(c.spec.getName());
      cs.setImage(c.spec.getImage());
      cs.setImageID(c.image == null ? "" : imageId(c));
      cs.setReady(ready);
      cs.setStarted(c.phase == Phase.RUNNING);
      cs.setRestartCount(c.restartCount);
      cs.setState(state);
      if (c.containerId != null && c.phase != Phase.WAITING_IMAGE && c.phase != Phase.PULLING) cs.setContainerID(c.containerId);
      cs.setLastState(c.lastTerminated != null ? c.lastTerminated.getLastState() : new ContainerState());
      statuses.add(cs);
    }
    String policy = pod.getSpec().getRestartPolicy() == null ? "Always" : pod.getSpec().getRestartPolicy();
    // Only containers that will not be restarted end the pod; a restarting one keeps it Running.
    boolean finished = allTerminated && rt.containers.values().stream()
        .allMatch(c -> policy.equals("Never") || (policy.equals("OnFailure") && c.exitCode == 0));
    allTerminated = finished;
    boolean everStarted = rt.containers.values().stream().anyMatch(c -> c.startedAt != null);
    String phase = finished ? (anyFailed ? "Failed" : "Succeeded") : anyRunning || everStarted ? "Running" : "Pending";
    String now = ts(cp.clock().now());
    status.setPhase(phase);
    status.setHostIP(rt.hostIP);
    status.setHostIPs(List.of(new io.fabric8.kubernetes.api.model.HostIP(rt.hostIP)));
    status.setPodIP(rt.podIP);
    status.setPodIPs(List.of(new PodIP(rt.podIP)));
    status.setStartTime(ts(rt.startTime));
    status.setContainerStatuses(statuses);
    List<PodCondition> conditions = new ArrayList<>();
    conditions.add(condition(status, "PodReadyToStartContainers", "True", null, now));
    conditions.add(condition(status, "Initialized", "True", null, now));
    String notReady = allTerminated ? "PodCompleted" : "ContainersNotReady";
    String notReadyMsg = "containers with unready status: " + rt.containers.values().stream()
        .filter(c -> c.phase != Phase.RUNNING).map(c -> c.spec.getName()).toList().toString();
    conditions.add(allReady ? condition(status, "Ready", "True", null, now)
        : condition(status, "Ready", "False", notReady, now, allTerminated ? null : notReadyMsg));
    conditions.add(allReady ? condition(status, "ContainersReady", "True", null, now)
        : condition(status, "ContainersReady", "False", notReady, now, allTerminated ? null : notReadyMsg));
    conditions.add(condition(status, "PodScheduled", "True", null, now));
    status.setConditions(conditions);
    copy.setStatus(status);
    cp.store().updateStatus(copy);
  }

  private PodCondition condition(io.fabric8.kubernetes.api.model.PodStatus status, String type, String value, String reason, String now) {
    return condition(status, type, value, reason, now, null);
  }

  /**
   * Keeps lastTransitionTime when the condition's status did not change, as the kubelet does. An
   * unchanged condition is the stored instance itself (stored objects are never changed), so a
   * status write allocates only what changed.
   */
  private PodCondition condition(io.fabric8.kubernetes.api.model.PodStatus status, String type, String value, String reason,
                                 String now, String message) {
    String since = now;
    PodCondition same = null;
    if (status.getConditions() != null) {
      for (PodCondition c : status.getConditions()) {
        if (c.getType().equals(type) && value.equals(c.getStatus())) {
          since = c.getLastTransitionTime();
          same = c;
        }
      }
    }
    if (same != null && java.util.Objects.equals(same.getReason(), reason)
        && java.util.Objects.equals(same.getMessage(), message) && same.getLastProbeTime() == null
        && same.getObservedGeneration() == null && same.getAdditionalProperties().isEmpty()) {
      return same;
    }
    PodCondition c = new PodCondition();
    c.setType(type);
    c.setStatus(value);
    c.setReason(reason);
    c.setMessage(message);
    c.setLastTransitionTime(since);
    return c;
  }

  private ContainerState terminatedState(ContainerRuntime c) {
    return new ContainerStateBuilder().withNewTerminated()
        .withExitCode(c.exitCode)
        .withReason(c.exitCode == 0 ? "Completed" : "Error")
        .withStartedAt(ts(c.startedAt))
        .withFinishedAt(ts(c.finishedAt))
        .withContainerID(c.containerId)
        .endTerminated().build();
  }

  // ---- helpers

  /** Drops a pod's runtime and its entry in the by-name index. */
  private void forget(String uid) {
    PodRuntime rt = pods.remove(uid);
    if (rt == null) return;
    ObjectKey key = new ObjectKey(ResourceKind.POD, rt.namespace, rt.name);
    List<String> uids = uidsByName.get(key);
    if (uids == null) return;
    uids.remove(uid);
    if (uids.isEmpty()) uidsByName.remove(key);
  }

  /** The stored pod this runtime belongs to (null once it is gone or replaced by a namesake). */
  private Pod podByUid(String uid) {
    PodRuntime rt = pods.get(uid);
    if (rt == null) return null;
    Pod p = cp.store().get(Pod.class, rt.namespace, rt.name);
    return p != null && uid.equals(p.getMetadata().getUid()) ? p : null;
  }

  private void event(Pod pod, String fieldPath, String type, String reason, String message, PodRuntime rt) {
    cp.event(pod, fieldPath, type, reason, message, "kubelet", rt.node);
  }

  static String pullPolicy(Container c) {
    if (c.getImagePullPolicy() != null && !c.getImagePullPolicy().isEmpty()) return c.getImagePullPolicy();
    // The apiserver's default: Always for :latest or no tag, else IfNotPresent.
    try {
      ImageReference r = ImageReference.parse(c.getImage());
      return r.digest() == null && "latest".equals(r.tag()) ? "Always" : "IfNotPresent";
    } catch (IllegalArgumentException e) {
      return "IfNotPresent";
    }
  }

  private Duration pullDuration(long bytes) {
    double jitter = 0.8 + 0.4 * cp.random().nextDouble();
    long millis = Math.max(500, Math.round(bytes * 1000.0 / PULL_RATE * jitter));
    return Duration.ofMillis(millis);
  }

  /** Go's Duration text cut to milliseconds: {@code 5.198s}, {@code 812ms}. */
  static String goDuration(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) return ms + "ms";
    String s = java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
    if (ms >= 60_000) {
      long m = ms / 60_000;
      String rest = java.math.BigDecimal.valueOf(ms % 60_000, 3).stripTrailingZeros().toPlainString();
      return m + "m" + rest + "s";
    }
    return s + "s";
  }

  private static String seconds(Duration d) {
    long s = d.getSeconds();
    return s >= 60 ? (s / 60) + "m" + (s % 60 == 0 ? "0s" : (s % 60) + "s") : s + "s";
  }

  /** The image's repository at its digest, worked out once per pulled image, not per status write. */
  private static String imageId(ContainerRuntime c) {
    if (c.imageId == null || c.imageIdOf != c.image) {
      c.imageId = ImageReference.parse(c.spec.getImage()).fullRepository() + "@" + c.image.digest();
      c.imageIdOf = c.image;
    }
    return c.imageId;
  }

  private List<String> commandLine(ContainerRuntime c) {
    List<String> cmd = c.spec.getCommand() == null || c.spec.getCommand().isEmpty() ? c.image.entrypoint() : c.spec.getCommand();
    List<String> args = c.spec.getArgs() != null && !c.spec.getArgs().isEmpty() ? c.spec.getArgs()
        : c.spec.getCommand() != null && !c.spec.getCommand().isEmpty() ? List.of() : c.image.cmd();
    List<String> all = new ArrayList<>(cmd);
    all.addAll(args);
    return all;
  }

  private static String workingDir(ContainerRuntime c) {
    return c.spec.getWorkingDir() != null && !c.spec.getWorkingDir().isEmpty() ? c.spec.getWorkingDir() : c.image.workingDir();
  }

  /** Image env, then the container's env with Downward API field references resolved. */
  private Map<String, String> env(Pod pod, PodRuntime rt, ContainerRuntime c) {
    Map<String, String> env = new LinkedHashMap<>(c.image.env());
    if (c.spec.getEnv() != null) {
      for (EnvVar v : c.spec.getEnv()) {
        String value = v.getValue() == null ? "" : v.getValue();
        if (v.getValueFrom() != null && v.getValueFrom().getFieldRef() != null) {
          value = switch (v.getValueFrom().getFieldRef().getFieldPath()) {
            case "metadata.name" -> pod.getMetadata().getName();
            case "metadata.namespace" -> pod.getMetadata().getNamespace();
            case "metadata.uid" -> pod.getMetadata().getUid();
            case "spec.nodeName" -> pod.getSpec().getNodeName();
            case "spec.serviceAccountName" -> pod.getSpec().getServiceAccountName();
            case "status.podIP" -> rt.podIP;
            case "status.hostIP" -> rt.hostIP;
            default -> "";
          };
        }
        env.put(v.getName(), value == null ? "" : value);
      }
    }
    env.putIfAbsent("KUBERNETES_SERVICE_HOST", "10.96.0.1");
    env.putIfAbsent("KUBERNETES_SERVICE_PORT", "443");
    return env;
  }

  /**
   * Where a claim's files live: its bound volume, so they outlive pods but not the claim (a claim
   * deleted and created again under the same name binds a new, empty volume, as reclaim policy
   * Delete gives on a real cluster).
   */
  private String claimedVolume(String namespace, String claimName) {
    PersistentVolumeClaim claim = cp.store().get(PersistentVolumeClaim.class, namespace, claimName);
    String volume = claim == null || claim.getSpec() == null ? null : claim.getSpec().getVolumeName();
    if (volume != null && !volume.isEmpty()) return "pv/" + volume;
    return "pvc/" + namespace + "/" + claimName + "/" + (claim == null ? "" : claim.getMetadata().getUid());
  }

  /** The container's filesystem with its volume mounts: claimed volumes outlive pods. */
  private ContainerFilesystem filesystem(Pod pod, Container spec) {
    ContainerFilesystem fs = new ContainerFilesystem();
    if (spec.getVolumeMounts() == null) return fs;
    for (VolumeMount m : spec.getVolumeMounts()) {
      Volume v = pod.getSpec().getVolumes() == null ? null
          : pod.getSpec().getVolumes().stream().filter(x -> x.getName().equals(m.getName())).findFirst().orElse(null);
      String id;
      if (v != null && v.getPersistentVolumeClaim() != null) {
        id = claimedVolume(pod.getMetadata().getNamespace(), v.getPersistentVolumeClaim().getClaimName());
      } else if (v != null && v.getHostPath() != null) {
        id = "hostPath/" + pod.getSpec().getNodeName() + v.getHostPath().getPath();
      } else {
        id = "pod/" + pod.getMetadata().getUid() + "/" + m.getName();
      }
      fs.mount(m.getMountPath(), volumes.computeIfAbsent(id, k -> new ContainerFilesystem.Volume()));
    }
    return fs;
  }

  private String hostIP(String node) {
    Node n = cp.store().get(Node.class, null, node);
    if (n != null && n.getStatus() != null && n.getStatus().getAddresses() != null) {
      for (NodeAddress a : n.getStatus().getAddresses()) if ("InternalIP".equals(a.getType())) return a.getAddress();
    }
    return "192.168.49." + (2 + Math.abs(node.hashCode() % 200));
  }

  private String allocateIp(String node) {
    Node n = cp.store().get(Node.class, null, node);
    String prefix = "10.244.0.";
    if (n != null && n.getSpec() != null && n.getSpec().getPodCIDR() != null) {
      String cidr = n.getSpec().getPodCIDR();
      prefix = cidr.substring(0, cidr.lastIndexOf('.') + 1);
    }
    int next = nextIp.merge(node, 1, Integer::sum) + 1;
    return prefix + (next % 254 + 1);
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    for (int i = 0; i < bytes; i++) b[i] = (byte) cp.random().nextInt(256);
    return HexFormat.of().formatHex(b);
  }

  private static String ts(Instant t) {
    return io.kubetutor.sim.ApiTime.format(t);
  }
}
