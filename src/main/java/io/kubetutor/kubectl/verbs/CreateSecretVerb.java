package io.kubetutor.kubectl.verbs;

import io.kubetutor.kubectl.Verb;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kubectl create secret}: the parent of {@code generic}; alone it prints its help, as kubectl does. */
@Command(name = "secret", description = "Create a secret using a specified subcommand",
    subcommands = {CreateSecretGenericVerb.class})
public final class CreateSecretVerb extends Verb {

  @Spec CommandSpec spec;

  @Override
  protected int run() {
    out().print(spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF));
    return 0;
  }
}
