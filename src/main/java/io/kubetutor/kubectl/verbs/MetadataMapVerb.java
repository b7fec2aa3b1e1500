package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.Objects;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.ResourceArgs;
import io.kubetutor.kubectl.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code label} and {@code annotate} share: arguments {@code TYPE NAME... key=value key-},
 * {@code -l}/{@code --all}, {@code --overwrite}, {@code --list}, {@code --dry-run}, {@code -o}.
 * Subclasses say which map of the metadata they edit and how kubectl words the outcome.
 */
abstract class MetadataMapVerb extends Verb {

  @Parameters(arity = "0..*", paramLabel = "TYPE NAME KEY=VAL") List<String> args = new ArrayList<>();

  @Mixin ManifestOptions manifests = new ManifestOptions();

  @Option(names = {"-l", "--selector"}, description = "Selector (label query) to filter on.")
  String selector;

  @Option(names = "--all", arity = "0..1", fallbackValue = "true",
      description = "Select all resources, in the namespace of the specified resource types.")
  boolean all;

  @Option(names = {"-A", "--all-namespaces"}, arity = "0..1", fallbackValue = "true",
      description = "If true, check the specified action in all namespaces.")
  boolean allNamespaces;

  @Option(names = "--overwrite", arity = "0..1", fallbackValue = "true",
      description = "If true, allow existing values to be overwritten.")
  boolean overwrite;

  @Option(names = "--list", arity = "0..1", fallbackValue = "true", description = "If true, display the current values.")
  boolean list;

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Mixin WriteOutputOption output = new WriteOutputOption();

  /** {@code label} or {@code annotation}, as kubectl's messages say it. */
  abstract String noun();

  abstract Map<String, String> get(HasMetadata object);

  abstract void set(HasMetadata object, Map<String, String> values);

  /** Checks a {@code key=value} pair; throws with kubectl's message when invalid. */
  abstract void validate(String pair, String key, String value);

  /** Refuses changing existing keys without {@code --overwrite}; kubectl words it per verb. */
  abstract void checkOverwrites(Map<String, String> existing, Map<String, String> changes);

  /** The operation word for one object, given its JSON before and after. */
  abstract String outcome(String before, String after);

  @Override
  protected int run() {
    Cluster.DryRun dryRun = dryRunOption.mode();
    WriteOutput printer = output.printer(dryRun, out());
    List<String> resources = new ArrayList<>();
    Map<String, String> changes = new LinkedHashMap<>();
    List<String> removals = new ArrayList<>();
    for (String arg : args) {
      // kubectl's GetResourcesAndPairs: KEY=VALUE or KEY- (keys may hold a prefix/ like app.kubernetes.io/name-).
      boolean pair = (arg.contains("=") && !arg.startsWith("=")) || (arg.endsWith("-") && !arg.equals("-"));
      if (!pair) {
        if (!changes.isEmpty() || !removals.isEmpty()) {
          throw new KubectlException("all resources must be specified before " + noun() + " changes: " + arg);
        }
        resources.add(arg);
      } else if (arg.contains("=")) {
        int eq = arg.indexOf('=');
        validate(arg, arg.substring(0, eq), arg.substring(eq + 1));
        changes.put(arg.substring(0, eq), arg.substring(eq + 1));
      } else {
        removals.add(arg.substring(0, arg.length() - 1));
      }
    }
    for (String key : removals) {
      if (changes.containsKey(key)) {
        throw new KubectlException("can not both modify and remove " + (noun().equals("label") ? "a label" : "an annotation")
            + " in the same command");
      }
    }
    if (resources.isEmpty() && !manifests.given()) {
      throw new KubectlException("one or more resources must be specified as <resource> <name> or <resource>/<name>");
    }
    if (!list && changes.isEmpty() && removals.isEmpty()) {
      throw new KubectlException("at least one " + noun() + " update is required");
    }
    Targets targets = manifests.given()
        ? Targets.fromManifests(cluster(), manifests.read(env, namespace(), namespaceFlag != null))
        : Targets.resolve(cluster(), ResourceArgs.parse(resources), selector, all, allNamespaces ? null : namespace());
    List<RuntimeException> errors = new ArrayList<>(targets.errors);
    // kubectl's IntoSingleItemImplied: one named object lists without a heading.
    boolean one = !targets.bySelector && targets.found.size() + targets.errors.size() == 1;
    for (Targets.Found f : targets.found) {
      try {
        if (list) {
          if (!one) {
            // kubectl writes Kind.group, so core kinds read "Pod./x".
            out().println("Listing " + noun() + "s for " + f.kind().kind() + "." + f.kind().group() + "/" + f.name() + ":");
            new java.util.TreeMap<>(get(f.object()) == null ? Map.<String, String>of() : get(f.object()))
                .forEach((k, v) -> out().println(" " + k + "=" + v));
          } else {
            WriteOutput.printMap(out(), get(f.object()));
          }
          continue;
        }
        Targets.retryOnConflict(cluster(), f, target -> {
          HasMetadata edited = Objects.copy(target.object());
          if (noun().equals("label") && dryRun == Cluster.DryRun.NONE) {
            for (String key : removals) {
              if (get(edited) == null || !get(edited).containsKey(key)) out().println("label \"" + key + "\" not found.");
            }
          }
          Map<String, String> values = new LinkedHashMap<>(get(edited) == null ? Map.of() : get(edited));
          if (!overwrite) checkOverwrites(values, changes);
          values.putAll(changes);
          removals.forEach(values::remove);
          String before = Objects.toJson(target.object());
          set(edited, values.isEmpty() && get(target.object()) == null ? null : values);
          String after = Objects.toJson(edited);
          HasMetadata result = edited;
          if (!before.equals(after) && dryRun != Cluster.DryRun.CLIENT) result = cluster().update(edited, dryRun);
          printer.print(target.kind(), result, outcome(before, after));
          return result;
        });
      } catch (ClusterException | KubectlException e) {
        errors.add(e);
      }
    }
    return Errors.print(err(), errors);
  }
}
