package io.kubetutor.kubectl.verbs;

import io.kubetutor.kubectl.Verb;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kubectl rollout}: the parent of status, history, undo, restart, pause and resume. */
@Command(name = "rollout", description = "Manage the rollout of a resource",
    subcommands = {RolloutHistoryVerb.class, RolloutPauseVerb.class, RolloutRestartVerb.class,
        RolloutResumeVerb.class, RolloutStatusVerb.class, RolloutUndoVerb.class})
public final class RolloutVerb extends Verb {

  @Spec CommandSpec spec;

  @Override
  protected int run() {
    out().print(spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF));
    return 0;
  }
}
