package io.kubetutor.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.lesson.check.AnswerCheck;
import io.kubetutor.lesson.check.CheckContext;
import io.kubetutor.lesson.check.CommandCheck;
import io.kubetutor.lesson.check.CountCheck;
import io.kubetutor.lesson.check.EventCheck;
import io.kubetutor.lesson.check.Expectation;
import io.kubetutor.lesson.check.FieldCheck;
import io.kubetutor.lesson.check.FileCheck;
import io.kubetutor.lesson.check.ObjectExistsCheck;
import io.kubetutor.lesson.check.ObjectRef;
import io.kubetutor.lesson.check.Scope;
import io.kubetutor.shell.SessionHarness;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksTest {

  @TempDir Path dir;
  SessionHarness sh;
  Cluster cluster;

  @BeforeEach
  void setUp() {
    sh = new SessionHarness(dir);
    cluster = sh.session().cluster();
  }

  @AfterEach
  void tearDown() {
    sh.close();
  }

  CheckContext ctx(int stepStart, Instant stepTime, String answer) {
    return new CheckContext(cluster, "default", sh.session().history(), stepStart, stepTime, dir, answer);
  }

  CheckContext ctx() {
    return ctx(0, Instant.EPOCH, null);
  }

  static Expectation eq(String v) {
    return new Expectation(v, null, null, null, null, null);
  }

  @Test
  void existsAndAbsent() {
    ObjectExistsCheck exists = new ObjectExistsCheck(new ObjectRef(ResourceKind.POD, "hello", null), true, null);
    ObjectExistsCheck absent = new ObjectExistsCheck(new ObjectRef(ResourceKind.POD, "hello", null), false, "delete it");
    assertThat(exists.evaluate(ctx()).passed()).isFalse();
    assertThat(absent.evaluate(ctx()).passed()).isTrue();
    Fixtures.put(cluster, Fixtures.pod("hello", "hello", "Running"));
    assertThat(exists.evaluate(ctx()).passed()).isTrue();
    assertThat(absent.evaluate(ctx()).passed()).isFalse();
    assertThat(absent.failureMessage()).isEqualTo("delete it");
    assertThat(exists.failureMessage()).isEqualTo("pod/hello should exist");
  }

  @Test
  void fieldEqualsMatchesAndCompares() {
    Fixtures.put(cluster, Fixtures.deployment("web", 4));
    ObjectRef ref = new ObjectRef(ResourceKind.DEPLOYMENT, "web", null);
    assertThat(new FieldCheck(ref, "{.spec.replicas}", eq("4"), null).evaluate(ctx()).passed()).isTrue();
    assertThat(new FieldCheck(ref, "spec.replicas", eq("3"), null).evaluate(ctx()).passed()).isFalse();
    assertThat(new FieldCheck(ref, ".spec.template.spec.containers[0].image",
        new Expectation(null, Pattern.compile("busy.*"), null, null, null, null), null).evaluate(ctx()).passed()).isTrue();
    assertThat(new FieldCheck(ref, ".spec.replicas",
        new Expectation(null, null, BigDecimal.valueOf(4), null, null, null), null).evaluate(ctx()).passed()).isFalse();
    assertThat(new FieldCheck(ref, ".spec.replicas",
        new Expectation(null, null, null, BigDecimal.valueOf(4), null, BigDecimal.valueOf(5)), null).evaluate(ctx()).passed())
        .isTrue();
    assertThat(new FieldCheck(ref, ".spec.paused", Expectation.PRESENT, null).evaluate(ctx()).detail())
        .isEqualTo("deployment/web .spec.paused is not set");
    assertThat(new FieldCheck(new ObjectRef(ResourceKind.DEPLOYMENT, "nope", null), ".spec.replicas", eq("4"), null)
        .evaluate(ctx()).passed()).isFalse();
  }

  @Test
  void countBySelectorAndStatus() {
    for (int i = 0; i < 4; i++) Fixtures.put(cluster, Fixtures.pod("web-" + i, "web", i < 3 ? "Running" : "Pending"));
    Fixtures.put(cluster, Fixtures.pod("other", "other", "Running"));
    Selector web = Selector.parse("app=web");
    assertThat(new CountCheck(ResourceKind.POD, null, web, null, eq("4"), null).evaluate(ctx()).passed()).isTrue();
    CountCheck fourRunning = new CountCheck(ResourceKind.POD, null, web, "Running", eq("4"), null);
    assertThat(fourRunning.evaluate(ctx()).passed()).isFalse();
    assertThat(fourRunning.evaluate(ctx()).detail()).isEqualTo("found 3 Running pods");
    assertThat(fourRunning.description()).isEqualTo("number of Running pods with app=web = 4");
    assertThat(new CountCheck(ResourceKind.POD, null, web, "Running", Expectation.atLeast(3), null).evaluate(ctx())
        .passed()).isTrue();
  }

  @Test
  void eventWithinStepOrEver() {
    Instant t0 = cluster.clock().now();
    Fixtures.put(cluster, Fixtures.event("e1", "Killing", "Pod", "web-abc12", t0));
    EventCheck ever = new EventCheck("Killing", Pattern.compile("pod/web-.*"), null, Scope.EVER, 1, null);
    EventCheck step = new EventCheck("Killing", Pattern.compile("pod/web-.*"), null, Scope.STEP, 1, null);
    assertThat(ever.evaluate(ctx(0, t0.plusSeconds(10), null)).passed()).isTrue();
    assertThat(step.evaluate(ctx(0, t0.plusSeconds(10), null)).passed()).isFalse();
    assertThat(step.evaluate(ctx(0, t0, null)).passed()).isTrue();
    assertThat(new EventCheck("Killing", Pattern.compile("pod/hello"), null, Scope.EVER, 1, null)
        .evaluate(ctx()).passed()).isFalse();
    assertThat(new EventCheck("Pulled", null, null, Scope.EVER, 1, null).evaluate(ctx()).passed()).isFalse();
    assertThat(new EventCheck("Killing", null, null, Scope.EVER, 2, null).evaluate(ctx()).passed()).isFalse();
  }

  @Test
  void commandCountsPerLineOrPerMatchAndRespectsScope() {
    for (int i = 1; i <= 3; i++) Fixtures.put(cluster, Fixtures.pod("web-" + i, "web", "Running"));
    sh.run("kubectl get pods");
    assertThat(sh.run("k delete pod web-1 web-2").exit()).isZero();
    sh.run("kubectl delete pod nosuch"); // fails: does not count
    int stepStart = sh.session().history().size();
    sh.run("kubectl delete pods web-3");
    Pattern p = Pattern.compile("kubectl delete pods? .*web-");
    assertThat(new CommandCheck(p, 2, Integer.MAX_VALUE, Scope.EVER, false, false, null).evaluate(ctx()).passed())
        .isTrue();
    assertThat(new CommandCheck(p, 2, Integer.MAX_VALUE, Scope.STEP, false, false, null)
        .evaluate(ctx(stepStart, null, null)).passed()).isFalse();
    Pattern names = Pattern.compile("\\bweb-\\d");
    CommandCheck perMatch = new CommandCheck(names, 3, 3, Scope.EVER, true, false, null);
    assertThat(perMatch.evaluate(ctx()).passed()).as(perMatch.evaluate(ctx()).detail()).isTrue();
    assertThat(new CommandCheck(Pattern.compile("nosuch"), 1, Integer.MAX_VALUE, Scope.EVER, false, false, null)
        .evaluate(ctx()).passed()).isFalse();
    assertThat(new CommandCheck(Pattern.compile("nosuch"), 1, Integer.MAX_VALUE, Scope.EVER, false, true, null)
        .evaluate(ctx()).passed()).isTrue();
  }

  @Test
  void fileExistsAndYamlField() throws Exception {
    FileCheck exists = new FileCheck("d.yml", null, Expectation.PRESENT, null);
    FileCheck replicas = new FileCheck("d.yml", ".spec.replicas", eq("4"), null);
    assertThat(exists.evaluate(ctx()).passed()).isFalse();
    Files.writeString(dir.resolve("d.yml"), "---\nkind: Deployment\nspec:\n  replicas: 3\n---\nspec:\n  replicas: 4\n");
    assertThat(exists.evaluate(ctx()).passed()).isTrue();
    assertThat(replicas.evaluate(ctx()).passed()).isFalse();
    Files.writeString(dir.resolve("d.yml"), "kind: Deployment\nspec:\n  replicas: 4\n");
    assertThat(replicas.evaluate(ctx()).passed()).isTrue();
    Files.writeString(dir.resolve("d.yml"), "spec: [unclosed\n");
    assertThat(replicas.evaluate(ctx()).detail()).isEqualTo("d.yml is not valid YAML");
    assertThat(new FileCheck("../outside.yml", null, Expectation.PRESENT, null).evaluate(ctx()).passed()).isFalse();
  }

  @Test
  void answerMultipleChoiceAndShortAnswer() {
    AnswerCheck mc = new AnswerCheck(new Question("?", List.of("x", "y"), "b", List.of()), null);
    assertThat(mc.evaluate(ctx(0, null, null)).passed()).isFalse();
    assertThat(mc.evaluate(ctx(0, null, "a")).passed()).isFalse();
    assertThat(mc.evaluate(ctx(0, null, "B")).passed()).isTrue();
    AnswerCheck sa = new AnswerCheck(new Question("?", List.of(), "", List.of("(it )?stays? (gone|deleted)")), null);
    assertThat(sa.evaluate(ctx(0, null, "It stays gone")).passed()).isTrue();
    assertThat(sa.evaluate(ctx(0, null, "it comes back")).passed()).isFalse();
  }

  @Test
  void thinkTimeMovesStepTimeForward() {
    Instant before = cluster.clock().now();
    sh.run("kubectl get pods");
    assertThat(Duration.between(before, cluster.clock().now())).isPositive();
  }
}
