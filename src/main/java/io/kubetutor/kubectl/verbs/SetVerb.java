package io.kubetutor.kubectl.verbs;

import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import picocli.CommandLine.Command;

/** {@code kubectl set}: the parent of {@code set image}; alone it asks for a subcommand. */
@Command(name = "set", description = "Set specific features on objects", subcommands = {SetImageVerb.class})
public final class SetVerb extends Verb {

  @Override
  protected int run() {
    throw KubectlException.usage("set", "unknown command \"\" for \"kubectl set\"");
  }
}
