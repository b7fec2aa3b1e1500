package io.kubetutor.print;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The STATUS, READY and RESTARTS cells of a pod row, computed as the apiserver's pod printer does
 * (reference §2): init containers and sidecars, the main containers walked last to first, and the
 * Terminating/Unknown overrides.
 */
public record PodStatus(String reason, int ready, int total, int restarts, Instant lastRestart) {

  /** {@code N} or {@code N (4m54s ago)}. */
  public String restartsCell(Instant now) {
    if (restarts != 0 && lastRestart != null) {
      return restarts + " (" + Durations.human(Duration.between(lastRestart, now)) + " ago)";
    }
    return Integer.toString(restarts);
  }

  public String readyCell() {
    return ready + "/" + total;
  }

  public static PodStatus of(Pod pod) {
    var spec = pod.getSpec();
    var status = pod.getStatus();
    List<Container> initContainers = spec == null || spec.getInitContainers() == null ? List.of() : spec.getInitContainers();
    int total = spec == null || spec.getContainers() == null ? 0 : spec.getContainers().size();
    for (Container c : initContainers) if (isSidecar(c)) total++;

    String reason = status == null ? null : status.getPhase();
    if (status != null && notEmpty(status.getReason())) reason = status.getReason();
    List<PodCondition> conditions = status == null || status.getConditions() == null ? List.of() : status.getConditions();
    for (PodCondition c : conditions) {
      if ("PodScheduled".equals(c.getType()) && "SchedulingGated".equals(c.getReason())) reason = "SchedulingGated";
    }
    if (reason == null) reason = "";

    int ready = 0;
    int restarts = 0;
    Instant lastRestart = null;
    int sidecarRestarts = 0;
    Instant sidecarLastRestart = null;
    boolean initializing = false;

    List<ContainerStatus> initStatuses = status == null || status.getInitContainerStatuses() == null
        ? List.of() : status.getInitContainerStatuses();
    for (int i = 0; i < initStatuses.size(); i++) {
      ContainerStatus cs = initStatuses.get(i);
      int count = cs.getRestartCount() == null ? 0 : cs.getRestartCount();
      restarts += count;
      Instant finished = lastFinished(cs);
      lastRestart = later(lastRestart, finished);
      boolean sidecar = isSidecar(find(initContainers, cs.getName()));
      if (sidecar) {
        sidecarRestarts += count;
        sidecarLastRestart = later(sidecarLastRestart, finished);
      }
      var state = cs.getState();
      var terminated = state == null ? null : state.getTerminated();
      var waiting = state == null ? null : state.getWaiting();
      if (terminated != null && exitCode(terminated.getExitCode()) == 0) {
        continue;
      }
      if (sidecar && Boolean.TRUE.equals(cs.getStarted())) {
        if (Boolean.TRUE.equals(cs.getReady())) ready++;
        continue;
      }
      if (terminated != null) {
        if (notEmpty(terminated.getReason())) {
          reason = "Init:" + terminated.getReason();
        } else if (terminated.getSignal() != null && terminated.getSignal() != 0) {
          reason = "Init:Signal:" + terminated.getSignal();
        } else {
          reason = "Init:ExitCode:" + exitCode(terminated.getExitCode());
        }
      } else if (waiting != null && notEmpty(waiting.getReason()) && !"PodInitializing".equals(waiting.getReason())) {
        reason = "Init:" + waiting.getReason();
      } else {
        reason = "Init:" + i + "/" + initContainers.size();
      }
      initializing = true;
      break;
    }

    boolean initialized = hasTrueCondition(conditions, "Initialized");
    if (!initializing || initialized) {
      restarts = sidecarRestarts;
      lastRestart = sidecarLastRestart;
      boolean hasRunning = false;
      List<ContainerStatus> statuses = status == null || status.getContainerStatuses() == null
          ? List.of() : status.getContainerStatuses();
      for (int i = statuses.size() - 1; i >= 0; i--) {
        ContainerStatus cs = statuses.get(i);
        restarts += cs.getRestartCount() == null ? 0 : cs.getRestartCount();
        lastRestart = later(lastRestart, lastFinished(cs));
        var state = cs.getState();
        var waiting = state == null ? null : state.getWaiting();
        var terminated = state == null ? null : state.getTerminated();
        if (waiting != null && notEmpty(waiting.getReason())) {
          reason = waiting.getReason();
        } else if (terminated != null && notEmpty(terminated.getReason())) {
          reason = terminated.getReason();
        } else if (terminated != null) {
          reason = terminated.getSignal() != null && terminated.getSignal() != 0
              ? "Signal:" + terminated.getSignal() : "ExitCode:" + exitCode(terminated.getExitCode());
        } else if (Boolean.TRUE.equals(cs.getReady()) && state != null && state.getRunning() != null) {
          hasRunning = true;
          ready++;
        }
      }
      if ("Completed".equals(reason) && hasRunning) {
        boolean podReady = hasTrueCondition(conditions, "Ready");
        reason = podReady ? "Running" : "NotReady";
      }
    }

    if (pod.getMetadata() != null && pod.getMetadata().getDeletionTimestamp() != null) {
      String phase = status == null ? null : status.getPhase();
      if (status != null && "NodeLost".equals(status.getReason())) {
        reason = "Unknown";
      } else if (!"Succeeded".equals(phase) && !"Failed".equals(phase)) {
        reason = "Terminating";
      }
    }
    return new PodStatus(reason, ready, total, restarts, lastRestart);
  }

  private static boolean hasTrueCondition(List<PodCondition> conditions, String type) {
    for (PodCondition c : conditions) if (type.equals(c.getType()) && "True".equals(c.getStatus())) return true;
    return false;
  }

  private static boolean isSidecar(Container c) {
    return c != null && "Always".equals(c.getRestartPolicy());
  }

  private static Container find(List<Container> containers, String name) {
    for (Container c : containers) if (c.getName() != null && c.getName().equals(name)) return c;
    return null;
  }

  private static Instant lastFinished(ContainerStatus cs) {
    var last = cs.getLastState();
    if (last == null || last.getTerminated() == null) return null;
    String at = last.getTerminated().getFinishedAt();
    if (at == null || at.isEmpty()) return null;
    try {
      return Timestamps.parse(at);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) return b;
    if (b == null) return a;
    return b.isAfter(a) ? b : a;
  }

  private static int exitCode(Integer code) {
    return code == null ? 0 : code;
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }
}
