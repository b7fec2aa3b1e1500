package io.kubetutor.print;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code kubectl describe} of daemonsets and jobs (v1.31 {@code describeDaemonSet}, {@code describeJob}).
 * The daemonset's count lines carry no tab in kubectl, so they are not aligned with the other fields.
 */
public final class ControllerDescribers {

  private ControllerDescribers() {}

  /** {@code pods} are the daemonset's own pods (selected and controlled by it), counted by phase. */
  public static String daemonSet(DaemonSet ds, List<Pod> pods, List<Event> events, Instant now) {
    DescribeWriter w = new DescribeWriter();
    var meta = ds.getMetadata();
    var spec = ds.getSpec();
    DaemonSetStatus st = ds.getStatus() == null ? new DaemonSetStatus() : ds.getStatus();
    w.write(0, "Name:\t" + meta.getName() + "\n");
    w.write(0, "Namespace:\t" + meta.getNamespace() + "\n");
    w.write(0, "Selector:\t" + selector(spec.getSelector()) + "\n");
    var template = spec.getTemplate();
    var nodeSelector = template == null || template.getSpec() == null ? null : template.getSpec().getNodeSelector();
    w.write(0, "Node-Selector:\t" + ResourceTables.labelsOrNone(nodeSelector) + "\n");
    w.labels("", "Labels", meta.getLabels());
    w.annotations("", "Annotations", meta.getAnnotations());
    w.write(0, "Desired Number of Nodes Scheduled: " + n(st.getDesiredNumberScheduled()) + "\n");
    w.write(0, "Current Number of Nodes Scheduled: " + n(st.getCurrentNumberScheduled()) + "\n");
    w.write(0, "Number of Nodes Scheduled with Up-to-date Pods: " + n(st.getUpdatedNumberScheduled()) + "\n");
    w.write(0, "Number of Nodes Scheduled with Available Pods: " + n(st.getNumberAvailable()) + "\n");
    w.write(0, "Number of Nodes Misscheduled: " + n(st.getNumberMisscheduled()) + "\n");
    w.write(0, "Pods Status:\t" + phaseCounts(pods) + "\n");
    Describers.podTemplate(w, template);
    w.events(events, now);
    return w.done();
  }

  public static String job(Job job, List<Event> events, Instant now) {
    DescribeWriter w = new DescribeWriter();
    var meta = job.getMetadata();
    var spec = job.getSpec();
    JobStatus st = job.getStatus() == null ? new JobStatus() : job.getStatus();
    w.write(0, "Name:\t" + meta.getName() + "\n");
    w.write(0, "Namespace:\t" + meta.getNamespace() + "\n");
    w.write(0, "Selector:\t" + selector(spec.getSelector()) + "\n");
    w.labels("", "Labels", meta.getLabels());
    w.annotations("", "Annotations", meta.getAnnotations());
    OwnerReference controller = controllerOf(meta.getOwnerReferences());
    if (controller != null) w.write(0, "Controlled By:\t" + controller.getKind() + "/" + controller.getName() + "\n");
    if (spec.getParallelism() != null) w.write(0, "Parallelism:\t" + spec.getParallelism() + "\n");
    w.write(0, "Completions:\t" + (spec.getCompletions() == null ? "<unset>" : spec.getCompletions()) + "\n");
    if (spec.getCompletionMode() != null) w.write(0, "Completion Mode:\t" + spec.getCompletionMode() + "\n");
    if (spec.getSuspend() != null) w.write(0, "Suspend:\t" + spec.getSuspend() + "\n");
    if (spec.getBackoffLimit() != null) w.write(0, "Backoff Limit:\t" + spec.getBackoffLimit() + "\n");
    if (spec.getTtlSecondsAfterFinished() != null) {
      w.write(0, "TTL Seconds After Finished:\t" + spec.getTtlSecondsAfterFinished() + "\n");
    }
    if (notEmpty(st.getStartTime())) w.write(0, "Start Time:\t" + DescribeWriter.time(st.getStartTime()) + "\n");
    if (notEmpty(st.getCompletionTime())) w.write(0, "Completed At:\t" + DescribeWriter.time(st.getCompletionTime()) + "\n");
    if (notEmpty(st.getStartTime()) && notEmpty(st.getCompletionTime())) {
      w.write(0, "Duration:\t" + Durations.human(Duration.between(Instant.parse(st.getStartTime()),
          Instant.parse(st.getCompletionTime()))) + "\n");
    }
    if (spec.getActiveDeadlineSeconds() != null) {
      w.write(0, "Active Deadline Seconds:\t" + spec.getActiveDeadlineSeconds() + "s\n");
    }
    if (st.getReady() == null) {
      w.write(0, "Pods Statuses:\t" + n(st.getActive()) + " Active / " + n(st.getSucceeded()) + " Succeeded / "
          + n(st.getFailed()) + " Failed\n");
    } else {
      w.write(0, "Pods Statuses:\t" + n(st.getActive()) + " Active (" + st.getReady() + " Ready) / "
          + n(st.getSucceeded()) + " Succeeded / " + n(st.getFailed()) + " Failed\n");
    }
    if ("Indexed".equals(spec.getCompletionMode())) {
      w.write(0, "Completed Indexes:\t" + capIndexes(st.getCompletedIndexes(), 50) + "\n");
    }
    Describers.podTemplate(w, spec.getTemplate());
    w.events(events, now);
    return w.done();
  }

  /** "Running / Waiting / Succeeded / Failed" counts by pod phase, as kubectl's controller describers. */
  static String phaseCounts(List<Pod> pods) {
    int running = 0, waiting = 0, succeeded = 0, failed = 0;
    for (Pod p : pods) {
      String phase = p.getStatus() == null || p.getStatus().getPhase() == null ? "" : p.getStatus().getPhase();
      switch (phase) {
        case "Running" -> running++;
        case "Pending" -> waiting++;
        case "Succeeded" -> succeeded++;
        case "Failed" -> failed++;
        default -> { }
      }
    }
    return running + " Running / " + waiting + " Waiting / " + succeeded + " Succeeded / " + failed + " Failed";
  }

  /** A long completed-index list is cut at the first comma after {@code softLimit} characters. */
  static String capIndexes(String indexes, int softLimit) {
    if (indexes == null || indexes.isEmpty()) return "<none>";
    int ix = softLimit;
    while (ix < indexes.length() && indexes.charAt(ix) != ',') ix++;
    if (ix >= indexes.length()) return indexes;
    return indexes.substring(0, ix + 1) + "...";
  }

  /** {@code LabelSelectorAsSelector(..).String()}: an empty or missing selector prints as nothing. */
  private static String selector(LabelSelector s) {
    String text = ResourceTables.selectorOrNone(s);
    return text.equals("<none>") ? "" : text;
  }

  static OwnerReference controllerOf(List<OwnerReference> refs) {
    if (refs == null) return null;
    for (OwnerReference r : refs) if (Boolean.TRUE.equals(r.getController())) return r;
    return null;
  }

  private static int n(Integer i) {
    return i == null ? 0 : i;
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }
}
