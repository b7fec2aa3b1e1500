package io.kubetutor.shell;

import io.kubetutor.cluster.Cluster;
import io.kubetutor.kubectl.KubectlEnv;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.sim.SimCluster;
import io.kubetutor.sim.SimOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The contexts a session can use: {@code sim} (always there) plus the kubeconfig's, and the
 * backend of the current one. Backends are created lazily: nothing connects before the first
 * command that needs the cluster.
 */
public final class ContextManager implements KubectlEnv.Contexts, AutoCloseable {

  public static final String SIM = "sim";

  private final SessionOptions options;
  private String current;
  private SimCluster sim;
  private Cluster active;

  ContextManager(Session session, SessionOptions options) {
    this.options = options;
    this.current = options.context() == null ? SIM : options.context();
  }

  /** The backend of the current context, created on first use. */
  public synchronized Cluster cluster() {
    if (active == null) {
      active = current.equals(SIM) ? simulator() : connect(current);
    }
    return active;
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

  private Cluster connect(String context) {
    throw new KubectlException("context \"" + context + "\" does not exist");
  }

  @Override
  public List<KubectlEnv.ContextInfo> list() {
    List<KubectlEnv.ContextInfo> all = new ArrayList<>();
    all.add(new KubectlEnv.ContextInfo(SIM, SIM, "student", "default"));
    return all;
  }

  @Override
  public synchronized String current() {
    return current;
  }

  @Override
  public synchronized void use(String name, boolean persist) {
    if (list().stream().noneMatch(c -> c.name().equals(name))) {
      throw new KubectlException("no context exists with the name: \"" + name + "\"");
    }
    current = name;
    active = null;
  }

  @Override
  public String view(boolean minify, boolean raw) {
    return "apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: \"\"\nkind: Config\npreferences: {}\nusers: null\n";
  }

  @Override
  public synchronized void close() {
    if (sim != null) sim.close();
    if (active != null && active != sim) active.close();
  }
}
