package io.kubetutor.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.shell.Session;
import io.kubetutor.shell.SessionOptions;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Times the steps of the scale benchmark one by one (CPU time of this thread too):
 * {@code ScaleProbe [replicas] [roll]}; with {@code roll}, a rolling update of the converged Deployment follows.
 */
public final class ScaleProbe {
  public static void main(String[] args) throws Exception {
    // KUBETUTOR_PROBE_WARMUP=1 runs the scenario once before the measured run (a warm JIT, as in bench/run).
    if ("1".equals(System.getenv("KUBETUTOR_PROBE_WARMUP"))) {
      System.out.println("(warm-up run)");
      probe(args);
      System.out.println("(measured run)");
    }
    probe(args);
  }

  private static void probe(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path dir = Files.createTempDirectory("kubetutor-probe");
    boolean roll = args.length > 1 && args[1].equals("roll");
    Files.writeString(dir.resolve("big.yml"), Bench.deployment("big", n, roll ? "nginx:1.25" : "nginx:1.27"));
    Files.writeString(dir.resolve("big2.yml"), Bench.deployment("big", n, "nginx:1.27"));
    SessionOptions o = new SessionOptions("sim", null, 1, "virtual", Duration.ZERO, dir, false, false, false, false,
        null, null);
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    try (Session session = new Session(o, sink, sink, new ByteArrayInputStream(new byte[0]))) {
      step("apply", () -> session.execute("kubectl apply -f big.yml"));
      step("settle", () -> session.execute("sim settle"));
      List<HasMetadata> pods = session.cluster().list(ResourceKind.POD, "default", Selector.EVERYTHING,
          FieldSelector.EVERYTHING);
      Map<String, Integer> phases = new TreeMap<>();
      for (HasMetadata p : pods) phases.merge(String.valueOf(((Pod) p).getStatus().getPhase()), 1, Integer::sum);
      System.out.println("pods " + pods.size() + " " + phases);
      // KUBETUTOR_PROBE_HOLD=N keeps the converged session alive N seconds (for jcmd GC.class_histogram).
      String hold = System.getenv("KUBETUTOR_PROBE_HOLD");
      if (hold != null) Thread.sleep(Long.parseLong(hold) * 1000);
      if (roll) {
        step("roll apply", () -> session.execute("kubectl apply -f big2.yml"));
        step("roll settle", () -> session.execute("sim settle"));
        System.out.println(session.cluster().list(ResourceKind.REPLICASET, "default", Selector.EVERYTHING,
            FieldSelector.EVERYTHING).size() + " replica sets");
        return;
      }
      for (int i = 0; i < 3; i++) step("get pods", () -> session.execute("kubectl get pods"));
    }
  }

  private static void step(String name, Runnable r) {
    var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long c = bean.getCurrentThreadCpuTime();
    long a = bean.getCurrentThreadAllocatedBytes();
    long g = gcMillis();
    long t = System.nanoTime();
    r.run();
    // Allocation is the steadiest of these on a shared machine: it does not depend on the neighbours.
    System.out.printf("%-11s wall %7.0f ms  cpu %7.0f ms  allocated %6.0f MB  gc %5d ms%n", name,
        (System.nanoTime() - t) / 1e6, (bean.getCurrentThreadCpuTime() - c) / 1e6,
        (bean.getCurrentThreadAllocatedBytes() - a) / 1e6, gcMillis() - g);
  }

  private static long gcMillis() {
    long sum = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) sum += Math.max(0, gc.getCollectionTime());
    return sum;
  }
}
