package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionFixture;
import io.kubetutor.shell.SessionHarness.Result;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Golden tests of {@code kubectl apply}, {@code create -f} and {@code replace -f}. */
class ApplyVerbTest extends SessionFixture {

  static final String DEPLOY = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: hello-deployment
        labels:
          app: hello
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: hello
        template:
          metadata:
            labels:
              app: hello
          spec:
            containers:
              - name: hello
                image: nginx:1.25
                ports:
                  - containerPort: 80
      """;

  static final String POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  containers:\n"
      + "  - name: c\n    image: busybox\n    command: [sleep, '3600']\n";

  private void write(String name, String text) throws Exception {
    Files.writeString(dir.resolve(name), text);
  }

  private Deployment live(String name) {
    return (Deployment) sh.session().cluster().get(ResourceKind.DEPLOYMENT, "default", name);
  }

  @Test
  void createdThenUnchangedThenConfigured() throws Exception {
    write("d.yaml", DEPLOY);
    assertThat(sh.run("kubectl apply -f d.yaml")).isEqualTo(new Result(0, "deployment.apps/hello-deployment created\n", ""));
    assertThat(sh.run("kubectl apply -f d.yaml")).isEqualTo(new Result(0, "deployment.apps/hello-deployment unchanged\n", ""));
    write("d.yaml", DEPLOY.replace("replicas: 2", "replicas: 4"));
    assertThat(sh.run("kubectl apply -f d.yaml")).isEqualTo(new Result(0, "deployment.apps/hello-deployment configured\n", ""));
    assertThat(live("hello-deployment").getSpec().getReplicas()).isEqualTo(4);
  }

  @Test
  void lastAppliedAnnotationIsKubectlsEncoding() throws Exception {
    write("pod.yaml", POD);
    sh.run("kubectl apply -f pod.yaml");
    String annotation = sh.session().cluster().get(ResourceKind.POD, "default", "hello").getMetadata().getAnnotations()
        .get("kubectl.kubernetes.io/last-applied-configuration");
    assertThat(annotation).isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{},"
        + "\"name\":\"hello\",\"namespace\":\"default\"},\"spec\":{\"containers\":[{\"command\":[\"sleep\",\"3600\"],"
        + "\"image\":\"busybox\",\"name\":\"c\"}]}}\n");
  }

  @Test
  void multiDocumentAndDirectoryInOrder() throws Exception {
    write("all.yaml", DEPLOY + "---\n" + POD);
    assertThat(sh.run("kubectl apply -f all.yaml").out())
        .isEqualTo("deployment.apps/hello-deployment created\npod/hello created\n");
    Files.createDirectories(dir.resolve("k8s"));
    write("k8s/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: b\n");
    assertThat(sh.run("kubectl apply -f k8s/").out()).isEqualTo("configmap/cfg created\n");
  }

  @Test
  void dryRunSuffixes() throws Exception {
    write("pod.yaml", POD);
    assertThat(sh.run("kubectl apply -f pod.yaml --dry-run=client").out()).isEqualTo("pod/hello created (dry run)\n");
    assertThat(sh.run("kubectl apply -f pod.yaml --dry-run=server").out()).isEqualTo("pod/hello created (server dry run)\n");
    assertThat(sh.run("kubectl apply -f pod.yaml").out()).as("dry runs stored nothing").isEqualTo("pod/hello created\n");
    Result bare = sh.run("kubectl apply -f pod.yaml --dry-run");
    assertThat(bare.exit()).isEqualTo(1);
    assertThat(bare.err()).isEqualTo("error: Invalid dry-run value (unchanged). Must be \"none\", \"server\", or \"client\".\n");
  }

  @Test
  void outputName() throws Exception {
    write("pod.yaml", POD);
    assertThat(sh.run("kubectl apply -f pod.yaml -o name").out()).isEqualTo("pod/hello\n");
  }

  @Test
  void errorsContinueWithTheNextObjectAndExitOne() throws Exception {
    write("all.yaml", DEPLOY.replace("replicas: 2", "replica: 2") + "---\n" + POD);
    Result r = sh.run("kubectl apply -f all.yaml");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("pod/hello created\n");
    assertThat(r.err()).isEqualTo("Error from server (BadRequest): error when creating \"all.yaml\": Deployment in"
        + " version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.replica\"\n");
  }

  @Test
  void clientSideErrors() throws Exception {
    assertThat(sh.run("kubectl apply")).isEqualTo(new Result(1, "", "error: must specify one of -f and -k\n"));
    assertThat(sh.run("kubectl create deployment web")).isEqualTo(new Result(1, "",
        "error: required flag(s) \"image\" not set\n"));
    assertThat(sh.run("kubectl create nosuch web")).isEqualTo(new Result(1, "",
        "error: Unexpected args: [nosuch web]\nSee 'kubectl create -h' for help and examples\n"));
    assertThat(sh.run("kubectl apply -f nope.yaml"))
        .isEqualTo(new Result(1, "", "error: the path \"nope.yaml\" does not exist\n"));
    // The three -f verbs share one positional-argument check and one -o option.
    assertThat(sh.run("kubectl apply web -f x.yaml")).isEqualTo(new Result(1, "",
        "error: Unexpected args: [web]\nSee 'kubectl apply -h' for help and examples\n"));
    assertThat(sh.run("kubectl replace a b -f x.yaml")).isEqualTo(new Result(1, "",
        "error: Unexpected args: [a b]\nSee 'kubectl replace -h' for help and examples\n"));
    assertThat(sh.run("kubectl replace -f x.yaml -o wide").err()).isEqualTo("error: unable to match a printer suitable"
        + " for the output format \"wide\", allowed formats are: json,name,yaml\n");
    write("empty.yaml", "---\n");
    assertThat(sh.run("kubectl apply -f empty.yaml")).isEqualTo(new Result(1, "", "error: no objects passed to apply\n"));
    write("deploy.yml", DEPLOY.replace("  matchLabels:\n      app: hello", "  matchLabels: app: hello"));
    assertThat(sh.run("kubectl apply -f deploy.yml")).isEqualTo(new Result(1, "", "error: error parsing deploy.yml: error"
        + " converting YAML to JSON: yaml: line 10: mapping values are not allowed in this context\n"));
  }

  @Test
  void missingAnnotationWarningThenConfigured() throws Exception {
    write("pod.yaml", POD);
    assertThat(sh.run("kubectl create -f pod.yaml")).isEqualTo(new Result(0, "pod/hello created\n", ""));
    write("pod.yaml", POD.replace("image: busybox", "image: busybox:1.36"));
    Result r = sh.run("kubectl apply -f pod.yaml");
    assertThat(r.out()).isEqualTo("pod/hello configured\n");
    assertThat(r.err()).isEqualTo("Warning: resource pods/hello is missing the"
        + " kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl"
        + " apply should only be used on resources created declaratively by either kubectl create --save-config or"
        + " kubectl apply. The missing annotation will be patched automatically.\n");
    assertThat(sh.run("kubectl apply -f pod.yaml")).isEqualTo(new Result(0, "pod/hello unchanged\n", ""));
  }

  @Test
  void createTwiceIsAlreadyExistsNamingTheFile() throws Exception {
    write("d.yaml", DEPLOY);
    sh.run("kubectl create -f d.yaml");
    assertThat(sh.run("kubectl create -f d.yaml")).isEqualTo(new Result(1, "", "Error from server (AlreadyExists): error"
        + " when creating \"d.yaml\": deployments.apps \"hello-deployment\" already exists\n"));
    assertThat(sh.run("kubectl create")).isEqualTo(new Result(1, "", "error: must specify one of -f and -k\n"));
  }

  @Test
  void replace() throws Exception {
    write("d.yaml", DEPLOY);
    assertThat(sh.run("kubectl replace -f d.yaml")).isEqualTo(new Result(1, "", "Error from server (NotFound): error"
        + " when replacing \"d.yaml\": deployments.apps \"hello-deployment\" not found\n"));
    sh.run("kubectl create -f d.yaml");
    write("d.yaml", DEPLOY.replace("replicas: 2", "replicas: 3"));
    assertThat(sh.run("kubectl replace -f d.yaml")).isEqualTo(new Result(0, "deployment.apps/hello-deployment replaced\n", ""));
    assertThat(live("hello-deployment").getSpec().getReplicas()).isEqualTo(3);
    String uid = live("hello-deployment").getMetadata().getResourceVersion();
    assertThat(sh.run("kubectl replace --force -f d.yaml")).isEqualTo(new Result(0,
        "deployment.apps \"hello-deployment\" deleted\ndeployment.apps/hello-deployment replaced\n", ""));
    assertThat(live("hello-deployment").getMetadata().getResourceVersion()).as("a new object").isNotEqualTo(uid);
  }

  @Test
  void applyKeepsFieldsSetByOthersAndRemovesDroppedOnes() throws Exception {
    write("d.yaml", DEPLOY.replace("  labels:\n    app: hello\n", "  labels:\n    app: hello\n    tier: web\n"));
    sh.run("kubectl apply -f d.yaml");
    Deployment d = Objects.copy(live("hello-deployment"));
    d.getSpec().setMinReadySeconds(5);  // another client's change, never in the manifest
    sh.session().cluster().update(d, io.kubetutor.cluster.Cluster.DryRun.NONE);
    write("d.yaml", DEPLOY);  // tier label dropped
    assertThat(sh.run("kubectl apply -f d.yaml").out()).isEqualTo("deployment.apps/hello-deployment configured\n");
    assertThat(live("hello-deployment").getMetadata().getLabels()).containsOnlyKeys("app");
    assertThat(live("hello-deployment").getSpec().getMinReadySeconds()).isEqualTo(5);
  }

  /** The course module's own manifest and commands (Desired State with Deployments). */
  @Test
  void courseDeploymentBasic() throws Exception {
    String basic = """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: hello-deployment
          labels:
            app: hello-app
        spec:
          replicas: 1
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
                  command: ['sh', '-c', 'echo "Hello, Kubernetes!" && sleep 3600']
        """;
    write("deployment-basic.yml", basic);
    assertThat(sh.run("kubectl apply -f deployment-basic.yml").out()).isEqualTo("deployment.apps/hello-deployment created\n");
    write("deployment-basic.yml", basic.replace("replicas: 1", "replicas: 4"));
    assertThat(sh.run("kubectl apply -f deployment-basic.yml").out()).isEqualTo("deployment.apps/hello-deployment configured\n");
    assertThat(live("hello-deployment").getSpec().getReplicas()).isEqualTo(4);
    write("deployment-basic.yml", basic.replace("- name: hellos\n", "- name: hellos\n          imagePullPolicy: Always\n"));
    assertThat(sh.run("kubectl apply -f deployment-basic.yml").out()).isEqualTo("deployment.apps/hello-deployment configured\n");
    var container = live("hello-deployment").getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImagePullPolicy()).isEqualTo("Always");
    assertThat(container.getCommand()).containsExactly("sh", "-c", "echo \"Hello, Kubernetes!\" && sleep 3600");
    assertThat(live("hello-deployment").getSpec().getReplicas()).isEqualTo(1);
    write("pod.yaml", POD);
    sh.run("kubectl apply -f pod.yaml");
    assertThat(sh.run("kubectl delete pods hello")).isEqualTo(new Result(0, "pod \"hello\" deleted\n", ""));
  }

  @Test
  void validateModes() throws Exception {
    write("d.yaml", DEPLOY.replace("replicas: 2", "replica: 2"));
    assertThat(sh.run("kubectl apply -f d.yaml --validate=warn")).isEqualTo(new Result(0,
        "deployment.apps/hello-deployment created\n", "Warning: unknown field \"spec.replica\"\n"));
    assertThat(sh.run("kubectl delete -f d.yaml --wait=false").exit()).isZero();
    assertThat(sh.run("kubectl apply -f d.yaml --validate=false"))
        .isEqualTo(new Result(0, "deployment.apps/hello-deployment created\n", ""));
    assertThat(sh.run("kubectl apply -f d.yaml --validate=maybe")).isEqualTo(new Result(1, "",
        "error: invalid - validate option \"maybe\"; must be one of: strict (or true), warn, ignore (or false)\n"));
    write("nokind.yaml", "apiVersion: v1\nmetadata:\n  name: x\n");
    assertThat(sh.run("kubectl create -f nokind.yaml --validate=false").err()).isEqualTo("error: unable to decode"
        + " \"nokind.yaml\": Object 'Kind' is missing in '{\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}'\n");
  }

  @Test
  void outputYamlPrintsTheAppliedObjectsAfterwards() throws Exception {
    write("all.yaml", POD + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n");
    Result one = sh.run("kubectl apply -f pod.yaml -o yaml".replace("pod.yaml", "all.yaml"));
    assertThat(one.exit()).isZero();
    // Key order and quoting are the shared printer's business; here: one List holding both objects.
    assertThat(one.out()).startsWith("apiVersion: v1\n").contains("kind: List\n").contains("name: cfg\n")
        .contains("name: hello\n")
        .contains("kubectl.kubernetes.io/last-applied-configuration");
    write("pod2.yaml", POD.replace("name: hello", "name: solo"));
    String json = sh.run("kubectl create -f pod2.yaml -o json").out();
    assertThat(json).startsWith("{\n").contains("\"solo\"").doesNotContain("kind: Pod");
    assertThat(sh.run("kubectl apply -f pod2.yaml -o wide").err()).isEqualTo("error: unable to match a printer"
        + " suitable for the output format \"wide\", allowed formats are: json,name,yaml\n");
  }

  @Test
  void namespaceFlagAndManifestNamespace() throws Exception {
    write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: team\n");
    assertThat(sh.run("kubectl apply -f cm.yaml -n other")).isEqualTo(new Result(1, "", "error: the namespace from the"
        + " provided object \"team\" does not match the namespace \"other\". You must pass '--namespace=team' to perform"
        + " this operation.\n"));
    write("cm2.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg2\n");
    assertThat(sh.run("kubectl apply -f cm2.yaml -n other").err()).isEqualTo("Error from server (NotFound): error when"
        + " creating \"cm2.yaml\": namespaces \"other\" not found\n");
    sh.run("kubectl create namespace other");
    assertThat(sh.run("kubectl apply -f cm2.yaml -n other").out()).isEqualTo("configmap/cfg2 created\n");
    assertThat(sh.session().cluster().get(ResourceKind.CONFIGMAP, "other", "cfg2").getMetadata().getNamespace())
        .isEqualTo("other");
  }

  @Test
  void unknownFieldOnAnExistingObjectIsAPatchError() throws Exception {
    write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: b\n");
    sh.run("kubectl apply -f cm.yaml");
    write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndatta:\n  a: b\n");
    Result r = sh.run("kubectl apply -f cm.yaml");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    String annotation = "{\\\"apiVersion\\\":\\\"v1\\\",\\\"datta\\\":{\\\"a\\\":\\\"b\\\"},\\\"kind\\\":\\\"ConfigMap\\\","
        + "\\\"metadata\\\":{\\\"annotations\\\":{},\\\"name\\\":\\\"cfg\\\",\\\"namespace\\\":\\\"default\\\"}}\\n";
    assertThat(r.err()).isEqualTo("Error from server (BadRequest): error when applying patch:\n"
        + "{\"data\":null,\"datta\":{\"a\":\"b\"},\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\""
        + annotation + "\"}}}\n"
        + "to:\nResource: \"/v1, Resource=configmaps\", GroupVersionKind: \"/v1, Kind=ConfigMap\"\n"
        + "Name: \"cfg\", Namespace: \"default\"\n"
        + "for: \"cm.yaml\": error when patching \"cm.yaml\": strict decoding error: unknown field \"datta\"\n");
  }

  @Test
  void createSaveConfigLetsApplyTakeOverSilently() throws Exception {
    write("pod.yaml", POD);
    assertThat(sh.run("kubectl create -f pod.yaml --save-config").out()).isEqualTo("pod/hello created\n");
    assertThat(sh.run("kubectl apply -f pod.yaml")).isEqualTo(new Result(0, "pod/hello unchanged\n", ""));
  }
}
