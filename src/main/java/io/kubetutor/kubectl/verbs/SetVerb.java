package io.kubetutor.kubectl.verbs;

import io.kubetutor.kubectl.Verb;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kubectl set}: the parent of {@code set image}; alone it prints its help, as kubectl does. */
@Command(name = "set", description = "Set specific features on objects", subcommands = {SetImageVerb.class})
public final class SetVerb extends Verb {

  @Spec CommandSpec spec;

  @Override
  protected int run() {
    out().print(spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF));
    return 0;
  }
}
