package io.kubetutor.kubectl;

import io.kubetutor.kubectl.verbs.AnnotateVerb;
import io.kubetutor.kubectl.verbs.ApiResourcesVerb;
import io.kubetutor.kubectl.verbs.ApplyVerb;
import io.kubetutor.kubectl.verbs.ClusterInfoVerb;
import io.kubetutor.kubectl.verbs.ConfigVerb;
import io.kubetutor.kubectl.verbs.CreateVerb;
import io.kubetutor.kubectl.verbs.DeleteVerb;
import io.kubetutor.kubectl.verbs.DescribeVerb;
import io.kubetutor.kubectl.verbs.EditVerb;
import io.kubetutor.kubectl.verbs.ExecVerb;
import io.kubetutor.kubectl.verbs.ExplainVerb;
import io.kubetutor.kubectl.verbs.ExposeVerb;
import io.kubetutor.kubectl.verbs.GetVerb;
import io.kubetutor.kubectl.verbs.LabelVerb;
import io.kubetutor.kubectl.verbs.LogsVerb;
import io.kubetutor.kubectl.verbs.PatchVerb;
import io.kubetutor.kubectl.verbs.ReplaceVerb;
import io.kubetutor.kubectl.verbs.RolloutVerb;
import io.kubetutor.kubectl.verbs.RunVerb;
import io.kubetutor.kubectl.verbs.ScaleVerb;
import io.kubetutor.kubectl.verbs.SetVerb;
import io.kubetutor.kubectl.verbs.VersionVerb;
import java.util.List;

/**
 * The verbs of the {@code kubectl} command, one class each under {@code kubectl/verbs}.
 * Keep one line per verb, sorted, so additions merge cleanly.
 */
final class Verbs {

  private Verbs() {}

  static List<Verb> create() {
    return List.of(
        new AnnotateVerb(),
        new ApiResourcesVerb(),
        new ApplyVerb(),
        new ClusterInfoVerb(),
        new ConfigVerb(),
        new CreateVerb(),
        new DeleteVerb(),
        new DescribeVerb(),
        new EditVerb(),
        new ExecVerb(),
        new ExplainVerb(),
        new ExposeVerb(),
        new GetVerb(),
        new LabelVerb(),
        new LogsVerb(),
        new PatchVerb(),
        new ReplaceVerb(),
        new RolloutVerb(),
        new RunVerb(),
        new ScaleVerb(),
        new SetVerb(),
        new VersionVerb()
    );
  }
}
