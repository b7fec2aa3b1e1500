package io.kubetutor.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterClock;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.DeleteOptions;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.LogOptions;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.sim.clock.SimClock;
import io.kubetutor.sim.container.ContainerContext;
import io.kubetutor.sim.container.ContainerExec;
import io.kubetutor.sim.container.ContainerInterpreter;
import io.kubetutor.sim.controllers.Controllers;
import io.kubetutor.sim.controllers.Reconciler;
import io.kubetutor.sim.store.ApiAdmission;
import io.kubetutor.sim.store.MemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The embedded simulator behind the {@link Cluster} port: a miniature control plane (store,
 * controllers, clock) driven by the {@link Engine}. Every call runs under the engine lock and lets
 * the controllers react before it returns, as if the cluster had been watching.
 */
public final class SimCluster implements Cluster {

  private final SimOptions options;
  private final Engine engine;
  private ScheduledExecutorService ticker;

  public SimCluster(SimOptions options) {
    this(options, true);
  }

  private SimCluster(SimOptions options, boolean bootstrap) {
    this(options, bootstrap, SimClock.EPOCH);
  }

  private SimCluster(SimOptions options, boolean bootstrap, Instant start) {
    this.options = options;
    this.engine = new Engine(options.seed(), start);
    engine.memoryStore().setAdmission(new ApiAdmission(engine));
    engine.install(Controllers.create(engine));
    if (bootstrap) engine.run(() -> Bootstrap.populate(engine));
    if (options.realtime()) startTicker();
  }

  /** A simulator without the initial objects, for restoring saved state into. */
  static SimCluster empty(SimOptions options) {
    return new SimCluster(options, false);
  }

  /** A simulator without the initial objects whose clock starts at {@code start} (a saved clock). */
  static SimCluster empty(SimOptions options, Instant start) {
    return new SimCluster(options, false, start);
  }

  public SimOptions options() { return options; }
  public Engine engine() { return engine; }
  public boolean realtime() { return options.realtime(); }

  /** The simulated remote registry the kubelets pull from and {@code docker push} publishes to. */
  public io.kubetutor.sim.images.ImageRegistry images() { return engine.images(); }

  /** Lets virtual time pass (timers fire, controllers react). */
  public void advance(Duration d) { engine.advance(d); }

  /** Runs until nothing is pending within the next minute; returns what is still pending later. */
  public List<String> settle() { return engine.settle(); }

  /** Follows the wall clock: each tick advances the simulation by the wall time since the last. */
  private void startTicker() {
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sim-clock");
      t.setDaemon(true);
      return t;
    });
    long[] last = {System.nanoTime()};
    ticker.scheduleAtFixedRate(() -> {
      long wall = System.nanoTime();
      long elapsed = wall - last[0];
      last[0] = wall;
      try {
        engine.advance(Duration.ofNanos(elapsed));
      } catch (RuntimeException e) {
        engine.trace("engine", "clock tick failed: " + e);
      }
    }, 50, 50, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (ticker != null) ticker.shutdownNow();
  }

  @Override public String contextName() { return "sim"; }
  @Override public String defaultNamespace() { return "default"; }
  @Override public boolean isSimulator() { return true; }

  @Override
  public ClusterClock clock() {
    return new ClusterClock() {
      @Override public Instant now() { return engine.read(() -> engine.clock().now()); }

      @Override
      public void sleep(Duration d) throws InterruptedException {
        if (options.realtime()) Thread.sleep(Math.max(0, d.toMillis()));
        else advance(d);
      }

      @Override
      public boolean quiescent() {
        return !options.realtime() && engine.read(() -> engine.clock().peek() == null && engine.idle());
      }
    };
  }

  // ---- reads ----

  @Override
  public HasMetadata get(ResourceKind kind, String namespace, String name) {
    HasMetadata o = engine.read(() -> engine.store().get(new ObjectKey(kind, namespace, name)));
    if (o == null) throw ClusterException.notFound(kind.qualifiedPlural(), name);
    return o;
  }

  @Override
  public List<HasMetadata> list(ResourceKind kind, String namespace, Selector labels, FieldSelector fields) {
    FieldSelector fs = fields == null ? FieldSelector.EVERYTHING : fields;
    for (FieldSelector.Requirement r : fs.requirements()) {
      if (!FieldSelectors.supported(kind, r.field())) {
        throw ClusterException.badRequest("Unable to find \"" + (kind.group().isEmpty() ? "" : kind.group()) + "/"
            + kind.version() + ", Resource=" + kind.plural() + "\" that match label selector \""
            + (labels == null ? "" : labels.toString()) + "\", field selector \"" + fs + "\": field label not supported: "
            + r.field());
      }
    }
    return engine.read(() -> {
      List<HasMetadata> all = engine.memoryStore().list(kind, namespace, labels);
      if (fs.isEverything()) return all;
      List<HasMetadata> out = new ArrayList<>();
      for (HasMetadata o : all) if (fs.matches(f -> FieldSelectors.value(o, f))) out.add(o);
      return out;
    });
  }

  // ---- writes ----

  @Override
  public HasMetadata create(HasMetadata object, DryRun dryRun) {
    if (dryRun == DryRun.CLIENT) return Objects.copy(object);
    if (dryRun == DryRun.SERVER) return engine.read(() -> engine.memoryStore().prepareCreate(object));
    return engine.call(() -> engine.store().create(object));
  }

  @Override
  public HasMetadata update(HasMetadata object, DryRun dryRun) {
    if (dryRun == DryRun.CLIENT) return Objects.copy(object);
    if (dryRun == DryRun.SERVER) return engine.read(() -> engine.memoryStore().prepareUpdate(object, false));
    return engine.call(() -> engine.store().update(object));
  }

  @Override
  public HasMetadata updateStatus(HasMetadata object) {
    // The port's callers keep their object: give the store (which takes nested status parts over) a copy.
    HasMetadata own = io.kubetutor.cluster.Objects.copy(object);
    return engine.call(() -> engine.store().updateStatus(own));
  }

  @Override
  public HasMetadata delete(ResourceKind kind, String namespace, String name, DeleteOptions options) {
    DeleteOptions opts = options == null ? DeleteOptions.DEFAULT : options;
    if (opts.dryRun() != DryRun.NONE) return get(kind, namespace, name);
    return engine.call(() -> engine.store().delete(new ObjectKey(kind, namespace, name), opts));
  }

  @Override
  public AutoCloseable watch(ResourceKind kind, String namespace, Selector labels, Consumer<WatchEvent> listener) {
    Selector sel = labels == null ? Selector.EVERYTHING : labels;
    return engine.read(() -> engine.store().watch(e -> {
      HasMetadata o = e.object();
      if (ResourceKind.forObject(o).orElse(null) != kind) return;
      if (namespace != null && kind.namespaced() && !namespace.equals(o.getMetadata().getNamespace())) return;
      if (!sel.matches(o.getMetadata().getLabels())) return;
      listener.accept(e);
    }));
  }

  @Override
  public String logs(String namespace, String podName, LogOptions options) {
    return engine.read(() -> {
      Pod pod = (Pod) get(ResourceKind.POD, namespace, podName);
      List<Container> containers = pod.getSpec().getContainers();
      String container = options.container();
      if (container == null) {
        if (containers.size() != 1) {
          List<String> names = containers.stream().map(Container::getName).toList();
          throw ClusterException.badRequest("a container name must be specified for pod " + podName
              + ", choose one of: " + names.toString().replace(",", ""));
        }
        container = containers.get(0).getName();
      } else {
        String wanted = container;
        if (containers.stream().noneMatch(c -> wanted.equals(c.getName()))) {
          throw ClusterException.badRequest("container " + container + " is not valid for pod " + podName);
        }
      }
      if (pod.getSpec().getNodeName() == null) return "";  // no node yet: the apiserver has nowhere to ask
      for (Reconciler r : engine.controllers()) {
        if (r instanceof ContainerLogs source) return source.logs(pod, container, options);
      }
      return "";
    });
  }

  @Override
  public VersionInfo serverVersion() {
    return new VersionInfo("1", "31", "v1.31.0", "9edcffcde5595e8a5b1a35f88c421764e575afce", "clean",
        "2024-08-13T07:28:49Z", "go1.22.5", "gc", "linux/amd64");
  }

  /**
   * {@code kubectl exec}: the apiserver's and kubelet's checks, then the command runs through the
   * container interpreter in the running container's own context (its env and filesystem, volumes
   * included). Nothing runs on the host.
   */
  @Override
  public ExecResult exec(String namespace, String pod, String container, List<String> command, String stdin) {
    if (command.isEmpty()) throw ClusterException.badRequest("you must specify at least one command for the container");
    ContainerContext ctx = engine.read(() -> {
      Pod p = (Pod) get(ResourceKind.POD, namespace, pod);
      String name = ExecChecks.runningContainer(p, container);
      for (Reconciler r : engine.controllers()) {
        if (r instanceof ContainerExec source) {
          var found = source.execContext(namespace, pod, name);
          if (found.isPresent()) return found.get();
        }
      }
      throw ExecChecks.notRunning(name);
    });
    ContainerInterpreter.ExecOutcome o = ContainerInterpreter.exec(command, ctx, stdin);
    if (o.notFound()) throw ExecChecks.notInPath(command.get(0));
    return new ExecResult(o.stdout(), o.stderr(), o.exitCode());
  }
}
