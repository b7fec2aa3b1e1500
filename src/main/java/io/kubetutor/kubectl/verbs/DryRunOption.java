package io.kubetutor.kubectl.verbs;

import io.kubetutor.cluster.Cluster;
import picocli.CommandLine.Option;

/** kubectl's {@code --dry-run[=none|client|server]}, shared by every verb that writes. */
final class DryRunOption {

  @Option(names = "--dry-run", arity = "0..1", fallbackValue = WriteOutput.BARE_DRY_RUN,
      description = "Must be \"none\", \"server\", or \"client\".")
  String flag;

  /** The parsed mode; kubectl's errors for a bad value come from {@link WriteOutput#dryRun}. */
  Cluster.DryRun mode() {
    return WriteOutput.dryRun(flag);
  }
}
