package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import io.kubetutor.print.Describers;
import io.kubetutor.print.TabWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl rollout history deployment/x [--revision=N]}: the revisions of the deployment's
 * ReplicaSets with their change cause, or one revision's pod template. kubectl prints it through
 * the name printer with the table as the "operation", hence the trailing space and final blank line.
 */
@Command(name = "history", description = "View rollout history")
public final class RolloutHistoryVerb extends Verb {

  static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

  @Parameters(arity = "0..*", paramLabel = "RESOURCE") List<String> args = new ArrayList<>();

  @Option(names = "--revision", defaultValue = "0", description = "See the details, including podTemplate of the revision specified")
  long revision;

  @Override
  protected int run() {
    RolloutTarget target = RolloutTarget.parse("history", args);
    Deployment d = target.deployment(cluster(), namespace(), "has no history viewer");
    Map<Long, ReplicaSet> byRevision = new TreeMap<>();
    for (ReplicaSet rs : RolloutTarget.replicaSets(cluster(), d)) {
      long v = RolloutTarget.revision(rs);
      if (v >= 0) byRevision.put(v, rs);
    }
    String body;
    String heading = "";
    if (revision > 0) {
      ReplicaSet rs = byRevision.get(revision);
      if (rs == null) throw new KubectlException("unable to find the specified revision");
      heading = "with revision #" + revision;
      body = Describers.podTemplate(rs.getSpec().getTemplate());
    } else if (byRevision.isEmpty()) {
      body = "No rollout history found.";
    } else {
      TabWriter w = new TabWriter(0, 2, false);
      w.row("REVISION", "CHANGE-CAUSE");
      byRevision.forEach((v, rs) -> {
        Map<String, String> a = rs.getMetadata().getAnnotations();
        String cause = a == null ? null : a.get(CHANGE_CAUSE);
        w.row(String.valueOf(v), cause == null || cause.isEmpty() ? "<none>" : cause);
      });
      body = w.flush();
    }
    out().print(target.displayName() + " " + heading + "\n" + body + "\n");
    return 0;
  }
}
