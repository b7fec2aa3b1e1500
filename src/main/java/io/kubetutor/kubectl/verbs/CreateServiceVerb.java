package io.kubetutor.kubectl.verbs;

import io.kubetutor.kubectl.Verb;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kubectl create service}: the parent of {@code clusterip} and {@code nodeport}. */
@Command(name = "service", aliases = "svc", description = "Create a service using a specified subcommand",
    subcommands = {CreateServiceClusterIpVerb.class, CreateServiceNodePortVerb.class})
public final class CreateServiceVerb extends Verb {

  @Spec CommandSpec spec;

  @Override
  protected int run() {
    out().print(spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF));
    return 0;
  }
}
