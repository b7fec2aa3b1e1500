package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.Objects;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl rollout restart deployment/x}: stamps the pod template with
 * {@code kubectl.kubernetes.io/restartedAt} (second precision), so the controller rolls out new pods.
 * A second restart within the same second would not change the template, which kubectl reports.
 */
@Command(name = "restart", description = "Restart a resource")
public final class RolloutRestartVerb extends Verb {

  static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

  @Parameters(arity = "0..*", paramLabel = "RESOURCE") List<String> args = new ArrayList<>();

  @Override
  protected int run() {
    RolloutTarget target = RolloutTarget.parse("restart", args);
    Deployment d = target.deployment(cluster(), namespace(), "restarting is not supported");
    if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
      throw new KubectlException(target.kind().qualifiedPlural() + " \"" + target.name()
          + "\" can't restart paused deployment (run rollout resume first)");
    }
    String stamp = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        cluster().clock().now().truncatedTo(ChronoUnit.SECONDS).atOffset(java.time.ZoneOffset.UTC));
    Map<String, String> current = d.getSpec().getTemplate().getMetadata() == null ? null
        : d.getSpec().getTemplate().getMetadata().getAnnotations();
    if (current != null && stamp.equals(current.get(RESTARTED_AT))) {
      throw new KubectlException("failed to create patch for " + target.name()
          + ": if restart has already been triggered within the past second, please wait before attempting to trigger another");
    }
    Deployment changed = Objects.copy(d);
    if (changed.getSpec().getTemplate().getMetadata() == null) {
      changed.getSpec().getTemplate().setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    if (current != null) annotations.putAll(current);
    annotations.put(RESTARTED_AT, stamp);
    changed.getSpec().getTemplate().getMetadata().setAnnotations(annotations);
    cluster().update(changed, Cluster.DryRun.NONE);
    out().println(target.displayName() + " restarted");
    return 0;
  }
}
