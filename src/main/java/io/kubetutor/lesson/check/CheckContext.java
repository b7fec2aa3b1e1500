package io.kubetutor.lesson.check;

import io.kubetutor.cluster.Cluster;
import io.kubetutor.lesson.HistoryEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Everything a check may look at: the cluster (through the port), the default namespace, the
 * session's command history with the index and cluster time at which the current step began, the
 * workspace directory, and the student's answer to the step's question (null if none yet).
 */
public record CheckContext(
    Cluster cluster,
    String namespace,
    List<HistoryEntry> history,
    int stepStartIndex,
    Instant stepStartTime,
    Path workspace,
    String answer) {

  /** The commands a check with {@code scope} considers. */
  public List<HistoryEntry> history(Scope scope) {
    if (scope == Scope.EVER) return history;
    int from = Math.min(Math.max(stepStartIndex, 0), history.size());
    return history.subList(from, history.size());
  }
}
