package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.ResourceArgs;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects a writing verb acts on, named by resource arguments ({@code TYPE NAME...},
 * {@code TYPE/NAME}) or chosen by {@code -l}/{@code --all} — cli-runtime's builder for the
 * imperative verbs. Missing named objects become NotFound errors for the verb to print while it
 * carries on with the others.
 */
final class Targets {

  /** One object found, with the kind it was asked for as. */
  record Found(ResourceKind kind, HasMetadata object) {
    String name() { return object.getMetadata().getName(); }
    String namespace() { return object.getMetadata().getNamespace(); }
  }

  final List<Found> found = new ArrayList<>();
  final List<RuntimeException> errors = new ArrayList<>();
  /** True when objects were chosen by selector or --all (so "No resources found" applies). */
  boolean bySelector;

  private Targets() {}

  /**
   * @param args           positional resource arguments
   * @param selector       {@code -l}, or null
   * @param all            {@code --all}
   * @param namespace      namespace, or null for all namespaces ({@code -A})
   */
  static Targets resolve(Cluster cluster, ResourceArgs args, String selector, boolean all, String namespace) {
    Targets t = new Targets();
    if (selector != null && all) throw new KubectlException("cannot set --all and --selector at the same time");
    boolean select = selector != null || all;
    if (select && args.hasNames()) {
      throw new KubectlException("name cannot be provided when a selector is specified");
    }
    if (!select && !args.hasNames()) {
      throw new KubectlException("resource(s) were provided, but no name was specified");
    }
    t.bySelector = select;
    Selector labels = selector == null ? Selector.EVERYTHING : parseSelector(selector);
    for (ResourceArgs.Target target : args.targets()) {
      ResourceKind kind = target.kind();
      if (select) {
        t.found.addAll(cluster.list(kind, kind.namespaced() ? namespace : null, labels, FieldSelector.EVERYTHING)
            .stream().map(o -> new Found(kind, o)).toList());
        continue;
      }
      for (String name : target.names()) {
        try {
          t.found.add(new Found(kind, cluster.get(kind, namespace, name)));
        } catch (ClusterException e) {
          t.errors.add(e);
        }
      }
    }
    return t;
  }

  /** The live objects named by manifests ({@code -f}): each is read from the cluster, as kubectl's builder does. */
  static Targets fromManifests(Cluster cluster, io.kubetutor.kubectl.manifest.ManifestReader.Result read) {
    Targets t = new Targets();
    t.errors.addAll(read.errors());
    for (io.kubetutor.kubectl.manifest.Manifest m : read.manifests()) {
      try {
        t.found.add(new Found(m.kind(), cluster.get(m.kind(), m.kind().namespaced() ? m.namespace() : null, m.name())));
      } catch (ClusterException e) {
        t.errors.add(e);
      }
    }
    return t;
  }

  /** How often a read-modify-write is tried when the object changed underneath it (kubectl's maxPatchRetry). */
  static final int MAX_ATTEMPTS = 5;

  /**
   * Runs a read-modify-write of one object; when the write meets a Conflict (a controller updated
   * the object in between, common in realtime mode) the object is read again and the change redone.
   */
  static <T> T retryOnConflict(Cluster cluster, Found found, java.util.function.Function<Found, T> attempt) {
    Found current = found;
    for (int i = 1; ; i++) {
      try {
        return attempt.apply(current);
      } catch (ClusterException e) {
        if (!e.isConflict() || i >= MAX_ATTEMPTS) throw e;
        current = new Found(current.kind(), cluster.get(current.kind(), current.namespace(), current.name()));
      }
    }
  }

  static Selector parseSelector(String selector) {
    try {
      return Selector.parse(selector);
    } catch (IllegalArgumentException e) {
      throw new KubectlException(e.getMessage());
    }
  }
}
