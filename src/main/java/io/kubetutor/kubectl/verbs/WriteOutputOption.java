package io.kubetutor.kubectl.verbs;

import io.kubetutor.cluster.Cluster;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code -o name|yaml|json} of the verbs that write objects from files, and the printer it picks. */
final class WriteOutputOption {

  @Option(names = {"-o", "--output"}, description = "Output format: name, yaml or json.")
  String format;

  /** The printer for this command; an unknown format is kubectl's "unable to match a printer" error. */
  WriteOutput printer(Cluster.DryRun dryRun, PrintWriter out) {
    return new WriteOutput(format, dryRun, out);
  }
}
