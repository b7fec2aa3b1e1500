package io.kubetutor.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.shell.Session;
import io.kubetutor.shell.SessionOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * kubetutor's benchmark harness (run it with {@code bench/run}). Each figure is measured repeatedly
 * and printed as median and spread beside its target. Start-up figures run real processes in a
 * pseudo-terminal (util-linux {@code script}); command and simulator figures run in this JVM on the
 * virtual clock.
 */
public final class Bench {

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path JAR = ROOT.resolve("target/kubetutor.jar");
  private static final Path COURSE = ROOT.resolve("bench/course");

  private int runs = 10;
  private final List<String> misses = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    Bench b = new Bench();
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--runs")) b.runs = Integer.parseInt(args[++i]);
      else groups.add(args[i]);
    }
    if (groups.isEmpty()) groups = List.of("startup", "course", "latency", "scale", "grading");
    System.out.printf("kubetutor benchmarks on %s, %d cores, %s %s%n", hostDescription(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
    for (String g : groups) {
      switch (g) {
        case "startup" -> b.startup();
        case "course" -> b.course();
        case "latency" -> b.latency();
        case "scale" -> b.scale();
        case "grading" -> b.grading();
        default -> throw new IllegalArgumentException("unknown group " + g);
      }
    }
    System.out.println();
    System.out.println(b.misses.isEmpty() ? "all figures within target" : "missed: " + String.join(", ", b.misses));
  }

  private static String hostDescription() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
      }
    } catch (IOException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.name");
  }

  private void report(String name, Stats s, double targetMillis, String unit) {
    boolean ok = !s.isEmpty() && s.median() <= targetMillis;
    String target = unit.equals("s") ? String.format(Locale.ROOT, "%.1f s", targetMillis / 1000)
        : String.format(Locale.ROOT, "%.0f ms", targetMillis);
    System.out.printf("  %-52s %s  target ≤ %s  %s%n", name, s.describe(unit), target, ok ? "ok" : "MISS");
    if (!ok) misses.add(name);
  }

  private static void info(String name, Stats s, String unit) {
    System.out.printf("  %-52s %s%n", name, s.describe(unit));
  }

  // ---------------------------------------------------------------- start-up (pseudo-terminal)

  private void startup() throws Exception {
    System.out.println("\n1. Time to prompt in a pseudo-terminal (cold JVM)");
    String java = "java -cp " + JAR + ":" + ROOT.resolve("target/test-classes");
    info("bare java hello world (floor)", timeToText(java + " io.kubetutor.bench.HelloWorld", "hello> ", false), "ms");
    info("bare jline prompt", timeToText(java + " io.kubetutor.bench.BarePrompt", "bare> ", true), "ms");
    report("kubetutor (./kubetutor, simulator)", timeToText(ROOT.resolve("kubetutor").toString(), "$ ", true), 350, "ms");
    System.out.println("\n3b. First apply in a fresh shell (warm-up hidden behind the prompt)");
    report("first kubectl apply after the prompt", firstApply(), 150, "ms");
  }

  /** Starts {@code command} in a pty and measures until {@code marker} appears on its screen. */
  private Stats timeToText(String command, String marker, boolean sendExit) throws Exception {
    Stats s = new Stats();
    for (int i = 0; i < runs; i++) {
      Path home = Files.createTempDirectory("kubetutor-bench-home");
      Process p = pty(command, home, COURSE);
      long start = System.nanoTime();
      long at = waitFor(p.getInputStream(), new ByteArrayOutputStream(), marker, start);
      if (at > 0) s.add((at - start) / 1e6);
      finish(p, sendExit ? "exit\n" : null);
    }
    return s;
  }

  private Stats firstApply() throws Exception {
    Stats s = new Stats();
    for (int i = 0; i < runs; i++) {
      Path home = Files.createTempDirectory("kubetutor-bench-home");
      Process p = pty(ROOT.resolve("kubetutor") + " --fresh --clock virtual", home, COURSE);
      ByteArrayOutputStream seen = new ByteArrayOutputStream();
      if (waitFor(p.getInputStream(), seen, "$ ", System.nanoTime()) > 0) {
        Thread.sleep(1000);  // a student takes at least this long to type the command
        long start = System.nanoTime();
        p.getOutputStream().write("kubectl apply -f deployment-basic.yml\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();
        long at = waitFor(p.getInputStream(), seen, "hello-deployment created", start);
        if (at > 0) s.add((at - start) / 1e6);
      }
      finish(p, "exit\n");
    }
    return s;
  }

  private static Process pty(String command, Path home, Path dir) throws IOException {
    // A pty made by script(1) without a terminal on stdin has no size; give it one as a terminal would.
    ProcessBuilder pb = new ProcessBuilder("script", "-q", "-f", "-e", "-c",
        "stty cols 120 rows 40 2>/dev/null; exec " + command, "/dev/null");
    pb.environment().put("HOME", home.toString());
    pb.environment().put("TERM", "xterm-256color");
    pb.environment().put("COLUMNS", "120");
    pb.environment().put("LINES", "40");
    pb.redirectErrorStream(true);
    pb.directory(dir.toFile());
    return pb.start();
  }

  /** Reads until {@code marker} has been seen; returns System.nanoTime() then, or -1 on timeout/EOF. */
  private static long waitFor(InputStream in, ByteArrayOutputStream seen, String marker, long start) throws IOException {
    byte[] buf = new byte[4096];
    long deadline = start + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      int n = in.read(buf);
      if (n < 0) return -1;
      seen.write(buf, 0, n);
      if (seen.toString(StandardCharsets.UTF_8).contains(marker)) return System.nanoTime();
    }
    return -1;
  }

  private static void finish(Process p, String input) throws Exception {
    if (input != null) {
      try {
        OutputStream o = p.getOutputStream();
        o.write(input.getBytes(StandardCharsets.UTF_8));
        o.flush();
      } catch (IOException e) {
        // already gone
      }
    }
    if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
  }

  // ---------------------------------------------------------------- course transcript (cold process)

  private void course() throws Exception {
    System.out.println("\n2. The Deployments course transcript via `kubetutor run FILE` (cold process, virtual clock)");
    Stats s = new Stats();
    for (int i = 0; i < Math.max(3, runs / 2); i++) {
      Path home = Files.createTempDirectory("kubetutor-bench-home");
      ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("kubetutor").toString(), "run", "transcript.txt")
          .directory(COURSE.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("HOME", home.toString());
      long start = System.nanoTime();
      Process p = pb.start();
      p.waitFor(120, TimeUnit.SECONDS);
      s.add((System.nanoTime() - start) / 1e6);
    }
    report("course transcript (15 commands)", s, 1200, "ms");
  }

  // ---------------------------------------------------------------- warm command latency

  private void latency() throws Exception {
    System.out.println("\n3. Command latency inside a warm shell (simulator, virtual clock)");
    Path dir = Files.createTempDirectory("kubetutor-bench");
    copyCourse(dir);
    Files.writeString(dir.resolve("ten.yml"), deployment("ten", 10, "nginx:1.27"));
    try (Session session = session(dir)) {
      session.execute("kubectl apply -f ten.yml");
      session.execute("sim settle");
      report("kubectl get pods (10 pods)", repeat(300, () -> session.execute("kubectl get pods")), 5, "ms");
      boolean[] flip = {false};
      report("kubectl apply -f deployment-basic.yml", repeat(300, () -> {
        flip[0] = !flip[0];
        return session.execute("kubectl apply -f " + (flip[0] ? "deployment-basic.yml" : "deployment-scaled.yml"));
      }), 10, "ms");
    }
  }

  // ---------------------------------------------------------------- simulator scale

  private void scale() throws Exception {
    System.out.println("\n4. Simulator scale (virtual clock)");
    Stats converge = new Stats();
    Stats getPods = new Stats();
    Stats listPods = new Stats();
    Stats rolling = new Stats();
    // CPU time of the thread that runs the simulator: on a shared machine wall time mostly measures the neighbours.
    Stats convergeCpu = new Stats();
    Stats rollingCpu = new Stats();
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    // The first run in the JVM also pays for class loading and JIT compilation: reported on its own
    // (a student's first big apply in a fresh shell), the figure against the target is the warm runs.
    Stats convergeCold = new Stats();
    Stats convergeColdCpu = new Stats();
    Stats rollingCold = new Stats();
    Stats rollingColdCpu = new Stats();
    long heap = 0;
    long running = 0;
    for (int i = 0; i < 1 + Math.max(2, runs / 4); i++) {
      boolean cold = i == 0;
      Path dir = Files.createTempDirectory("kubetutor-bench");
      Files.writeString(dir.resolve("big.yml"), deployment("big", 10_000, "nginx:1.27"));
      try (Session session = session(dir)) {
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        session.execute("kubectl apply -f big.yml");
        session.execute("sim settle");
        (cold ? convergeCold : converge).add((System.nanoTime() - t0) / 1e6);
        (cold ? convergeColdCpu : convergeCpu).add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
        running = countRunning(session, "app=big");
        for (int k = 0; k < 5; k++) {
          long t1 = System.nanoTime();
          session.execute("kubectl get pods");
          getPods.add((System.nanoTime() - t1) / 1e6);
          long t2 = System.nanoTime();
          session.cluster().list(ResourceKind.POD, "default", Selector.EVERYTHING, FieldSelector.EVERYTHING);
          listPods.add((System.nanoTime() - t2) / 1e6);
        }
        System.gc();
        heap = Math.max(heap, Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
      }
      Path dir2 = Files.createTempDirectory("kubetutor-bench");
      Files.writeString(dir2.resolve("k.yml"), deployment("roll", 1000, "nginx:1.25"));
      Files.writeString(dir2.resolve("k2.yml"), deployment("roll", 1000, "nginx:1.27"));
      try (Session session = session(dir2)) {
        session.execute("kubectl apply -f k.yml");
        session.execute("sim settle");
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        session.execute("kubectl apply -f k2.yml");
        session.execute("sim settle");
        (cold ? rollingCold : rolling).add((System.nanoTime() - t0) / 1e6);
        (cold ? rollingColdCpu : rollingCpu).add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
      }
    }
    System.out.printf("  (10,000 replicas: %d pods Running after settle)%n", running);
    report("10,000 replicas converge to Running", converge, 2000, "ms");
    info("  the same, CPU time of the simulator's thread", convergeCpu, "ms");
    info("  the same, first run in the JVM (cold JIT), wall", convergeCold, "ms");
    info("  the same, first run in the JVM, CPU", convergeColdCpu, "ms");
    report("store list of 10,000 pods", listPods, 50, "ms");
    report("kubectl get pods printing 10,000 rows", getPods, 300, "ms");
    report("rolling update of 1,000 replicas", rolling, 1000, "ms");
    info("  the same, CPU time of the simulator's thread", rollingCpu, "ms");
    info("  the same, first run in the JVM (cold JIT), wall", rollingCold, "ms");
    info("  the same, first run in the JVM, CPU", rollingColdCpu, "ms");
    Stats h = new Stats();
    h.add(heap / 1e6);
    System.out.printf("  %-52s %.0f MB  target ≤ 300 MB  %s%n", "heap after converging 10,000 pods", heap / 1e6,
        heap / 1e6 <= 300 ? "ok" : "MISS");
    if (heap / 1e6 > 300) misses.add("heap after converging 10,000 pods");
  }

  private static long countRunning(Session session, String selector) {
    List<HasMetadata> pods = session.cluster().list(ResourceKind.POD, "default", Selector.parse(selector),
        FieldSelector.EVERYTHING);
    return pods.stream().filter(p -> p instanceof Pod pod && pod.getStatus() != null
        && "Running".equals(pod.getStatus().getPhase())).count();
  }

  // ---------------------------------------------------------------- grading

  private void grading() throws Exception {
    System.out.println("\n5. Grading (one JVM)");
    Path lesson = ROOT.resolve("lessons/02-deployments");
    Path solution = ROOT.resolve("bench/grading-transcript.txt");
    if (!Files.isDirectory(lesson) || !Files.exists(solution)) {
      System.out.println("  n/a: needs lessons/02-deployments and bench/grading-transcript.txt");
      return;
    }
    Path dir = Files.createTempDirectory("kubetutor-bench-grading");
    Path transcripts = Files.createDirectories(dir.resolve("transcripts"));
    String text = Files.readString(solution);
    for (int i = 0; i < 500; i++) Files.writeString(transcripts.resolve(String.format("student%03d.txt", i)), text);
    Stats s = new Stats();
    for (int i = 0; i < 3; i++) {
      ProcessBuilder pb = new ProcessBuilder("java", "-jar", JAR.toString(), "grade", "--lesson", lesson.toString(),
          "--transcripts", transcripts.toString(), "--out", dir.resolve("out" + i).toString())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
      long start = System.nanoTime();
      Process p = pb.start();
      p.waitFor(600, TimeUnit.SECONDS);
      s.add((System.nanoTime() - start) / 1e6);
    }
    report("500 transcripts of the Deployments lesson", s, 30_000, "s");
  }

  // ---------------------------------------------------------------- helpers

  private static Session session(Path dir) {
    SessionOptions o = new SessionOptions("sim", null, 1, "virtual", Duration.ZERO, dir, false, false, false, false,
        null, null);
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    return new Session(o, sink, sink, new ByteArrayInputStream(new byte[0]));
  }

  private static Stats repeat(int n, IntSupplier command) {
    for (int i = 0; i < n / 3; i++) command.getAsInt();  // warm-up
    Stats s = new Stats();
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      command.getAsInt();
      s.add((System.nanoTime() - t) / 1e6);
    }
    return s;
  }

  private static void copyCourse(Path dir) throws IOException {
    for (String f : Arrays.asList("deployment-basic.yml", "deployment-scaled.yml", "pod-basic.yml", "pod-label.yml")) {
      Files.copy(COURSE.resolve(f), dir.resolve(f));
    }
  }

  static String deployment(String name, int replicas, String image) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\nspec:\n  replicas: " + replicas
        + "\n  selector:\n    matchLabels:\n      app: " + name + "\n  template:\n    metadata:\n      labels:\n"
        + "        app: " + name + "\n    spec:\n      containers:\n      - name: web\n        image: " + image + "\n";
  }
}
