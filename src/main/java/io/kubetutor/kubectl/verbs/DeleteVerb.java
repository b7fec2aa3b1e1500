package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterClock;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.ResourceArgs;
import io.kubetutor.kubectl.Verb;
import io.kubetutor.kubectl.manifest.Manifest;
import io.kubetutor.kubectl.manifest.ManifestReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl delete}: by name, {@code TYPE/NAME}, {@code -f}, {@code -l} or {@code --all}.
 * Prints {@code pod "x" deleted} when the API accepts each DELETE, then (by default) waits until
 * every deleted object is really gone, as kubectl does; the wait goes through the cluster clock,
 * so a virtual simulator finishes at once and realtime shows a pod's grace period.
 */
@Command(name = "delete", description = "Delete resources by file names, stdin, resources and names, or by resources and label selector",
    footerHeading = "%nExamples:%n",
    footer = {"  # Delete a pod with minimal delay", "  kubectl delete pod foo --now", "",
        "  # Delete pods and services with label name=myLabel", "  kubectl delete pods,services -l name=myLabel"})
public final class DeleteVerb extends Verb {

  static final String FORCE_WARNING = "Warning: Immediate deletion does not wait for confirmation that the running"
      + " resource has been terminated. The resource may continue to run on the cluster indefinitely.";

  /** How often the wait looks whether the deleted objects are gone. */
  private static final Duration POLL = Duration.ofSeconds(1);

  @Parameters(arity = "0..*", paramLabel = "TYPE NAME") List<String> args = new ArrayList<>();

  @Mixin ManifestOptions manifests = new ManifestOptions();

  @Option(names = {"-l", "--selector"}, description = "Selector (label query) to filter on.")
  String selector;

  @Option(names = "--all", arity = "0..1", fallbackValue = "true",
      description = "Delete all resources, in the namespace of the specified resource types.")
  boolean all;

  @Option(names = {"-A", "--all-namespaces"}, arity = "0..1", fallbackValue = "true",
      description = "If present, list the requested object(s) across all namespaces.")
  boolean allNamespaces;

  @Option(names = "--grace-period", defaultValue = "-1",
      description = "Period of time in seconds given to the resource to terminate gracefully (-1: the resource's default).")
  long gracePeriod;

  @Option(names = "--now", arity = "0..1", fallbackValue = "true",
      description = "If true, resources are signaled for immediate shutdown (same as --grace-period=1).")
  boolean now;

  @Option(names = "--force", arity = "0..1", fallbackValue = "true",
      description = "If true, immediately remove resources from API and bypass graceful deletion.")
  boolean force;

  @Option(names = "--wait", arity = "0..1", fallbackValue = "true", defaultValue = "true",
      description = "If true, wait for resources to be gone before returning.")
  boolean waitForDeletion;

  @Option(names = "--timeout", defaultValue = "0s",
      description = "The length of time to wait before giving up on a delete, zero means wait (up to a week).")
  String timeout;

  @Option(names = "--cascade", arity = "0..1", fallbackValue = "background", defaultValue = "background",
      description = "Must be \"background\", \"orphan\", or \"foreground\".")
  String cascade;

  @Option(names = "--ignore-not-found", arity = "0..1", fallbackValue = "true",
      description = "Treat \"resource not found\" as a successful delete.")
  boolean ignoreNotFound;

  @Option(names = {"-o", "--output"}, description = "Output mode. Use \"-o name\" for shorter output (resource/name).")
  String output;

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private record Deleted(ResourceKind kind, String namespace, String name, String uid) {}

  @Override
  protected int run() throws InterruptedException {
    Cluster.DryRun dryRun = dryRunOption.mode();
    if (output != null && !output.isEmpty() && !output.equals("name")) {
      throw new KubectlException("unexpected -o output mode: " + output + ". We only support '-o name'");
    }
    DeleteOptions.Propagation propagation = propagation(cascade);
    Duration waitLimit = goDuration(timeout);
    Long grace = gracePeriod < 0 ? null : gracePeriod;
    if (now) {
      if (grace != null) throw new KubectlException("--now and --grace-period cannot be specified together");
      grace = 1L;
    }
    if (grace != null && grace == 0 && !force) grace = 1L;  // kubectl turns an unforced 0 into 1
    if (force && grace == null) grace = 0L;
    if (force && grace > 0) {
      throw new KubectlException("--force and --grace-period greater than 0 cannot be specified together");
    }
    if (selector != null && all) throw new KubectlException("cannot set --all and --selector at the same time");
    if (force) err().println(FORCE_WARNING);
    // With --all or -l a NotFound can only be a race with another deleter: kubectl ignores it unless told.
    boolean ignoreMissing = ignoreNotFound || ((all || selector != null) && !ignoreNotFoundGiven());
    String op = grace != null && grace == 0 ? "force deleted" : "deleted";
    DeleteOptions options = new DeleteOptions(grace, propagation, dryRun);

    List<RuntimeException> errors = new ArrayList<>();
    List<Deleted> deleted = new ArrayList<>();
    if (manifests.given()) {
      if (!args.isEmpty()) throw new KubectlException("Unexpected args: " + args + "\nSee 'kubectl delete -h' for help and examples");
      ManifestReader.Result read = manifests.read(env, namespace(), namespaceFlag != null);
      errors.addAll(read.errors());
      for (Manifest m : read.manifests()) {
        String ns = m.kind().namespaced() ? m.namespace() : null;
        try {
          deleted.add(deleteOne(m.kind(), ns, m.name(), options, op));
        } catch (ClusterException e) {
          if (!(ignoreMissing && e.isNotFound())) errors.add(e.withSource("deleting", m.source()));
        }
      }
    } else {
      if (args.isEmpty()) {
        throw new KubectlException("You must provide one or more resources by argument or filename.\n"
            + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
            + "   '<resource> <name>'\n   '<resource>'");
      }
      Targets targets = Targets.resolve(cluster(), ResourceArgs.parse(args), selector, all,
          allNamespaces ? null : namespace());
      for (RuntimeException e : targets.errors) {
        if (!(ignoreMissing && e instanceof ClusterException c && c.isNotFound())) errors.add(e);
      }
      boolean warnClusterScope = namespaceFlag != null && !allNamespaces;
      for (Targets.Found f : targets.found) {
        if (warnClusterScope && !f.kind().namespaced()) {
          err().println("Warning: deleting cluster-scoped resources, not scoped to the provided namespace");
          warnClusterScope = false;
        }
        try {
          deleted.add(deleteOne(f.kind(), f.namespace(), f.name(), options, op));
        } catch (ClusterException e) {
          if (!(ignoreMissing && e.isNotFound())) errors.add(e);
        }
      }
    }
    if (deleted.isEmpty() && errors.isEmpty()) out().println("No resources found");
    out().flush();
    if (!errors.isEmpty()) return Errors.print(err(), errors);  // kubectl does not wait after an error
    if (waitForDeletion && dryRun == Cluster.DryRun.NONE) return waitUntilGone(deleted, waitLimit);
    return 0;
  }

  /** True when --ignore-not-found was written on the command line (picocli's parse result). */
  private boolean ignoreNotFoundGiven() {
    return spec.commandLine().getParseResult() != null && spec.commandLine().getParseResult().hasMatchedOption("--ignore-not-found");
  }

  private Deleted deleteOne(ResourceKind kind, String ns, String name, DeleteOptions options, String op) {
    // A client dry run never sends the DELETE; it only confirms the object is there.
    HasMetadata accepted = options.dryRun() == Cluster.DryRun.CLIENT ? cluster().get(kind, ns, name)
        : cluster().delete(kind, ns, name, options);
    if ("name".equals(output)) {
      out().println(kind.qualifiedSingular() + "/" + name);
    } else {
      out().println(kind.qualifiedSingular() + " \"" + name + "\" " + op + WriteOutput.suffix(options.dryRun()));
    }
    String uid = accepted == null || accepted.getMetadata() == null ? null : accepted.getMetadata().getUid();
    return new Deleted(kind, ns, name, uid);
  }

  /**
   * Polls until each object is gone (or replaced by a new one of the same name). A virtual
   * simulator with nothing left to happen ends the wait instead of spinning forever.
   */
  private int waitUntilGone(List<Deleted> deleted, Duration limit) throws InterruptedException {
    ClusterClock clock = cluster().clock();
    // kubectl waits "forever" (a week) when no timeout is given.
    java.time.Instant deadline = clock.now().plus(limit.isZero() ? Duration.ofDays(7) : limit);
    List<Deleted> pending = new ArrayList<>(deleted);
    while (!pending.isEmpty()) {
      pending.removeIf(this::gone);
      if (pending.isEmpty() || clock.quiescent()) return 0;
      if (!clock.now().isBefore(deadline)) {
        Deleted first = pending.get(0);
        err().println("error: timed out waiting for the condition on " + first.kind().qualifiedPlural() + "/" + first.name());
        return 1;
      }
      if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
      clock.sleep(POLL);
    }
    return 0;
  }

  /** A Go duration as kubectl's flags take it: {@code 30s}, {@code 1m30s}, {@code 500ms}, {@code 0}. */
  static Duration goDuration(String text) {
    if (text.equals("0")) return Duration.ZERO;
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s)").matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      double v = Double.parseDouble(m.group(1));
      long millis = (long) (v * switch (m.group(2)) {
        case "h" -> 3_600_000;
        case "m" -> 60_000;
        case "s" -> 1000;
        default -> 1;
      });
      total = total.plusMillis(millis);
      end = m.end();
    }
    if (end != text.length() || text.isEmpty()) {
      throw new KubectlException("invalid argument \"" + text + "\" for \"--timeout\" flag: time: invalid duration \""
          + text + "\"");
    }
    return total;
  }

  private boolean gone(Deleted d) {
    try {
      HasMetadata o = cluster().get(d.kind(), d.namespace(), d.name());
      return d.uid() != null && !d.uid().equals(o.getMetadata().getUid());
    } catch (ClusterException e) {
      return true;  // gone, or we may not look (Forbidden): kubectl stops waiting either way
    }
  }

  private static DeleteOptions.Propagation propagation(String cascade) {
    return switch (cascade.toLowerCase(Locale.ROOT)) {
      case "background", "true" -> DeleteOptions.Propagation.BACKGROUND;
      case "foreground" -> DeleteOptions.Propagation.FOREGROUND;
      case "orphan", "false" -> DeleteOptions.Propagation.ORPHAN;
      default -> throw new KubectlException("invalid cascade value (" + cascade
          + "). Must be \"background\", \"foreground\", or \"orphan\"");
    };
  }
}
