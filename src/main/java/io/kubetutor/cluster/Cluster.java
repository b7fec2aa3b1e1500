package io.kubetutor.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.function.Consumer;

/**
 * The port between kubectl/lessons and a Kubernetes API: the simulator ({@code sim.SimCluster}) or
 * a real cluster ({@code cluster.Fabric8Cluster}). It speaks the Kubernetes API, not kubectl:
 * verbs turn command lines into these calls, printers turn the returned objects into text.
 *
 * <p>Objects returned are snapshots owned by the caller's read: never mutate one in place, copy it
 * first ({@link Objects#copy}). Every failure is a {@link ClusterException} shaped like the API's.
 */
public interface Cluster extends AutoCloseable {

  /** The context name: {@code sim}, or the kubeconfig context. */
  String contextName();

  /** The namespace commands use when none is given (from the kubeconfig context, or {@code default}). */
  String defaultNamespace();

  /** Server time (the simulator's clock; the wall clock for a real cluster), used for AGE columns. */
  ClusterClock clock();

  /** One object, or {@link ClusterException#notFound}. {@code namespace} is ignored for cluster-scoped kinds. */
  HasMetadata get(ResourceKind kind, String namespace, String name);

  /**
   * Objects of a kind; {@code namespace == null} means all namespaces. The selector and field
   * selector are evaluated as the apiserver does (both may be {@link Selector#EVERYTHING}).
   */
  List<HasMetadata> list(ResourceKind kind, String namespace, Selector labels, FieldSelector fields);

  /** Creates an object; name generation, defaulting and validation as the apiserver does them. */
  HasMetadata create(HasMetadata object, DryRun dryRun);

  /** Replaces an object (PUT). A stale non-empty {@code resourceVersion} is a Conflict. */
  HasMetadata update(HasMetadata object, DryRun dryRun);

  /** Writes only the status of an object (the status subresource); used by tools, not students. */
  default HasMetadata updateStatus(HasMetadata object) {
    throw new ClusterException(405, "MethodNotAllowed", "status updates are not supported by this backend");
  }

  /** Deletes an object: returns it as it was accepted (possibly with a deletionTimestamp set). */
  HasMetadata delete(ResourceKind kind, String namespace, String name, DeleteOptions options);

  /** Watches a kind; events are delivered until the returned handle is closed. */
  AutoCloseable watch(ResourceKind kind, String namespace, Selector labels, Consumer<WatchEvent> listener);

  /** Container log text as {@code kubectl logs} receives it. */
  String logs(String namespace, String pod, LogOptions options);

  /** Server version as {@code kubectl version} shows it. */
  VersionInfo serverVersion();

  /** The API server's address, as {@code kubectl cluster-info} prints it. */
  default String serverUrl() { return "https://127.0.0.1:6443"; }

  /**
   * Runs {@code command} in a container of a running pod ({@code kubectl exec}); {@code stdin} may be
   * null. {@code container == null} means the pod's default container.
   */
  default ExecResult exec(String namespace, String pod, String container, List<String> command, String stdin) {
    throw new ClusterException(400, "BadRequest", "exec is not supported by this backend");
  }

  /** What an exec'd command wrote and how it ended. */
  record ExecResult(String stdout, String stderr, int exitCode) {}

  /** True for the embedded simulator: lessons use it to tell simulator-only features apart. */
  default boolean isSimulator() { return false; }

  @Override
  default void close() {}

  /** {@code --dry-run}: none, client (never reaches the backend), server (validated, not stored). */
  enum DryRun { NONE, CLIENT, SERVER }

  record VersionInfo(String major, String minor, String gitVersion, String gitCommit, String gitTreeState,
                     String buildDate, String goVersion, String compiler, String platform) {}
}
