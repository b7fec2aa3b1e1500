package io.kubetutor.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetutor.cluster.Objects;
import io.kubetutor.shell.SessionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Well-formed manifests with one field gone wrong: any field of a Deployment, Pod, Service,
 * ConfigMap or Job replaced by a value of another type, an odd string, a huge one, an empty list
 * or map, or removed. Applying it ends in the object created or a kubectl-shaped error; time
 * passing lets every controller meet what was stored; the shell answers the next commands.
 */
@AddLifecycleHook(BuildSeed.class)
class ManifestFieldFuzzTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static final List<String> BASES = List.of("""
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, labels: {app: web}}
      spec:
        replicas: 2
        revisionHistoryLimit: 3
        strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: "25%"}}
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            terminationGracePeriodSeconds: 5
            containers:
            - name: web
              image: nginx:1.25
              imagePullPolicy: IfNotPresent
              command: [sh, -c, "echo hi; sleep 3600"]
              env: [{name: A, value: "1"}]
              ports: [{containerPort: 80, protocol: TCP}]
              resources: {limits: {cpu: 100m, memory: 64Mi}}
              readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
      """, """
      apiVersion: v1
      kind: Pod
      metadata: {name: solo, labels: {app: solo}, annotations: {note: x}}
      spec:
        restartPolicy: OnFailure
        nodeSelector: {kubernetes.io/os: linux}
        volumes: [{name: data, emptyDir: {}}]
        containers:
        - name: c
          image: busybox:1.36
          args: [sh, -c, "echo hello > /data/x; cat /data/x; exit 3"]
          volumeMounts: [{name: data, mountPath: /data}]
      """, """
      apiVersion: v1
      kind: Service
      metadata: {name: svc}
      spec:
        type: NodePort
        selector: {app: web}
        ports: [{name: http, port: 80, targetPort: 8080, nodePort: 30080, protocol: TCP}]
      """, """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      data: {mode: calm, "file.txt": "a\\nb"}
      """, """
      apiVersion: batch/v1
      kind: Job
      metadata: {name: once}
      spec:
        completions: 2
        parallelism: 1
        backoffLimit: 2
        template:
          spec:
            restartPolicy: Never
            containers: [{name: j, image: busybox:1.36, command: [sh, -c, "exit 1"]}]
      """);

  private static Path dir;
  private static SessionHarness shell;

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("kubetutor-field-fuzz");
    shell = new SessionHarness(dir);
  }

  @AfterContainer
  static void stop() {
    shell.close();
  }

  /** Every path to a value in the tree (objects' fields and arrays' items), the root excluded. */
  private static void paths(JsonNode node, List<List<Object>> out, List<Object> at) {
    if (node instanceof ObjectNode o) {
      for (var e : o.properties()) {
        List<Object> p = new ArrayList<>(at);
        p.add(e.getKey());
        out.add(p);
        paths(e.getValue(), out, p);
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        List<Object> p = new ArrayList<>(at);
        p.add(i);
        out.add(p);
        paths(a.get(i), out, p);
      }
    }
  }

  private static Arbitrary<JsonNode> oddValues() {
    return Arbitraries.oneOf(
        Arbitraries.of(F.nullNode(), F.booleanNode(true), F.numberNode(0), F.numberNode(-1), F.numberNode(2.5),
            F.numberNode(Long.MAX_VALUE), F.numberNode(new java.math.BigInteger("1" + "0".repeat(30))),
            F.textNode(""), F.textNode(" "), F.textNode("0"), F.textNode("-1"), F.textNode("1e3"),
            F.textNode("100Mi"), F.textNode("abc"), F.textNode("IfNotPresent"), F.textNode("Never"),
            F.textNode("25%"), F.textNode("-50%"), F.textNode("1000%"), F.textNode("x".repeat(70_000)),
            F.textNode("café ☕ \u202e"), F.textNode("a\u0000b"), F.textNode("\n"), F.textNode("${HOME}"),
            F.arrayNode(), F.objectNode(), F.arrayNode().add("x").add(1),
            F.objectNode().put("a", "b"), F.objectNode().set("deep", F.objectNode().set("er", F.arrayNode()))),
        Arbitraries.strings().all().ofMaxLength(20).map(F::textNode),
        Arbitraries.integers().map(F::numberNode));
  }

  /** A base manifest with one value replaced (or removed), written as YAML or JSON. */
  @Provide
  Arbitrary<String[]> mutated() {
    return Arbitraries.of(BASES).flatMap(base -> {
      ObjectNode root = (ObjectNode) parse(base);
      List<List<Object>> all = new ArrayList<>();
      paths(root, all, List.of());
      return Combinators.combine(Arbitraries.of(all), oddValues(), Arbitraries.integers().between(0, 9),
          Arbitraries.of("yaml", "json")).as((path, value, how, format) -> {
            ObjectNode copy = root.deepCopy();
            JsonNode parent = copy;
            for (int i = 0; i < path.size() - 1; i++) {
              Object step = path.get(i);
              parent = step instanceof Integer n ? parent.get(n) : parent.get((String) step);
            }
            Object last = path.get(path.size() - 1);
            if (how == 0) {
              if (parent instanceof ObjectNode o) o.remove((String) last);
              else ((ArrayNode) parent).remove((Integer) last);
            } else if (parent instanceof ObjectNode o) {
              o.set((String) last, value);
            } else {
              ((ArrayNode) parent).set((Integer) last, value);
            }
            String text;
            try {
              text = format.equals("json") ? Objects.JSON.writeValueAsString(copy)
                  : io.kubetutor.print.Documents.yaml(copy);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            return new String[] {format, text, path + (how == 0 ? " removed" : " = " + abbreviate(value.toString()))};
          });
    });
  }

  private static JsonNode parse(String yaml) {
    try {
      return Objects.YAML.readTree(yaml);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  private static void noTrace(SessionHarness.Result r, String what) {
    for (String text : List.of(r.out(), r.err())) {
      assertThat(text).as(what).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("internal error");
    }
  }

  @Property(tries = 250)
  void anyFieldGoneWrongIsCreatedOrRefusedAndTheControllersCarryOn(@ForAll("mutated") String[] c) throws Exception {
    String file = "m." + c[0];
    Files.write(dir.resolve(file), c[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
    SessionHarness.Result r = shell.run("kubectl apply -f " + file);
    String what = c[2] + "\n" + r.err();
    noTrace(r, what);
    assertThat(r.exit()).as(what).isIn(0, 1);
    if (r.exit() == 1) {
      assertThat(r.err()).as(what).matches("(?s)(error: |Error from server \\(|The [A-Za-z]+ \"[^\"]*\" is invalid: ).*");
    } else {
      assertThat(r.out()).as(what).matches("[a-z.]+/[a-z0-9.-]+ (created|configured|unchanged)\n");
    }
    noTrace(shell.run("sim advance 45s"), what);
    for (String line : List.of("kubectl get all", "kubectl describe pods", "kubectl get events", "kubectl get pods")) {
      SessionHarness.Result next = shell.run(line);
      noTrace(next, what + "\n" + line);
      assertThat(next.exit()).as(what + "\n" + line + "\n" + next.err()).isZero();
    }
    shell.run("kubectl delete -f " + file + " --wait=false");
  }
}
