package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.shell.Session;
import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionFixture;
import io.kubetutor.shell.SessionHarness.Result;
import io.kubetutor.shell.SessionOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Golden tests: exec runs in the pod's own container context (files, volumes, env, stdin, exit codes and
 * errors), on the virtual clock.
 */
class ExecInContainerTest extends SessionFixture {

  private void apply(String file, String yaml) throws IOException {
    Files.writeString(dir.resolve(file), yaml);
    Result r = sh.run("kubectl apply -f " + file);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    sh.run("sim advance 60s");
  }

  private static final String PVC = """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 1Gi
      """;

  private static String writer(String name, String script) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
        spec:
          containers:
          - name: main
            image: ubuntu:22.04
            command: ["sh", "-c", "%s"]
            env:
            - name: COLOR
              value: blue
            volumeMounts:
            - name: data
              mountPath: /data
          volumes:
          - name: data
            persistentVolumeClaim:
              claimName: data
        """.formatted(name, script);
  }

  @Test
  void fileWrittenByTheContainerIsReadBack() throws IOException {
    apply("pvc.yaml", PVC);
    apply("pod.yaml", writer("writer", "echo hello from $COLOR > /data/out.txt && echo scratch > /tmp/t && sleep 3600"));
    Result cat = sh.run("kubectl exec writer -- cat /data/out.txt /tmp/t");
    assertThat(cat.err()).isEmpty();
    assertThat(cat.out()).isEqualTo("hello from blue\nscratch\n");
    assertThat(sh.run("kubectl exec writer -- ls /data").out()).isEqualTo("out.txt\n");
    assertThat(sh.run("kubectl exec writer -- sh -c 'echo $COLOR; echo more >> /data/out.txt; cat /data/out.txt'").out())
        .isEqualTo("blue\nhello from blue\nmore\n");
  }

  @Test
  void pvcDataSurvivesPodReplacementButTheWritableLayerDoesNot() throws IOException {
    apply("pvc.yaml", PVC);
    apply("pod.yaml", writer("writer", "echo first > /data/out.txt && echo gone > /tmp/t && sleep 3600"));
    assertThat(sh.run("kubectl delete pod writer").exit()).isZero();
    sh.run("sim advance 60s");
    apply("reader.yaml", writer("reader", "sleep 3600"));
    assertThat(sh.run("kubectl exec reader -- cat /data/out.txt").out()).isEqualTo("first\n");
    Result lost = sh.run("kubectl exec reader -- cat /tmp/t");
    assertThat(lost.err()).isEqualTo("cat: /tmp/t: No such file or directory\ncommand terminated with exit code 1\n");
    assertThat(lost.exit()).isEqualTo(1);
  }

  @Test
  void exitCodesAndMissingPrograms() throws IOException {
    apply("pvc.yaml", PVC);
    apply("pod.yaml", writer("writer", "sleep 3600"));
    Result exit = sh.run("kubectl exec writer -- sh -c 'echo out; cat /nope; exit 42'");
    assertThat(exit.out()).isEqualTo("out\n");
    assertThat(exit.err()).isEqualTo("cat: /nope: No such file or directory\ncommand terminated with exit code 42\n");
    assertThat(exit.exit()).isEqualTo(42);
    Result inScript = sh.run("kubectl exec writer -- sh -c 'nosuchtool'");
    assertThat(inScript.err()).isEqualTo("sh: 1: nosuchtool: not found\ncommand terminated with exit code 127\n");
    Result direct = sh.run("kubectl exec writer -- nosuchtool");
    assertThat(direct.err()).isEqualTo("Error from server (InternalError): Internal error occurred: error executing command "
        + "in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: "
        + "unable to start container process: exec: \"nosuchtool\": executable file not found in $PATH: unknown\n");
    assertThat(direct.exit()).isNotZero();
  }

  @Test
  void kubectlChecksContainerAndPhase() throws IOException {
    apply("pvc.yaml", PVC);
    apply("pod.yaml", writer("writer", "sleep 3600"));
    Result unknown = sh.run("kubectl exec writer -c other -- ls");
    assertThat(unknown.err()).isEqualTo("error: container other not found in pod writer\n");
    assertThat(unknown.exit()).isNotZero();
    apply("done.yaml", writer("done", "echo bye").replace("spec:\n  containers:", "spec:\n  restartPolicy: Never\n  containers:"));
    Result done = sh.run("kubectl exec done -- ls");
    assertThat(done.err()).isEqualTo("error: cannot exec into a container in a completed pod; current phase is Succeeded\n");
  }

  @Test
  void stdinIsPipedWithDashI() throws IOException {
    apply("pvc.yaml", PVC);
    apply("pod.yaml", writer("writer", "sleep 3600"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String piped = "echo piped > /data/in.txt\ncat /data/in.txt\necho $COLOR\n";
    SessionOptions o = SessionOptions.forTests(dir);
    try (Session s = new Session(o, new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(piped.getBytes(StandardCharsets.UTF_8)))) {
      s.execute("kubectl apply -f pvc.yaml");
      s.execute("kubectl apply -f pod.yaml");
      s.execute("sim advance 60s");
      out.getBuffer().setLength(0);
      int code = s.execute("kubectl exec -i writer -- sh");
      assertThat(code).isZero();
    }
    assertThat(out.toString()).isEqualTo("piped\nblue\n");
  }

  @Test
  void execIntoADeploymentPicksAPodAndNamesTheDefaultedContainer() throws IOException {
    apply("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: app
                image: ubuntu:22.04
                command: ["sh", "-c", "echo app > /shared/who && sleep 3600"]
                volumeMounts:
                - name: scratch
                  mountPath: /shared
              - name: side
                image: busybox
                command: ["sleep", "3600"]
                volumeMounts:
                - name: scratch
                  mountPath: /shared
              volumes:
              - name: scratch
                emptyDir: {}
        """);
    Result r = sh.run("kubectl exec deploy/web -- cat /shared/who");
    assertThat(r.err()).isEqualTo("Defaulted container \"app\" out of: app, side\n");
    assertThat(r.out()).isEqualTo("app\n");
    // The sidecar sees the same emptyDir volume, but not the first container's own layer.
    assertThat(sh.run("kubectl exec deploy/web -c side -- cat /shared/who").out()).isEqualTo("app\n");
  }

  private String onlyPod(String app) {
    return sh.run("kubectl get pods -l app=" + app + " -o jsonpath={.items[0].metadata.name}").out();
  }

  static final String COURSE_PVC = """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: hello-data
      spec:
        accessModes: [ReadWriteOnce]
        storageClassName: standard
        resources:
          requests:
            storage: 1Gi
      """;

  static final String DEPLOYMENT_PVC = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: hello-pvc-deployment
      spec:
        replicas: 1
        selector:
          matchLabels:
            app: hello-pvc-app
        template:
          metadata:
            labels:
              app: hello-pvc-app
          spec:
            containers:
            - name: hello
              image: ubuntu:22.04
              command: ['sh', '-c', 'echo "Hello, Kubernetes!" >> /data/out.txt && sleep 3600']
              env:
              - name: GREETING
                value: hi
              - name: POD_NAME
                valueFrom:
                  fieldRef:
                    fieldPath: metadata.name
              volumeMounts:
              - name: hello-data
                mountPath: "/data"
            volumes:
            - name: hello-data
              persistentVolumeClaim:
                claimName: hello-data
      """;

  @Test
  void fileWrittenByTheContainerIsReadBackAndSurvivesPodReplacementOnThePvc() throws IOException {
    apply("pvc.yml", COURSE_PVC);
    apply("deployment-pvc.yml", DEPLOYMENT_PVC);
    String first = onlyPod("hello-pvc-app");
    assertThat(sh.run("kubectl exec " + first + " -- cat /data/out.txt").out()).isEqualTo("Hello, Kubernetes!\n");
    // exec writes into the same volume; the container's writable layer is not on the claim.
    assertThat(sh.run("kubectl exec " + first + " -- sh -c 'echo by-exec >> /data/out.txt; echo scratch > /tmp/x'").exit())
        .isZero();
    assertThat(sh.run("kubectl exec " + first + " -- cat /tmp/x").out()).isEqualTo("scratch\n");

    sh.run("kubectl delete pod " + first);
    sh.session().simulator().advance(Duration.ofSeconds(60));
    String second = onlyPod("hello-pvc-app");
    assertThat(second).isNotEqualTo(first).isNotEmpty();
    assertThat(sh.run("kubectl exec " + second + " -- cat /data/out.txt").out())
        .isEqualTo("Hello, Kubernetes!\nby-exec\nHello, Kubernetes!\n");
    Result lost = sh.run("kubectl exec " + second + " -- cat /tmp/x");
    assertThat(lost.out()).isEmpty();
    assertThat(lost.err()).isEqualTo("cat: /tmp/x: No such file or directory\ncommand terminated with exit code 1\n");
    assertThat(lost.exit()).isEqualTo(1);
    assertThat(sh.run("kubectl exec deploy/hello-pvc-deployment -- ls /data").out()).isEqualTo("out.txt\n");
  }

  @Test
  void envFromTheSpecAndTheDownwardApi() throws IOException {
    apply("pvc.yml", COURSE_PVC);
    apply("deployment-pvc.yml", DEPLOYMENT_PVC);
    String pod = onlyPod("hello-pvc-app");
    assertThat(sh.run("kubectl exec " + pod + " -- sh -c 'echo $GREETING $POD_NAME $HOSTNAME'").out())
        .isEqualTo("hi " + pod + " " + pod + "\n");
    assertThat(sh.run("kubectl exec " + pod + " -- printenv GREETING").out()).isEqualTo("hi\n");
  }

  static final String TWO_CONTAINERS = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: pair
        labels:
          app: pair
      spec:
        volumes:
        - name: shared
          emptyDir: {}
        containers:
        - name: writer
          image: busybox
          command: ['sh', '-c', 'echo written-by-writer > /shared/note; sleep 3600']
          volumeMounts:
          - name: shared
            mountPath: /shared
        - name: reader
          image: busybox
          command: ['sh', '-c', 'sleep 3600']
          volumeMounts:
          - name: shared
            mountPath: /mnt/in
      """;

  @Test
  void containersOfAPodShareVolumesButNotTheirOwnLayers() throws IOException {
    apply("pair.yml", TWO_CONTAINERS);
    Result defaulted = sh.run("kubectl exec pair -- cat /shared/note");
    assertThat(defaulted.out()).isEqualTo("written-by-writer\n");
    assertThat(defaulted.err()).isEqualTo("Defaulted container \"writer\" out of: writer, reader\n");
    assertThat(sh.run("kubectl exec pair -c reader -- cat /mnt/in/note").out()).isEqualTo("written-by-writer\n");
    sh.run("kubectl exec pair -c writer -- sh -c 'echo private > /root/own'");
    Result other = sh.run("kubectl exec pair -c reader -- cat /root/own");
    assertThat(other.err()).isEqualTo("cat: /root/own: No such file or directory\ncommand terminated with exit code 1\n");
  }

  @Test
  void exitCodesAndTheRuntimeErrors() throws IOException {
    apply("pair.yml", TWO_CONTAINERS);
    Result code = sh.run("kubectl exec pair -c reader -- sh -c 'echo out; cat /missing; exit 42'");
    assertThat(code.out()).isEqualTo("out\n");
    assertThat(code.err()).isEqualTo("cat: /missing: No such file or directory\ncommand terminated with exit code 42\n");
    assertThat(code.exit()).isEqualTo(42);
    Result inScript = sh.run("kubectl exec pair -c reader -- sh -c 'nosuchprogram'");
    assertThat(inScript.err()).isEqualTo("sh: 1: nosuchprogram: not found\ncommand terminated with exit code 127\n");
    assertThat(inScript.exit()).isEqualTo(127);
  }

  @Test
  void completedPodIsRefusedByKubectlItself() throws IOException {
    apply("done.yml", """
        apiVersion: v1
        kind: Pod
        metadata:
          name: done
        spec:
          restartPolicy: Never
          containers:
          - name: once
            image: busybox
            command: ['sh', '-c', 'echo bye']
        """);
    assertThat(((Pod) sh.session().cluster().get(ResourceKind.POD, "default", "done")).getStatus().getPhase())
        .isEqualTo("Succeeded");
    Result r = sh.run("kubectl exec done -- ls");
    assertThat(r.err()).isEqualTo("error: cannot exec into a container in a completed pod; current phase is Succeeded\n");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void stdinIsPassedWithDashI() throws IOException {
    apply("pair.yml", TWO_CONTAINERS);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String piped = "echo one > /tmp/f\necho two >> /tmp/f\ncat /tmp/f\n";
    try (Session s = new Session(LogsExecVerbTest.noThinkTime(dir), new PrintWriter(out), new PrintWriter(err),
        new ByteArrayInputStream(piped.getBytes(StandardCharsets.UTF_8)))) {
      s.execute("kubectl apply -f " + dir.resolve("pair.yml"));
      s.simulator().advance(Duration.ofSeconds(60));
      out.getBuffer().setLength(0);
      assertThat(s.execute("kubectl exec -i pair -c reader -- sh")).isZero();
    }
    assertThat(out.toString()).isEqualTo("one\ntwo\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void catWithDashIEchoesStdin() throws IOException {
    apply("pair.yml", TWO_CONTAINERS);
    StringWriter out = new StringWriter();
    try (Session s = new Session(LogsExecVerbTest.noThinkTime(dir), new PrintWriter(out), new PrintWriter(new StringWriter()),
        new ByteArrayInputStream("line\n".getBytes(StandardCharsets.UTF_8)))) {
      s.execute("kubectl apply -f " + dir.resolve("pair.yml"));
      s.simulator().advance(Duration.ofSeconds(60));
      out.getBuffer().setLength(0);
      assertThat(s.execute("kubectl exec -i pair -c reader -- cat")).isZero();
      assertThat(out.toString()).isEqualTo("line\n");
      out.getBuffer().setLength(0);
      assertThat(s.execute("kubectl exec pair -c reader -- cat")).as("no -i: stdin is empty").isZero();
      assertThat(out.toString()).isEmpty();
    }
  }
}
