package io.kubetutor.kubectl;

import io.kubetutor.cluster.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resource-argument grammar of kubectl (cli-runtime's builder): {@code TYPE},
 * {@code TYPE NAME...}, {@code TYPE/NAME...}, {@code TYPE1,TYPE2 [NAME...]} and {@code all}, with
 * plural, singular, short and group-qualified type names.
 */
public final class ResourceArgs {

  /** One type and the names asked for (empty names = every object of the type). */
  public record Target(ResourceKind kind, List<String> names) {}

  /** What {@code all} means for {@code kubectl get}, in kubectl's output order. */
  public static final List<ResourceKind> ALL = List.of(
      ResourceKind.POD, ResourceKind.SERVICE, ResourceKind.DAEMONSET, ResourceKind.DEPLOYMENT,
      ResourceKind.REPLICASET, ResourceKind.JOB);

  private final List<Target> targets;
  private final boolean slashForm;

  private ResourceArgs(List<Target> targets, boolean slashForm) {
    this.targets = List.copyOf(targets);
    this.slashForm = slashForm;
  }

  public List<Target> targets() { return targets; }

  /** True when the arguments were given as {@code TYPE/NAME}. */
  public boolean slashForm() { return slashForm; }

  /** True when more than one type is involved (kubectl then prints {@code kind/name}). */
  public boolean multipleKinds() {
    return targets.stream().map(Target::kind).distinct().count() > 1;
  }

  /** True when specific objects were named. */
  public boolean hasNames() {
    return targets.stream().anyMatch(t -> !t.names().isEmpty());
  }

  /**
   * Parses positional arguments. Throws {@link KubectlException} with kubectl's messages for an
   * unknown type or mixed forms. An empty list parses to no targets; verbs decide what that means.
   */
  public static ResourceArgs parse(List<String> args) {
    if (args.isEmpty()) return new ResourceArgs(List.of(), false);
    boolean anySlash = args.stream().anyMatch(a -> a.contains("/"));
    if (anySlash) {
      Map<ResourceKind, List<String>> byKind = new LinkedHashMap<>();
      for (String arg : args) {
        int slash = arg.indexOf('/');
        if (slash < 0) {
          throw new KubectlException("there is no need to specify a resource type as a separate argument when passing"
              + " arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get"
              + " resource resource/<resource_name>'");
        }
        String type = arg.substring(0, slash);
        String name = arg.substring(slash + 1);
        if (type.isEmpty() || name.isEmpty() || name.contains("/")) {
          throw new KubectlException("arguments in resource/name form must have a single resource and name");
        }
        byKind.computeIfAbsent(kind(type), k -> new ArrayList<>()).add(name);
      }
      List<Target> targets = new ArrayList<>();
      byKind.forEach((k, names) -> targets.add(new Target(k, List.copyOf(names))));
      return new ResourceArgs(targets, true);
    }
    List<String> names = List.copyOf(args.subList(1, args.size()));
    List<Target> targets = new ArrayList<>();
    for (String type : args.get(0).split(",")) {
      if (type.isEmpty()) continue;
      if (type.equalsIgnoreCase("all")) {
        for (ResourceKind k : ALL) targets.add(new Target(k, names));
      } else {
        ResourceKind k = kind(type);
        if (targets.stream().noneMatch(t -> t.kind() == k)) targets.add(new Target(k, names));
      }
    }
    return new ResourceArgs(targets, false);
  }

  /** Resolves one type name or fails like kubectl. */
  public static ResourceKind kind(String type) {
    return ResourceKind.lookup(type).orElseThrow(() ->
        new KubectlException("the server doesn't have a resource type \"" + type + "\""));
  }
}
