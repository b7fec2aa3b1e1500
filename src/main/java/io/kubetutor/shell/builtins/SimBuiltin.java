package io.kubetutor.shell.builtins;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import io.kubetutor.sim.SimCluster;
import io.kubetutor.sim.SimOptions;
import io.kubetutor.sim.clock.SimClock;
import io.fabric8.kubernetes.api.model.Taint;
import io.kubetutor.sim.SimState;
import io.kubetutor.sim.controllers.NodeLifecycleController;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code sim}: look at and steer the embedded simulator (clock, nodes, trace, reset). */
public final class SimBuiltin implements Builtin {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  /** The open {@code sim trace on} handle of a session, kept as a session extension. */
  private static final class TraceState {
    AutoCloseable handle;
  }

  @Override public String name() { return "sim"; }
  @Override public String summary() { return "the simulator: status, advance, settle, nodes, trace, reset"; }

  @Override
  public String usage() {
    return String.join("\n",
        "Usage: sim COMMAND",
        "  sim status             clock, mode, seed, object counts, pending timers",
        "  sim advance DURATION   let simulated time pass (e.g. 30s, 5m, 1h30m)",
        "  sim settle             run until nothing is pending within the next minute",
        "  sim nodes              the nodes: ready or not, kubelet running or stopped, taints, pods",
        "  sim node fail NAME     stop a node's kubelet (it goes NotReady; its pods are evicted after 5m)",
        "  sim node recover NAME  start the kubelet again",
        "  sim trace on|off       print each controller action as it happens",
        "  sim reset              a fresh cluster with the same seed",
        "  sim save FILE          write the whole simulator to FILE (JSON)",
        "  sim load FILE          replace the simulator with one saved by sim save");
  }

  @Override
  public int run(List<String> args, Session session) throws Exception {
    SimCluster sim = session.simulator();
    if (sim == null) {
      session.err().println("error: the current context is not the simulator");
      return 1;
    }
    if (args.isEmpty()) {
      session.err().println(usage());
      return 1;
    }
    String cmd = args.get(0);
    switch (cmd) {
      case "status" -> status(sim, session);
      case "advance" -> {
        Duration d = args.size() == 2 ? parse(args.get(1)) : null;
        if (d == null) {
          session.err().println("error: sim advance needs a duration such as 30s, 5m or 1h30m");
          return 1;
        }
        if (d.compareTo(MAX_ADVANCE) > 0) {
          // Far beyond any lesson, and past a few hundred million years the clock itself overflows.
          session.err().println("error: sim advance moves at most " + MAX_ADVANCE.toHours() + "h (100 years) at a time");
          return 1;
        }
        sim.advance(d);
        session.out().println("clock: " + sim.clock().now());
      }
      case "settle" -> {
        List<String> waiting = sim.settle();
        session.out().println("clock: " + sim.clock().now());
        if (!waiting.isEmpty()) session.out().println("next: " + waiting.get(0));
      }
      case "nodes" -> nodes(sim, session);
      case "node" -> {
        if (args.size() != 3 || !List.of("fail", "recover").contains(args.get(1))) {
          session.err().println("error: use sim node fail|recover NAME");
          return 1;
        }
        return node(sim, args.get(1).equals("fail"), args.get(2), session);
      }
      case "trace" -> {
        if (args.size() != 2 || !List.of("on", "off").contains(args.get(1))) {
          session.err().println("error: use sim trace on|off");
          return 1;
        }
        TraceState state = session.extension(TraceState.class, TraceState::new);
        if (state.handle != null) state.handle.close();
        state.handle = null;
        if (args.get(1).equals("on")) {
          state.handle = sim.engine().onTrace(line -> session.out().println(line));
        }
      }
      case "reset" -> {
        SimOptions options = sim.options();
        session.contextManager().replaceSimulator(new SimCluster(options));
        session.out().println("simulator reset (seed " + options.seed() + ")");
      }
      case "save", "load" -> {
        if (args.size() != 2) {
          session.err().println("error: use sim " + cmd + " FILE");
          return 1;
        }
        Path file = session.workdir().resolve(args.get(1));
        return cmd.equals("save") ? save(sim, file, args.get(1), session) : load(sim, file, session);
      }
      default -> {
        session.err().println("error: unknown sim command \"" + cmd + "\"");
        session.err().println(usage());
        return 1;
      }
    }
    return 0;
  }

  private static int save(SimCluster sim, Path file, String shown, Session session) {
    try {
      SimState.save(sim, file);
    } catch (IOException | RuntimeException e) {
      session.err().println("error: cannot save the simulator to " + shown + ": " + e.getMessage());
      return 1;
    }
    session.out().println("simulator saved to " + shown);
    return 0;
  }

  /** A file that cannot be used changes nothing: the current simulator stays. */
  private static int load(SimCluster current, Path file, Session session) {
    SimCluster loaded;
    try {
      loaded = SimState.load(file, current.realtime());
    } catch (SimState.StateException e) {
      session.err().println("error: " + e.getMessage());
      return 1;
    }
    session.contextManager().replaceSimulator(loaded);
    session.out().println("simulator loaded (clock " + loaded.clock().now() + ")");
    return 0;
  }

  private static void status(SimCluster sim, Session session) {
    var out = session.out();
    out.println("clock:   " + sim.clock().now() + " (" + (sim.realtime() ? "realtime" : "virtual") + ", "
        + Duration.between(SimClock.EPOCH, sim.clock().now()).toSeconds() + "s since start)");
    out.println("seed:    " + sim.options().seed());
    var store = sim.engine().memoryStore();
    StringBuilder counts = new StringBuilder();
    for (ResourceKind k : ResourceKind.values()) {
      int n = sim.engine().read(() -> store.count(k));
      if (n > 0) counts.append(counts.length() == 0 ? "" : ", ").append(n).append(' ').append(k.plural());
    }
    out.println("objects: " + counts);
    List<SimClock.Timer> timers = sim.engine().read(() -> sim.engine().clock().upcoming(10));
    int pending = sim.engine().read(() -> sim.engine().clock().pending());
    out.println("timers:  " + pending + " pending");
    for (SimClock.Timer t : timers) {
      out.println("  in " + Duration.between(sim.clock().now(), t.at()).toMillis() / 1000.0 + "s  " + t.label());
    }
    if (pending > timers.size()) out.println("  ... " + (pending - timers.size()) + " more");
  }

  private static void nodes(SimCluster sim, Session session) {
    var table = io.kubetutor.print.TabWriter.forGet();
    table.row("NAME", "READY", "KUBELET", "PODS", "TAINTS");
    List<io.fabric8.kubernetes.api.model.HasMetadata> pods = sim.list(ResourceKind.POD, null,
        io.kubetutor.cluster.Selector.EVERYTHING, io.kubetutor.cluster.FieldSelector.EVERYTHING);
    for (var o : sim.list(ResourceKind.NODE, null, io.kubetutor.cluster.Selector.EVERYTHING,
        io.kubetutor.cluster.FieldSelector.EVERYTHING)) {
      Node n = (Node) o;
      String name = n.getMetadata().getName();
      String ready = "Unknown";
      if (n.getStatus() != null && n.getStatus().getConditions() != null) {
        for (NodeCondition c : n.getStatus().getConditions()) if ("Ready".equals(c.getType())) ready = c.getStatus();
      }
      long onNode = pods.stream().filter(p -> p instanceof io.fabric8.kubernetes.api.model.Pod pod
          && pod.getSpec() != null && name.equals(pod.getSpec().getNodeName())).count();
      List<String> taints = new java.util.ArrayList<>();
      if (n.getSpec().getTaints() != null) {
        for (Taint t : n.getSpec().getTaints()) {
          taints.add(t.getKey() + (t.getValue() == null || t.getValue().isEmpty() ? "" : "=" + t.getValue()) + ":" + t.getEffect());
        }
      }
      table.row(name, ready, NodeLifecycleController.kubeletStopped(n) ? "stopped" : "running", String.valueOf(onNode),
          taints.isEmpty() ? "<none>" : String.join(",", taints));
    }
    session.out().print(table.flush());
  }

  /** Stops or starts a node's kubelet; the node lifecycle controller reacts (NotReady, taints, eviction). */
  private static int node(SimCluster sim, boolean fail, String name, Session session) {
    Node node;
    try {
      node = (Node) sim.get(ResourceKind.NODE, null, name);
    } catch (io.kubetutor.cluster.ClusterException e) {
      session.err().println("error: no node named \"" + name + "\" (see sim nodes)");
      return 1;
    }
    if (NodeLifecycleController.kubeletStopped(node) == fail) {
      session.out().println("node " + name + " is already " + (fail ? "failed" : "running"));
      return 0;
    }
    Node changed = io.kubetutor.cluster.Objects.copy(node);
    java.util.Map<String, String> annotations = changed.getMetadata().getAnnotations() == null
        ? new java.util.LinkedHashMap<>() : new java.util.LinkedHashMap<>(changed.getMetadata().getAnnotations());
    if (fail) annotations.put(NodeLifecycleController.KUBELET_ANNOTATION, NodeLifecycleController.STOPPED);
    else annotations.remove(NodeLifecycleController.KUBELET_ANNOTATION);
    changed.getMetadata().setAnnotations(annotations.isEmpty() ? null : annotations);
    sim.update(changed, io.kubetutor.cluster.Cluster.DryRun.NONE);
    session.out().println(fail
        ? "node " + name + " failed: its kubelet stopped (NotReady now; pods evicted after their toleration, 5m by default)"
        : "node " + name + " recovered: its kubelet is running again");
    return 0;
  }

  /** The longest single {@code sim advance}. */
  static final Duration MAX_ADVANCE = Duration.ofDays(36_500);

  /** {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms}; null if not a duration (or too large to be one). */
  public static Duration parse(String text) {
    try {
      return parseOrThrow(text);
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  private static Duration parseOrThrow(String text) {
    Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) return null;
      long v = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(v);
        case "s" -> Duration.ofSeconds(v);
        case "m" -> Duration.ofMinutes(v);
        default -> Duration.ofHours(v);
      });
      end = m.end();
    }
    return end == text.length() && end > 0 ? total : null;
  }
}
