package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
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
      body = podTemplate(rs.getSpec().getTemplate());
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

  /**
   * The {@code Pod Template:} block as {@code kubectl describe} lays it out. Kept here until the
   * shared describe printer offers it.
   */
  static String podTemplate(PodTemplateSpec template) {
    TabWriter w = new TabWriter(0, 2, false);
    w.write("Pod Template:\n");
    Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
    multiline(w, "  Labels", labels);
    Map<String, String> annotations = template.getMetadata() == null ? null : template.getMetadata().getAnnotations();
    if (annotations != null && !annotations.isEmpty()) multiline(w, "  Annotations", annotations);
    String sa = template.getSpec().getServiceAccountName();
    if (sa != null && !sa.isEmpty()) w.write("  Service Account:\t" + sa + "\n");
    w.write("  Containers:\n");
    for (Container c : template.getSpec().getContainers()) {
      w.write("   " + c.getName() + ":\n");
      w.write("    Image:\t" + c.getImage() + "\n");
      List<ContainerPort> ports = c.getPorts();
      if (ports == null || ports.isEmpty()) {
        w.write("    Port:\t<none>\n");
        w.write("    Host Port:\t<none>\n");
      } else {
        List<String> p = new ArrayList<>();
        List<String> hp = new ArrayList<>();
        for (ContainerPort cp : ports) {
          String proto = cp.getProtocol() == null ? "TCP" : cp.getProtocol();
          p.add(cp.getContainerPort() + "/" + proto);
          hp.add((cp.getHostPort() == null ? 0 : cp.getHostPort()) + "/" + proto);
        }
        w.write("    Port" + (ports.size() > 1 ? "s" : "") + ":\t" + String.join(", ", p) + "\n");
        w.write("    Host Port" + (ports.size() > 1 ? "s" : "") + ":\t" + String.join(", ", hp) + "\n");
      }
      words(w, "    Command:", c.getCommand());
      words(w, "    Args:", c.getArgs());
      List<EnvVar> env = c.getEnv();
      if (env == null || env.isEmpty()) {
        w.write("    Environment:\t<none>\n");
      } else {
        w.write("    Environment:\n");
        for (EnvVar e : env) {
          w.write("      " + e.getName() + ":\t" + (e.getValue() == null ? "" : e.getValue()) + "\n");
        }
      }
      w.write("    Mounts:\t<none>\n");
    }
    w.write("  Volumes:\t<none>\n");
    multiline(w, "  Node-Selectors", template.getSpec().getNodeSelector());
    w.write("  Tolerations:\t<none>\n");
    return w.flush();
  }

  private static void words(TabWriter w, String title, List<String> words) {
    if (words == null || words.isEmpty()) return;
    w.write(title + "\n");
    for (String s : words) w.write("      " + s + "\n");
  }

  private static void multiline(TabWriter w, String title, Map<String, String> values) {
    if (values == null || values.isEmpty()) {
      w.write(title + ":\t<none>\n");
      return;
    }
    boolean first = true;
    for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
      String sep = title.endsWith("Annotations") ? ": " : "=";
      w.write((first ? title + ":" : "  ") + "\t" + e.getKey() + sep + e.getValue() + "\n");
      first = false;
    }
  }
}
