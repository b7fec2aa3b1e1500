package io.kubetutor.kubectl;

import io.kubetutor.cluster.Cluster;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * Base of every kubectl verb (one class per verb, like kubectl's {@code pkg/cmd/<verb>}): picocli
 * fills the options, then {@link #run()} does the work through {@link #env}. A verb reports
 * failure by throwing {@link KubectlException} or {@code ClusterException}; the dispatcher prints
 * them the way kubectl does and turns them into exit code 1.
 *
 * <p>Options shared by all verbs (kubectl's global flags that matter here) live in this class.
 */
public abstract class Verb implements Callable<Integer> {

  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
      description = "If present, the namespace scope for this CLI request")
  protected String namespaceFlag;

  /** Set by the dispatcher before {@link #call()}. */
  protected KubectlEnv env;

  void bind(KubectlEnv env) {
    this.env = env;
  }

  @Override
  public final Integer call() throws Exception {
    return run();
  }

  /** Does the verb's work and returns its exit code (0 on success). */
  protected abstract int run() throws Exception;

  /** The namespace this command works in: {@code -n}, else the session's. */
  protected String namespace() {
    return namespaceFlag != null && !namespaceFlag.isEmpty() ? namespaceFlag : env.namespace();
  }

  protected Cluster cluster() { return env.cluster(); }

  protected PrintWriter out() { return env.out(); }

  protected PrintWriter err() { return env.err(); }
}
