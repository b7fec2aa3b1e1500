package io.kubetutor.sim.controllers;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.UncountedTerminatedPods;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.ControlPlane;
import io.kubetutor.sim.ObjectKey;
import io.kubetutor.sim.Owners;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Job controller ({@code pkg/controller/job}): runs pods from the template until
 * {@code completions} of them succeed, at most {@code parallelism} at a time; failed pods are
 * replaced after an exponential back-off (10 s doubling, 6 min cap) until more than
 * {@code backoffLimit} have failed (with {@code restartPolicy: OnFailure} the kubelet restarts in
 * place and the container restarts count instead), then the Job fails with BackoffLimitExceeded.
 * Finished pods are counted once each, by UID, so deleting them later does not uncount them.
 */
public final class JobController implements Reconciler {

  static final Duration BACKOFF_START = Duration.ofSeconds(10);
  static final Duration BACKOFF_MAX = Duration.ofMinutes(6);

  private final ControlPlane plane;
  /** Per Job UID: the pods already counted as succeeded / failed. */
  private final Map<String, Set<String>> succeeded = new HashMap<>();
  private final Map<String, Set<String>> failed = new HashMap<>();

  public JobController(ControlPlane plane) {
    this.plane = plane;
  }

  @Override public String name() { return "job-controller"; }

  @Override
  public void onChange(WatchEvent event, Consumer<ObjectKey> enqueue) {
    HasMetadata o = event.object();
    if (o instanceof Job job) {
      if (event.type() == WatchEvent.Type.DELETED) {
        succeeded.remove(job.getMetadata().getUid());
        failed.remove(job.getMetadata().getUid());
      } else {
        enqueue.accept(ObjectKey.of(o));
      }
    } else if (o instanceof Pod pod) {
      OwnerReference ref = Owners.controllerOf(pod);
      if (ref == null || !"Job".equals(ref.getKind())) return;
      if (event.type() == WatchEvent.Type.DELETED) {
        // A pod removed before it finished (a forced delete) is a failure, as the real controller counts it.
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Succeeded".equals(phase)) count(succeeded, ref.getUid(), pod);
        else count(failed, ref.getUid(), pod);
      }
      enqueue.accept(new ObjectKey(ResourceKind.JOB, pod.getMetadata().getNamespace(), ref.getName()));
    }
  }

  private boolean count(Map<String, Set<String>> counted, String jobUid, Pod pod) {
    Set<String> other = counted == succeeded ? failed.get(jobUid) : succeeded.get(jobUid);
    if (other != null && other.contains(pod.getMetadata().getUid())) return false;
    return counted.computeIfAbsent(jobUid, u -> new HashSet<>()).add(pod.getMetadata().getUid());
  }

  @Override
  public void reconcile(ObjectKey key) {
    Job job = (Job) plane.store().get(key);
    if (job == null || job.getSpec() == null || Owners.deleting(job)) return;
    String uid = job.getMetadata().getUid();
    List<Pod> owned = plane.store().list(Pod.class, job.getMetadata().getNamespace(), null).stream()
        .filter(p -> Owners.controlledBy(p, job)).toList();
    Instant lastFailure = null;
    for (Pod p : owned) {
      String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
      if ("Succeeded".equals(phase)) count(succeeded, uid, p);
      else if ("Failed".equals(phase) || Owners.deleting(p)) {
        count(failed, uid, p);
        Instant at = finishedAt(p);
        if (lastFailure == null || at.isAfter(lastFailure)) lastFailure = at;
      }
    }
    List<Pod> active = owned.stream().filter(Owners::active).toList();
    JobStatus old = job.getStatus() == null ? new JobStatus() : job.getStatus();
    int nSucceeded = Math.max(size(succeeded, uid), value(old.getSucceeded()));
    int nFailed = Math.max(size(failed, uid), value(old.getFailed()));
    Instant now = plane.clock().now();

    List<JobCondition> conditions = old.getConditions() == null ? new ArrayList<>() : new ArrayList<>(old.getConditions());
    String startTime = old.getStartTime();
    String completionTime = old.getCompletionTime();
    boolean finished = hasTrue(conditions, "Complete") || hasTrue(conditions, "Failed");
    boolean suspended = Boolean.TRUE.equals(job.getSpec().getSuspend());
    int completions = job.getSpec().getCompletions() == null ? -1 : job.getSpec().getCompletions();
    int parallelism = job.getSpec().getParallelism() == null ? 1 : job.getSpec().getParallelism();
    int backoffLimit = job.getSpec().getBackoffLimit() == null ? 6 : job.getSpec().getBackoffLimit();
    String name = job.getMetadata().getName();

    if (!finished) {
      if (!suspended && startTime == null) startTime = ts(now);
      String failReason = null;
      String failMessage = null;
      if (nFailed > backoffLimit || pastBackoffLimitOnFailure(job, active, backoffLimit)) {
        failReason = "BackoffLimitExceeded";
        failMessage = "Job has reached the specified backoff limit";
      } else if (job.getSpec().getActiveDeadlineSeconds() != null && startTime != null && !suspended) {
        Instant deadline = Instant.parse(startTime).plusSeconds(job.getSpec().getActiveDeadlineSeconds());
        if (!now.isBefore(deadline)) {
          failReason = "DeadlineExceeded";
          failMessage = "Job was active longer than specified deadline";
        } else {
          plane.requeueAfter(this, key, Duration.between(now, deadline));
        }
      }
      boolean complete = completions >= 0 ? nSucceeded >= completions : nSucceeded > 0 && active.isEmpty();
      if (failReason != null) {
        nFailed += deleteAll(job, active);
        active = List.of();
        conditions.add(condition("Failed", failReason, failMessage, now));
        plane.event(job, null, "Warning", failReason, failMessage, name(), null);
        plane.trace(name(), name + " failed: " + failMessage);
      } else if (complete) {
        deleteAll(job, active);
        active = List.of();
        conditions.add(condition("Complete", null, null, now));
        completionTime = ts(now);
        plane.event(job, null, "Normal", "Completed", "Job completed", name(), null);
        plane.trace(name(), name + " completed: " + nSucceeded + " pod(s) succeeded");
      } else if (suspended) {
        nFailed += deleteAll(job, active);
        active = List.of();
        if (!hasTrue(conditions, "Suspended")) {
          conditions.removeIf(c -> "Suspended".equals(c.getType()));
          conditions.add(condition("Suspended", "JobSuspended", "Job suspended", now));
          plane.event(job, null, "Normal", "Suspended", "Job suspended", name(), null);
        }
      } else {
        if (hasTrue(conditions, "Suspended")) {
          conditions.removeIf(c -> "Suspended".equals(c.getType()));
          conditions.add(new JobCondition(ts(now), ts(now), "Job resumed", "JobResumed", "False", "Suspended"));
          plane.event(job, null, "Normal", "Resumed", "Job resumed", name(), null);
        }
        int want = completions >= 0 ? Math.min(parallelism, completions - nSucceeded)
            : nSucceeded > 0 ? 0 : parallelism;
        int missing = want - active.size();
        if (missing > 0) {
          Duration wait = backoff(nFailed, lastFailure, now);
          if (wait.isZero()) active = create(job, active, missing);
          else {
            plane.trace(name(), name + " backs off " + wait.toSeconds() + "s after " + nFailed + " failure(s)");
            plane.requeueAfter(this, key, wait);
          }
        }
      }
    }
    writeStatus(job, old, active, nSucceeded, nFailed, conditions, startTime, completionTime, owned);
  }

  private static String restartPolicy(Job job) {
    String p = job.getSpec().getTemplate().getSpec().getRestartPolicy();
    return p == null ? "Always" : p;
  }

  /** With OnFailure the kubelet restarts containers in place; their restarts count toward backoffLimit. */
  private static boolean pastBackoffLimitOnFailure(Job job, List<Pod> active, int backoffLimit) {
    if (!"OnFailure".equals(restartPolicy(job))) return false;
    int sum = 0;
    for (Pod p : active) {
      if (p.getStatus() == null) continue;
      for (List<ContainerStatus> list : java.util.Arrays.asList(p.getStatus().getInitContainerStatuses(),
          p.getStatus().getContainerStatuses())) {
        if (list == null) continue;
        for (ContainerStatus s : list) sum += value(s.getRestartCount());
      }
    }
    return backoffLimit == 0 ? sum > 0 : sum >= backoffLimit;
  }

  /** The delay before replacing a failed pod: 10 s × 2^(failures−1), at most 6 min, from the last failure. */
  static Duration backoff(int failures, Instant lastFailure, Instant now) {
    if (failures == 0 || lastFailure == null) return Duration.ZERO;
    Duration d = BACKOFF_START;
    for (int i = 1; i < failures && d.compareTo(BACKOFF_MAX) < 0; i++) d = d.multipliedBy(2);
    if (d.compareTo(BACKOFF_MAX) > 0) d = BACKOFF_MAX;
    Instant at = lastFailure.plus(d);
    return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
  }

  private static Instant finishedAt(Pod p) {
    Instant latest = null;
    if (p.getStatus() != null && p.getStatus().getContainerStatuses() != null) {
      for (ContainerStatus s : p.getStatus().getContainerStatuses()) {
        if (s.getState() != null && s.getState().getTerminated() != null
            && s.getState().getTerminated().getFinishedAt() != null) {
          Instant t = Instant.parse(s.getState().getTerminated().getFinishedAt());
          if (latest == null || t.isAfter(latest)) latest = t;
        }
      }
    }
    if (latest == null && p.getMetadata().getDeletionTimestamp() != null) {
      latest = Instant.parse(p.getMetadata().getDeletionTimestamp());
    }
    return latest == null ? Instant.parse(p.getMetadata().getCreationTimestamp()) : latest;
  }

  private List<Pod> create(Job job, List<Pod> active, int n) {
    List<Pod> now = new ArrayList<>(active);
    for (int i = 0; i < n; i++) {
      Pod pod;
      try {
        pod = (Pod) plane.store().create(podFromTemplate(job));
      } catch (ClusterException e) {
        plane.event(job, null, "Warning", "FailedCreate", "Error creating: " + e.getMessage(), name(), null);
        plane.trace(name(), job.getMetadata().getName() + " could not create a pod: " + e.getMessage());
        break;
      }
      now.add(pod);
      plane.event(job, null, "Normal", "SuccessfulCreate", "Created pod: " + pod.getMetadata().getName(), name(), null);
      plane.trace(name(), job.getMetadata().getName() + " created " + pod.getMetadata().getName());
    }
    return now;
  }

  /** Deletes the active pods of a finished or suspended Job; returns how many were not yet counted as failures. */
  private int deleteAll(Job job, List<Pod> active) {
    int n = 0;
    for (Pod pod : active) {
      try {
        plane.store().delete(ObjectKey.of(pod), DeleteOptions.DEFAULT);
      } catch (ClusterException e) {
        if (!e.isNotFound()) {
          plane.event(job, null, "Warning", "FailedDelete", "Error deleting: " + e.getMessage(), name(), null);
        }
        continue;
      }
      if (count(failed, job.getMetadata().getUid(), pod)) n++;
      plane.event(job, null, "Normal", "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName(), name(), null);
    }
    return n;
  }

  static Pod podFromTemplate(Job job) {
    var template = job.getSpec().getTemplate();
    ObjectMeta meta = new ObjectMeta();
    Map<String, String> labels = new HashMap<>();
    if (template.getMetadata() != null) {
      if (template.getMetadata().getLabels() != null) labels.putAll(template.getMetadata().getLabels());
      if (template.getMetadata().getAnnotations() != null) {
        meta.setAnnotations(new HashMap<>(template.getMetadata().getAnnotations()));
      }
    }
    // The labels the apiserver puts on a Job's template (generated selector), so `-l job-name=x` works.
    String uid = job.getMetadata().getUid();
    String name = job.getMetadata().getName();
    labels.put("batch.kubernetes.io/controller-uid", uid);
    labels.put("batch.kubernetes.io/job-name", name);
    labels.put("controller-uid", uid);
    labels.put("job-name", name);
    meta.setLabels(labels);
    meta.setGenerateName(name + "-");
    meta.setNamespace(job.getMetadata().getNamespace());
    meta.setOwnerReferences(new ArrayList<>(List.of(Owners.controllerRef(job))));
    Pod pod = new Pod();
    pod.setMetadata(meta);
    pod.setSpec(new PodSpecBuilder(template.getSpec()).build());
    return pod;
  }

  private void writeStatus(Job job, JobStatus old, List<Pod> active, int nSucceeded, int nFailed,
                           List<JobCondition> conditions, String startTime, String completionTime, List<Pod> owned) {
    int ready = (int) active.stream().filter(Owners::ready).count();
    int terminating = (int) owned.stream().filter(Owners::deleting).count();
    JobStatus status = new JobStatus();
    status.setActive(active.isEmpty() ? null : active.size());
    status.setSucceeded(nSucceeded == 0 ? null : nSucceeded);
    status.setFailed(nFailed == 0 ? null : nFailed);
    status.setReady(ready);
    status.setTerminating(terminating);
    status.setStartTime(startTime);
    status.setCompletionTime(completionTime);
    status.setConditions(conditions.isEmpty() ? null : conditions);
    status.setUncountedTerminatedPods(new UncountedTerminatedPods());
    if (status.equals(old)) return;
    plane.store().updateStatus(withStatus(job, status));
  }

  private static Job withStatus(Job job, JobStatus status) {
    Job updated = Objects.copy(job);
    updated.setStatus(status);
    return updated;
  }

  private static JobCondition condition(String type, String reason, String message, Instant now) {
    return new JobCondition(ts(now), ts(now), message, reason, "True", type);
  }

  private static boolean hasTrue(List<JobCondition> conditions, String type) {
    return conditions.stream().anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static int size(Map<String, Set<String>> counted, String uid) {
    Set<String> s = counted.get(uid);
    return s == null ? 0 : s.size();
  }

  private static int value(Integer i) {
    return i == null ? 0 : i;
  }

  private static String ts(Instant t) {
    return io.kubetutor.sim.ApiTime.format(t);
  }
}
