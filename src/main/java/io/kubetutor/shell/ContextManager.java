package io.kubetutor.shell;

import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.Fabric8Cluster;
import io.kubetutor.cluster.Kubeconfig;
import io.kubetutor.kubectl.KubectlEnv;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.sim.SimCluster;
import io.kubetutor.sim.SimOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The contexts a session can use: {@code sim} (always there) plus the kubeconfig's, and the
 * backend of the current one. Backends are created lazily: nothing connects before the first
 * command that needs the cluster. The kubeconfig is found as kubectl finds it ({@code --kubeconfig},
 * else {@code KUBECONFIG}, else {@code ~/.kube/config}) and read when first needed.
 */
public final class ContextManager implements KubectlEnv.Contexts, AutoCloseable {

  public static final String SIM = "sim";

  private final SessionOptions options;
  private final String kubeconfigEnv;
  private final Path home;
  private final Fabric8Cluster.Timeouts timeouts;
  private String current;
  private SimCluster sim;
  private Cluster active;
  private Kubeconfig kubeconfig;

  ContextManager(Session session, SessionOptions options) {
    this(options, System.getenv("KUBECONFIG"), Path.of(System.getProperty("user.home")), Fabric8Cluster.Timeouts.DEFAULT);
  }

  /** The process environment ({@code KUBECONFIG}, home) and the API call bounds, given explicitly. */
  ContextManager(SessionOptions options, String kubeconfigEnv, Path home, Fabric8Cluster.Timeouts timeouts) {
    this.options = options;
    this.kubeconfigEnv = kubeconfigEnv;
    this.home = home;
    this.timeouts = timeouts;
    this.current = options.context() == null ? SIM : options.context();
  }

  /** The backend of the current context, created on first use. */
  public synchronized Cluster cluster() {
    if (active == null) {
      active = current.equals(SIM) ? simulator() : connect(current);
    }
    return active;
  }

  /**
   * The namespace of the current context without starting anything: the prompt shows it before the
   * simulator has booted or a real cluster has been asked anything.
   */
  public synchronized String defaultNamespace() {
    if (active == null && current.equals(SIM)) return "default";
    return cluster().defaultNamespace();
  }

  /** Creates the current backend ahead of the first command (the simulator boots in the background). */
  public void warmUp() {
    if (current().equals(SIM)) cluster();
  }

  /** The session's simulator (kept across context switches, so returning to sim finds its state). */
  public synchronized SimCluster simulator() {
    if (sim == null) {
      sim = new SimCluster(new SimOptions(options.seed(), options.realtime()));
    }
    return sim;
  }

  /** Replaces the simulator (sim reset / load). */
  public synchronized void replaceSimulator(SimCluster replacement) {
    if (sim != null) sim.close();
    sim = replacement;
    if (current.equals(SIM)) active = replacement;
  }

  /** The merged kubeconfig, read on first use; a broken file is reported like kubectl reports it. */
  public synchronized Kubeconfig kubeconfig() {
    if (kubeconfig == null) {
      try {
        kubeconfig = Kubeconfig.load(options.kubeconfig(), kubeconfigEnv, home);
      } catch (Kubeconfig.KubeconfigException e) {
        throw new KubectlException(e.getMessage());
      }
    }
    return kubeconfig;
  }

  /** A context missing from the kubeconfig still connects: each command then reports it as kubectl does. */
  private Cluster connect(String context) {
    Kubeconfig kc;
    try {
      kc = kubeconfig();
    } catch (KubectlException e) {
      return Fabric8Cluster.unusable(context, null, e.render());
    }
    return Fabric8Cluster.forContext(kc, context, timeouts);
  }

  /** {@code sim} and the kubeconfig's contexts, sorted by name as {@code config get-contexts} prints them. */
  @Override
  public List<KubectlEnv.ContextInfo> list() {
    List<KubectlEnv.ContextInfo> all = new ArrayList<>();
    for (Kubeconfig.Context c : kubeconfig().contexts()) {
      if (!c.name().equals(SIM)) all.add(new KubectlEnv.ContextInfo(c.name(), c.cluster(), c.user(), c.namespace()));
    }
    all.add(new KubectlEnv.ContextInfo(SIM, SIM, "student", "default"));
    all.sort(java.util.Comparator.comparing(KubectlEnv.ContextInfo::name));
    return all;
  }

  @Override
  public synchronized String current() {
    return current;
  }

  /**
   * Switches the backend at once (the next command talks to the new context). With {@code persist},
   * also writes current-context to the kubeconfig as kubectl's use-context does; without it the
   * file is never touched. The simulator lives only in kubetutor, so it cannot be persisted.
   */
  @Override
  public synchronized void use(String name, boolean persist) {
    boolean known = name.equals(SIM) || kubeconfig().context(name).isPresent();
    if (!known) throw new KubectlException("no context exists with the name: \"" + name + "\"");
    if (persist) {
      if (name.equals(SIM)) {
        throw new KubectlException("cannot persist context \"sim\": it is kubetutor's built-in simulator, not a"
            + " kubeconfig context");
      }
      try {
        kubeconfig().persistCurrentContext(name);
      } catch (IOException | Kubeconfig.KubeconfigException e) {
        throw new KubectlException("cannot write the kubeconfig: " + e.getMessage());
      }
    }
    if (name.equals(current) && active != null) return;
    Cluster previous = active;
    current = name;
    active = null;
    if (previous != null && previous != sim) previous.close();
  }

  /**
   * {@code kubectl config view}: the kubeconfig (not the simulator, which has no file), redacted
   * unless {@code raw}. {@code minify} keeps the session's current context, or the file's when the
   * session is on the simulator.
   */
  @Override
  public String view(boolean minify, boolean raw) {
    Kubeconfig kc = kubeconfig();
    String minifyContext = null;
    if (minify) minifyContext = current.equals(SIM) ? kc.currentContext() : current;
    try {
      return kc.view(minifyContext, raw);
    } catch (Kubeconfig.KubeconfigException e) {
      throw new KubectlException(e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (sim != null) sim.close();
    if (active != null && active != sim) active.close();
  }
}
