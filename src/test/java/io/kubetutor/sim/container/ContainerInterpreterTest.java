package io.kubetutor.sim.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.cluster.LogOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerInterpreterTest {

  private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
  private final ContainerFilesystem fs = new ContainerFilesystem();

  private ProcessPlan run(String... argv) {
    return run(Map.of(), argv);
  }

  private ProcessPlan run(Map<String, String> env, String... argv) {
    var full = new java.util.LinkedHashMap<String, String>();
    full.put("PATH", "/usr/bin:/bin");
    full.putAll(env);
    return ContainerInterpreter.start(List.of(argv), new ContainerContext(full, "hello-pod", "10.244.0.7", "/", fs, START));
  }

  private static List<String> lines(ProcessPlan p) {
    return p.output().stream().map(ProcessPlan.Line::text).toList();
  }

  @Test
  void courseHelloPrintsThenSleepsAnHourAndIgnoresSigterm() {
    ProcessPlan p = run("sh", "-c", "echo \"Hello, Kubernetes!\" && sleep 3600");
    assertThat(lines(p)).containsExactly("Hello, Kubernetes!");
    assertThat(p.exitAfter()).isEqualTo(Duration.ofHours(1));
    assertThat(p.exitCode()).isZero();
    assertThat(p.handlesSigterm()).isFalse();
  }

  @Test
  void echoFlagsAndPrintf() {
    ProcessPlan p = run("bash", "-c", "echo -n a; echo b; echo -e 'x\\ty'; echo '-e not a flag here'; printf '%s=%d\\n' k 5 j 6");
    assertThat(lines(p)).containsExactly("ab", "x\ty", "-e not a flag here", "k=5", "j=6");
  }

  @Test
  void andOrAndExitCodes() {
    ProcessPlan p = run("sh", "-c", "false && echo no || echo yes; true; exit 3; echo never");
    assertThat(lines(p)).containsExactly("yes");
    assertThat(p.exitCode()).isEqualTo(3);
    assertThat(p.exitAfter()).isEqualTo(Duration.ZERO);
    assertThat(run("sh", "-c", "false").exitCode()).isEqualTo(1);
  }

  @Test
  void sleepUnitsAndLineTimes() {
    ProcessPlan p = run("sh", "-c", "echo a; sleep 2; echo b; sleep 1m; echo c; sleep 1.5s; exit 1");
    assertThat(p.output()).containsExactly(
        new ProcessPlan.Line(Duration.ZERO, "a"),
        new ProcessPlan.Line(Duration.ofSeconds(2), "b"),
        new ProcessPlan.Line(Duration.ofSeconds(62), "c"));
    assertThat(p.exitAfter()).isEqualTo(Duration.ofMillis(63_500));
    assertThat(p.exitCode()).isEqualTo(1);
  }

  @Test
  void sleepInfinityRunsForever() {
    ProcessPlan p = run("sh", "-c", "echo up; sleep infinity; echo never");
    assertThat(p.runsForever()).isTrue();
    assertThat(lines(p)).containsExactly("up");
  }

  @Test
  void badSleepPrintsCoreutilsError() {
    ProcessPlan p = run("sh", "-c", "sleep soon");
    assertThat(lines(p)).containsExactly("sleep: invalid time interval 'soon'", "Try 'sleep --help' for more information.");
    assertThat(p.exitCode()).isEqualTo(1);
  }

  @Test
  void variablesFromEnvAndDownwardApi() {
    ProcessPlan p = run(Map.of("POD_IP", "10.244.0.7", "MY_NAME", "hello-pod"),
        "sh", "-c", "echo \"IP=$POD_IP name=${MY_NAME}\" '$POD_IP' \\$X; X=1; echo $X ${UNSET:-dflt} $?; hostname");
    assertThat(lines(p)).containsExactly("IP=10.244.0.7 name=hello-pod $POD_IP $X", "1 dflt 0", "hello-pod");
  }

  @Test
  void envListsTheEnvironment() {
    ProcessPlan p = run(Map.of("GREETING", "hi"), "env");
    assertThat(lines(p)).contains("PATH=/usr/bin:/bin", "GREETING=hi", "HOSTNAME=hello-pod");
    assertThat(p.exitCode()).isZero();
  }

  @Test
  void redirectionWritesFilesAndVolumesOutliveTheContainer() {
    ContainerFilesystem.Volume pvc = new ContainerFilesystem.Volume();
    fs.mount("/data", pvc);
    run("sh", "-c", "echo first >> /data/out.txt; echo scratch > /tmp/x; cat /tmp/x");
    ContainerFilesystem next = new ContainerFilesystem().mount("/data", pvc);
    ProcessPlan p = ContainerInterpreter.start(List.of("sh", "-c", "echo second >> /data/out.txt && cat /data/out.txt /tmp/x"),
        new ContainerContext(Map.of(), "pod2", "10.244.0.8", "/", next, START));
    assertThat(lines(p)).containsExactly("first", "second", "cat: /tmp/x: No such file or directory");
    assertThat(p.exitCode()).isEqualTo(1);
    assertThat(pvc.read("/out.txt")).contains("first\nsecond\n");
  }

  @Test
  void dateUsesVirtualTime() {
    ProcessPlan p = run("sh", "-c", "date; sleep 65; date; date +%Y-%m-%dT%H:%M:%S");
    assertThat(lines(p)).containsExactly("Mon Jan  5 09:00:00 UTC 2026", "Mon Jan  5 09:01:05 UTC 2026", "2026-01-05T09:01:05");
  }

  @Test
  void whileLoopIsUnrolledOnTheVirtualClock() {
    ProcessPlan p = run("sh", "-c", "while true; do echo tick; sleep 10; done");
    assertThat(p.runsForever()).isTrue();
    assertThat(p.output().get(0)).isEqualTo(new ProcessPlan.Line(Duration.ZERO, "tick"));
    assertThat(p.output().get(3)).isEqualTo(new ProcessPlan.Line(Duration.ofSeconds(30), "tick"));
  }

  @Test
  void shellWithoutTtyExitsAtOnce() {
    for (String shell : List.of("/bin/bash", "sh", "bash")) {
      ProcessPlan p = run(shell);
      assertThat(p.exitCode()).isZero();
      assertThat(p.exitAfter()).isEqualTo(Duration.ZERO);
      assertThat(p.output()).isEmpty();
    }
    assertThat(run("python3").exitAfter()).isEqualTo(Duration.ZERO);
  }

  @Test
  void serversLogStartupRunForeverAndHandleSigterm() {
    ProcessPlan nginx = run(Map.of("NGINX_VERSION", "1.27.2"), "/docker-entrypoint.sh", "nginx", "-g", "daemon off;");
    assertThat(nginx.runsForever()).isTrue();
    assertThat(nginx.handlesSigterm()).isTrue();
    assertThat(lines(nginx)).contains("/docker-entrypoint.sh: Configuration complete; ready for start up",
        "2026/01/05 09:00:00 [notice] 1#1: nginx/1.27.2");
    ProcessPlan redis = run("docker-entrypoint.sh", "redis-server");
    assertThat(lines(redis)).last().asString().endsWith("* Ready to accept connections tcp");
    ProcessPlan fastapi = run("fastapi", "run", "/app/main.py", "--port", "8000");
    assertThat(lines(fastapi)).last().isEqualTo("INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)");
    ProcessPlan flask = run("python3", "/app/app.py");
    assertThat(lines(flask)).contains(" * Serving Flask app 'app'", " * Running on http://10.244.0.7:5000");
  }

  @Test
  void postgresWithoutPasswordExitsWithItsError() {
    ProcessPlan p = run("docker-entrypoint.sh", "postgres");
    assertThat(p.exitCode()).isEqualTo(1);
    assertThat(lines(p).get(0)).isEqualTo("Error: Database is uninitialized and superuser password is not specified.");
    assertThat(run(Map.of("POSTGRES_PASSWORD", "pw"), "docker-entrypoint.sh", "postgres").runsForever()).isTrue();
  }

  @Test
  void unknownProgramsRunQuietlyAndIgnoreSigterm() {
    ProcessPlan p = run("/usr/local/bin/my-worker", "--queue", "jobs");
    assertThat(p.runsForever()).isTrue();
    assertThat(p.output()).isEmpty();
    assertThat(p.handlesSigterm()).isFalse();
    assertThat(run("sh", "-c", "cat /etc/hosts | grep x").runsForever()).isTrue();
  }

  @Test
  void syntaxErrorsFailLikeDash() {
    ProcessPlan p = run("sh", "-c", "echo \"unterminated");
    assertThat(lines(p)).containsExactly("sh: 1: Syntax error: Unterminated quoted string");
    assertThat(p.exitCode()).isEqualTo(2);
  }

  @Test
  void logRendersTimestampsSinceAndTail() {
    ContainerLog log = new ContainerLog();
    ProcessPlan p = run("sh", "-c", "echo a; sleep 1; echo b; sleep 1; echo c");
    for (ProcessPlan.Line l : p.output()) log.append(START.plus(l.at()), l.text());
    assertThat(log.render(LogOptions.DEFAULT, START.plusSeconds(1))).isEqualTo("a\nb\n");
    assertThat(log.render(LogOptions.DEFAULT, START.plusSeconds(5))).isEqualTo("a\nb\nc\n");
    assertThat(log.render(new LogOptions(null, false, true, null, 2), START.plusSeconds(5)))
        .isEqualTo("2026-01-05T09:00:01Z b\n2026-01-05T09:00:02Z c\n");
    assertThat(log.render(new LogOptions(null, false, false, START.plusSeconds(1), null), START.plusSeconds(5))).isEqualTo("b\nc\n");
    assertThat(ContainerLog.rfc3339Nano(START.plusNanos(120_000_000))).isEqualTo("2026-01-05T09:00:00.12Z");
    log.truncateAfter(START.plusSeconds(1));
    assertThat(log.render(LogOptions.DEFAULT, START.plusSeconds(5))).isEqualTo("a\nb\n");
  }
}
