package io.kubetutor.bench;

import io.kubetutor.shell.Session;
import io.kubetutor.shell.SessionOptions;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Times {@code kubectl get pods} over many pods without waiting for them to converge:
 * {@code PrintProbe [replicas] [runs]}. The pods are applied and the clock advanced a little, so
 * rows are a mix of Pending, ContainerCreating and Running as in the scale figure.
 */
public final class PrintProbe {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path dir = Files.createTempDirectory("kubetutor-probe");
    Files.writeString(dir.resolve("big.yml"), Bench.deployment("big", n, "nginx:1.27"));
    SessionOptions o = new SessionOptions("sim", null, 1, "virtual", Duration.ZERO, dir, false, false, false, false,
        null, null);
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    try (Session session = new Session(o, sink, sink, new ByteArrayInputStream(new byte[0]))) {
      long t0 = System.nanoTime();
      session.execute("kubectl apply -f big.yml");
      System.out.printf("apply %.0f ms%n", (System.nanoTime() - t0) / 1e6);
      if (args.length > 2) markRunning(session);
      var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
      Stats s = new Stats();
      Stats cpu = new Stats();
      for (int i = 0; i < runs; i++) {
        long c = bean.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        session.execute("kubectl get pods");
        s.add((System.nanoTime() - t) / 1e6);
        cpu.add((bean.getCurrentThreadCpuTime() - c) / 1e6);
      }
      System.out.println("get pods wall " + s.describe("ms"));
      System.out.println("get pods cpu  " + cpu.describe("ms"));
    }
  }

  /** Gives every pod the status of a running one (IP, node, a started container) through the port. */
  private static void markRunning(Session session) {
    var pods = session.cluster().list(io.kubetutor.cluster.ResourceKind.POD, "default",
        io.kubetutor.cluster.Selector.EVERYTHING, io.kubetutor.cluster.FieldSelector.EVERYTHING);
    int i = 0;
    for (var o : pods) {
      var p = new io.fabric8.kubernetes.api.model.PodBuilder((io.fabric8.kubernetes.api.model.Pod) o)
          .editSpec().withNodeName("kubetutor-worker").endSpec()
          .withNewStatus().withPhase("Running").withPodIP("10.244." + (i / 250) + "." + (i % 250 + 2))
          .addNewContainerStatus().withName("web").withReady(true).withRestartCount(i % 3)
          .withNewState().withNewRunning().withStartedAt("2026-01-01T00:00:00Z").endRunning().endState()
          .endContainerStatus().endStatus().build();
      session.cluster().updateStatus(p);
      i++;
    }
  }
}
