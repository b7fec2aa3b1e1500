package io.kubetutor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimStateTest {

  static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: hello-deployment
        labels:
          app: hello-app
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: hello-app
        template:
          metadata:
            labels:
              app: hello-app
          spec:
            containers:
              - name: hellos
                image: ubuntu:22.04
                command: ['sleep', '999999999']
      """;

  @TempDir Path first;
  @TempDir Path second;

  private String buildAndSave(Path dir) throws Exception {
    Files.writeString(dir.resolve("deployment-basic.yml"), DEPLOYMENT);
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(h.run("kubectl apply -f deployment-basic.yml").exit()).isZero();
      h.run("kubectl run bare --image=ubuntu:22.04 -- sleep 100000");
      h.run("sim settle");
      var saved = h.run("sim save state.json");
      assertThat(saved.err()).isEmpty();
      assertThat(saved.out()).isEqualTo("simulator saved to state.json\n");
      return h.run("kubectl get pods -o wide").out();
    }
  }

  @Test
  void aClaimsFilesAreSavedAndARestoredPodRunsAgainAsAfterANodeReboot() throws Exception {
    Files.writeString(first.resolve("pvc.yml"), """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: hello-data}
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        """);
    Files.writeString(first.resolve("writer.yml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: writer}
        spec:
          selector: {matchLabels: {app: writer}}
          template:
            metadata: {labels: {app: writer}}
            spec:
              containers:
              - name: w
                image: ubuntu:22.04
                command: ['sh', '-c', 'echo "Hello, Kubernetes!" >> /data/out.txt && sleep 3600']
                volumeMounts: [{name: data, mountPath: /data}]
              volumes: [{name: data, persistentVolumeClaim: {claimName: hello-data}}]
        """);
    try (SessionHarness h = new SessionHarness(first)) {
      h.run("kubectl apply -f pvc.yml");
      h.run("kubectl apply -f writer.yml");
      h.run("sim settle");
      assertThat(h.run("kubectl exec deploy/writer -- cat /data/out.txt").out()).isEqualTo("Hello, Kubernetes!\n");
      assertThat(h.run("sim save state.json").err()).isEmpty();
    }
    assertThat(Files.readString(first.resolve("state.json"))).contains("\"volumes\":{\"pv/pvc-");
    try (SessionHarness h = new SessionHarness(second)) {
      assertThat(h.run("sim load " + first.resolve("state.json")).err()).isEmpty();
      h.run("sim settle");
      // The file came back with the claim, and the restarted container appended its line to it.
      assertThat(h.run("kubectl exec deploy/writer -- cat /data/out.txt"))
          .isEqualTo(new SessionHarness.Result(0, "Hello, Kubernetes!\nHello, Kubernetes!\n", ""));
      assertThat(h.run("kubectl get pods --no-headers").out()).contains("Running");
      // The node kept its images: the restart finds ubuntu:22.04 there instead of pulling it again.
      String events = h.run("kubectl get events").out();
      assertThat(events).contains("Container image \"ubuntu:22.04\" already present on machine");
      assertThat(events.split("Pulling image", -1)).hasSize(2);  // only the pull before the save
    }
  }

  @Test
  void aLoadedSimulatorPrintsTheSameAndKeepsWorking() throws Exception {
    String before = buildAndSave(first);
    assertThat(before).contains("hello-deployment-").contains("Running").contains("bare");
    Files.copy(first.resolve("state.json"), second.resolve("saved.json"));
    try (SessionHarness h = new SessionHarness(second)) {
      h.run("kubectl create namespace scratch");  // something the load must replace
      var load = h.run("sim load saved.json");
      assertThat(load.err()).isEmpty();
      assertThat(load.out()).startsWith("simulator loaded (clock 2026-01-05T09:");
      assertThat(h.run("kubectl get pods -o wide").out()).isEqualTo(before);
      assertThat(h.run("kubectl get namespace scratch").err()).contains("NotFound");

      String victim = h.run("kubectl get pods -l app=hello-app -o name").out().lines().findFirst().orElseThrow();
      assertThat(h.run("kubectl delete " + victim).exit()).isZero();
      h.run("sim settle");
      String after = h.run("kubectl get pods -l app=hello-app -o name").out();
      assertThat(after.lines().count()).isEqualTo(2);
      assertThat(after).doesNotContain(victim + "\n");
      String hash = victim.substring("pod/".length(), victim.lastIndexOf('-'));
      assertThat(after.lines()).allMatch(l -> l.startsWith("pod/" + hash + "-"));
      assertThat(h.run("kubectl get pods -l app=hello-app").out()).contains("Running");

      assertThat(h.run("kubectl delete pod bare").exit()).isZero();
      h.run("sim settle");
      assertThat(h.run("kubectl get pods bare").err()).isEqualTo("Error from server (NotFound): pods \"bare\" not found\n");
    }
  }

  @Test
  void theSameCommandsSaveTheSameState() throws Exception {
    buildAndSave(first);
    buildAndSave(second);
    assertThat(Files.readString(second.resolve("state.json"))).isEqualTo(Files.readString(first.resolve("state.json")));
    // and a save of a loaded simulator is the file it came from
    try (SessionHarness h = new SessionHarness(second)) {
      String original = Files.readString(second.resolve("state.json"));
      SimCluster loaded = SimState.load(second.resolve("state.json"), false);
      assertThat(SimState.toJson(loaded)).isEqualTo(original);
    }
  }

  @Test
  void corruptOrForeignFilesAreReportedAndChangeNothing() throws Exception {
    Files.writeString(first.resolve("broken.json"), "{\"format\": \"kubetutor-sim-state\", \"version\": 1, \"clo");
    Files.writeString(first.resolve("foreign.json"), "{\"apiVersion\": \"v1\", \"kind\": \"List\"}");
    Files.writeString(first.resolve("badobj.json"), """
        {"format":"kubetutor-sim-state","version":1,"clock":"2026-01-05T09:00:00Z","seed":1,"random":5,
         "resourceVersion":1,"objects":[{"apiVersion":"v1","kind":"Gadget","metadata":{"name":"x"}}]}""");
    try (SessionHarness h = new SessionHarness(first)) {
      h.run("kubectl create namespace keep");
      var broken = h.run("sim load broken.json");
      assertThat(broken.exit()).isEqualTo(1);
      assertThat(broken.err()).startsWith("error: " + first.resolve("broken.json") + " is not valid JSON (");
      var foreign = h.run("sim load foreign.json");
      assertThat(foreign.err()).isEqualTo("error: " + first.resolve("foreign.json")
          + " is not a kubetutor simulator state file\n");
      var bad = h.run("sim load badobj.json");
      assertThat(bad.err()).isEqualTo("error: " + first.resolve("badobj.json") + ": unknown object kind \"Gadget\" (v1)\n");
      var missing = h.run("sim load nothing.json");
      assertThat(missing.err()).isEqualTo("error: " + first.resolve("nothing.json") + ": no such file\n");
      assertThat(h.run("kubectl get namespace keep").out()).startsWith("NAME   STATUS   AGE\nkeep   Active");
      assertThat(h.run("sim save").err()).isEqualTo("error: use sim save FILE\n");
    }
  }
}
