package io.kubetutor.shell;

import io.kubetutor.cluster.Cluster;
import io.kubetutor.kubectl.Kubectl;
import io.kubetutor.kubectl.KubectlEnv;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Command trees for non-interactive sessions, built once and lent out. Building the kubectl tree
 * makes picocli reflect over every verb class, which cost a fifth of grading a transcript when each
 * session built its own. A session borrows a tree at its first command and gives it back when it
 * closes; the next session gets the same tree rebound to itself. Lending is safe because one session
 * already runs all its commands through one tree (picocli resets every option before each parse),
 * so a tree carries nothing from one command, or session, to the next.
 *
 * <p>Only sessions whose terminal width cannot change use the pool: help text is wrapped to the
 * width a tree was built for.
 */
final class KubectlPool {

  /** Enough for every grading thread on any machine we expect; more trees are built and dropped. */
  private static final int MAX_IDLE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  private static final ConcurrentLinkedDeque<BoundTree> IDLE = new ConcurrentLinkedDeque<>();
  private static final AtomicInteger IDLE_COUNT = new AtomicInteger();

  private KubectlPool() {}

  /** A tree bound to {@code env} until {@link #giveBack}; built now if none is idle. */
  static BoundTree borrow(KubectlEnv env, boolean debug) {
    BoundTree tree = IDLE.pollFirst();
    if (tree != null) {
      IDLE_COUNT.decrementAndGet();
    } else {
      tree = new BoundTree();
    }
    tree.bindTo(env);
    tree.kubectl.setDebug(debug);
    return tree;
  }

  /** Unbinds the tree from its session and keeps it for the next one. */
  static void giveBack(BoundTree tree) {
    tree.bindTo(null);
    if (IDLE_COUNT.incrementAndGet() <= MAX_IDLE) {
      IDLE.addFirst(tree);
    } else {
      IDLE_COUNT.decrementAndGet();
    }
  }

  /**
   * One command tree and the session it works for. Verbs are bound to the tree's own environment,
   * never to a session, so the tree can be handed from session to session (the pool), or lent for
   * one command to another session ({@link #execute(KubectlEnv, List)}: the shell's warm-up
   * rehearses on the student's tree instead of building a second one).
   */
  static final class BoundTree {
    private final RebindableEnv env = new RebindableEnv();
    final Kubectl kubectl = new Kubectl(env);

    synchronized void bindTo(KubectlEnv session) {
      env.target = session;
    }

    /** Runs one kubectl command line for the session the tree is bound to. */
    synchronized int execute(List<String> args) {
      return kubectl.execute(args);
    }

    /** Runs one command line for {@code other}, then binds the tree back to its session. */
    synchronized int execute(KubectlEnv other, List<String> args) {
      KubectlEnv owner = env.target;
      env.target = other;
      try {
        return kubectl.execute(args);
      } finally {
        env.target = owner;
      }
    }
  }

  /** The environment a tree sees: every call goes to the session that holds the tree now. */
  static final class RebindableEnv implements KubectlEnv {
    volatile KubectlEnv target;

    private KubectlEnv t() {
      KubectlEnv e = target;
      if (e == null) throw new IllegalStateException("a pooled command tree was used after its session closed");
      return e;
    }

    @Override public Cluster cluster() { return t().cluster(); }
    @Override public String namespace() { return t().namespace(); }
    @Override public Path workdir() { return t().workdir(); }
    @Override public Path readable(Path path) { return t().readable(path); }
    @Override public PrintWriter out() { return t().out(); }
    @Override public PrintWriter err() { return t().err(); }
    @Override public InputStream in() { return t().in(); }
    @Override public boolean color() { return t().color(); }
    // A pooled tree is built before it is bound: it wraps help to the width every non-interactive session has.
    @Override public int width() { return target == null ? 80 : target.width(); }
    @Override public String edit(String fileName, String text) { return t().edit(fileName, text); }
    @Override public Contexts contexts() { return t().contexts(); }
    @Override public boolean interactive() { return t().interactive(); }
  }
}
