package io.kubetutor.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionHarness.Result;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-manifest corpus ({@code src/test/resources/robustness/manifests}, one file per case)
 * through a whole session, with {@code kubectl apply|create|replace -f FILE}: each prints the
 * exact text kubectl v1.31 prints (reference §5), exits 1 without a Java trace, leaves the store
 * as it was, and the next command still answers.
 */
class ManifestCorpusSessionTest {

  private static final String VALIDATE_OFF = "; if you choose to ignore these errors, turn validation off with"
      + " --validate=false";
  private static final String SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
      + " characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used"
      + " for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  private static final String LONG_NAME = "a".repeat(300);
  private static final String NS_70 = "n".repeat(70);

  @TempDir Path dir;

  /** How one corpus file fails under each verb. */
  private record Case(String file, String apply, String create, String replace) {
    Stream<Arguments> arguments() {
      return Stream.of(Arguments.of(file, "apply", apply), Arguments.of(file, "create", create),
          Arguments.of(file, "replace", replace));
    }
  }

  /** Refused by the client before anything is sent: the same text for every verb. */
  private static Case client(String file, String message) {
    return new Case(file, message, message, message);
  }

  /** The apiserver could not decode the body: kubectl's AddSourceToErr names the verb and the file. */
  private static Case undecodable(String file, String message) {
    String created = "Error from server (BadRequest): error when creating \"" + file + "\": " + message;
    String replaced = "Error from server (BadRequest): error when replacing \"" + file + "\": " + message;
    return new Case(file, created, created, replaced);
  }

  /** Decoded but invalid: create and apply get the Invalid causes; replace finds nothing to replace first. */
  private static Case invalid(String file, String message, String resource, String name) {
    return new Case(file, message, message,
        "Error from server (NotFound): error when replacing \"" + file + "\": " + resource + " \"" + name + "\" not found");
  }

  private static String parsing(String file, String detail) {
    return "error: error parsing " + file + ": " + detail;
  }

  private static String yaml(String file, String detail) {
    return parsing(file, "error converting YAML to JSON: yaml: " + detail);
  }

  private static String noMapping(String file, String name, String kind, String version) {
    return "error: resource mapping not found for name: \"" + name + "\" namespace: \"\" from \"" + file
        + "\": no matches for kind \"" + kind + "\" in version \"" + version + "\"\nensure CRDs are installed first";
  }

  private static String validating(String file, String detail) {
    return "error: error validating \"" + file + "\": error validating data: " + detail + VALIDATE_OFF;
  }

  static final List<Case> CORPUS = List.of(
      // YAML the parser refuses (go-yaml's texts and line numbers)
      client("tab-indent.yaml", yaml("tab-indent.yaml", "line 4: found character that cannot start any token")),
      client("mapping-values.yaml", yaml("mapping-values.yaml", "line 4: mapping values are not allowed in this context")),
      client("bad-indent.yaml", yaml("bad-indent.yaml", "line 4: did not find expected key")),
      client("unclosed-flow.yaml", yaml("unclosed-flow.yaml", "line 3: did not find expected ',' or '}'")),
      client("undefined-alias.yaml", yaml("undefined-alias.yaml", "unknown anchor 'missing' referenced")),
      client("binary.yaml", yaml("binary.yaml", "control characters are not allowed")),
      client("latin1.yaml", yaml("latin1.yaml", "invalid leading UTF-8 octet")),
      client("billion-laughs.yaml", yaml("billion-laughs.yaml", "document contains excessive aliasing")),
      client("deep-nesting.yaml", yaml("deep-nesting.yaml", "exceeded max depth of 100")),
      client("json-syntax.json", parsing("json-syntax.json",
          "json: offset 36: invalid character '}' looking for beginning of object key string")),
      client("json-truncated.json", parsing("json-truncated.json", "unexpected EOF")),
      // nothing in the file
      new Case("empty.yaml", "error: no objects passed to apply", "error: no objects passed to create",
          "error: no objects passed to replace"),
      new Case("separators-only.yaml", "error: no objects passed to apply", "error: no objects passed to create",
          "error: no objects passed to replace"),
      new Case("comments-only.yaml", "error: no objects passed to apply", "error: no objects passed to create",
          "error: no objects passed to replace"),
      // the client's schema check
      client("kind-missing.yaml", validating("kind-missing.yaml", "kind not set")),
      client("apiversion-missing.yaml", validating("apiversion-missing.yaml", "apiVersion not set")),
      client("both-missing.yaml", validating("both-missing.yaml", "[apiVersion not set, kind not set]")),
      client("top-level-list.yaml", validating("top-level-list.yaml", "invalid object to validate")),
      client("top-level-scalar.yaml", validating("top-level-scalar.yaml", "invalid object to validate")),
      // kinds and versions the server does not serve
      client("unknown-kind.yaml", noMapping("unknown-kind.yaml", "foo", "Foo", "v1")),
      client("deployment-core-v1.yaml", noMapping("deployment-core-v1.yaml", "web", "Deployment", "v1")),
      client("deployment-v1beta1.yaml", noMapping("deployment-v1beta1.yaml", "web", "Deployment", "apps/v1beta1")),
      // wrong types and unknown fields: the apiserver's decoder
      undecodable("replicas-string.yaml", "Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot"
          + " unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"),
      undecodable("image-number.yaml", "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal number"
          + " into Go struct field Container.spec.containers.image of type string"),
      undecodable("containers-map.yaml", "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal"
          + " object into Go struct field PodSpec.spec.containers of type []v1.Container"),
      undecodable("labels-list.yaml", "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal array"
          + " into Go struct field ObjectMeta.metadata.labels of type map[string]string"),
      undecodable("quantity-format.yaml", "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the"
          + " regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
      undecodable("quantity-suffix.yaml", "Pod in version \"v1\" cannot be handled as a Pod: unable to parse quantity's"
          + " suffix"),
      undecodable("unknown-field.yaml", "Deployment in version \"v1\" cannot be handled as a Deployment: strict"
          + " decoding error: unknown field \"spec.replica\""),
      // decoded, then refused by validation
      invalid("name-300.yaml", "The Pod \"" + LONG_NAME + "\" is invalid: metadata.name: Invalid value: \"" + LONG_NAME
          + "\": must be no more than 253 characters", "pods", LONG_NAME),
      invalid("name-uppercase.yaml", "The Pod \"MyPod\" is invalid: metadata.name: Invalid value: \"MyPod\": "
          + SUBDOMAIN, "pods", "MyPod"),
      invalid("unicode-name.yaml", "The Pod \"café-☕\" is invalid: metadata.name: Invalid value: \"café-☕\": "
          + SUBDOMAIN, "pods", "café-☕"),
      invalid("namespace-70.yaml", "The Namespace \"" + NS_70 + "\" is invalid: \n* metadata.name: Invalid value: \""
          + NS_70 + "\": must be no more than 63 characters\n* metadata.labels: Invalid value: \"" + NS_70
          + "\": must be no more than 63 characters", "namespaces", NS_70),
      invalid("label-value-invalid.yaml", "The Pod \"badlabel\" is invalid: metadata.labels: Invalid value: \"bad value!\":"
          + " a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must"
          + " start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for"
          + " validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')", "pods", "badlabel"),
      invalid("label-value-long.yaml", "The Pod \"longlabel\" is invalid: metadata.labels: Invalid value: \""
          + "a".repeat(70) + "\": must be no more than 63 characters", "pods", "longlabel"),
      invalid("label-key-invalid.yaml", "The Pod \"badkey\" is invalid: metadata.labels: Invalid value: \"-app\": name"
          + " part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
          + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')", "pods", "badkey"),
      invalid("image-missing.yaml", "The Pod \"noimage\" is invalid: spec.containers[0].image: Required value",
          "pods", "noimage"),
      invalid("selector-mismatch.yaml", "The Deployment \"hello\" is invalid: spec.template.metadata.labels: Invalid"
          + " value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`",
          "deployments.apps", "hello"),
      invalid("restart-never-deploy.yaml", "The Deployment \"never\" is invalid: spec.template.spec.restartPolicy:"
          + " Unsupported value: \"Never\": supported values: \"Always\"", "deployments.apps", "never"),
      // no name: apply asks for the live object first, create is refused by the server, replace by client-go
      new Case("name-missing.yaml", "error: error when retrieving current configuration of:\nResource: \"/v1,"
          + " Resource=pods\", GroupVersionKind: \"/v1, Kind=Pod\"\nName: \"\", Namespace: \"default\"\nfrom server for:"
          + " \"name-missing.yaml\": resource name may not be empty",
          "The Pod \"\" is invalid: metadata.name: Required value: name or generateName is required",
          "error: resource name may not be empty"));

  static Stream<Arguments> corpus() {
    return CORPUS.stream().flatMap(Case::arguments);
  }

  private static Path corpusDir() throws URISyntaxException {
    return Path.of(ManifestCorpusSessionTest.class.getResource("/robustness/manifests").toURI());
  }

  /** Every object in the store, by kind, namespace and name, with its resourceVersion. */
  private static Map<String, String> store(SessionHarness sh) {
    Map<String, String> all = new TreeMap<>();
    for (ResourceKind kind : ResourceKind.values()) {
      for (HasMetadata o : sh.session().cluster().list(kind, null, Selector.EVERYTHING, FieldSelector.EVERYTHING)) {
        all.put(kind.plural() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName(),
            o.getMetadata().getResourceVersion());
      }
    }
    return all;
  }

  /** Runs one bad command and checks everything the issue asks for around it. */
  private static void refused(SessionHarness sh, String line, String expectedErr) {
    Map<String, String> before = store(sh);
    Result r = sh.run(line);
    assertThat(r.err()).isEqualTo(expectedErr + "\n");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("internal error");
    assertThat(sh.run("kubectl get pods")).isEqualTo(new Result(0, "", "No resources found in default namespace.\n"));
    assertThat(store(sh)).as("the store after " + line).isEqualTo(before);
  }

  @ParameterizedTest(name = "kubectl {1} -f {0}")
  @MethodSource("corpus")
  void eachBadManifestIsRefusedWithKubectlsTextAndTheSessionGoesOn(String file, String verb, String expected)
      throws Exception {
    Files.copy(corpusDir().resolve(file), dir.resolve(file));
    try (SessionHarness sh = new SessionHarness(dir)) {
      refused(sh, "kubectl " + verb + " -f " + file, expected);
    }
  }

  @Test
  void theCorpusTableNamesEveryFileInTheCorpusOnce() throws Exception {
    List<String> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(corpusDir())) {
      list.map(p -> p.getFileName().toString()).sorted().forEach(files::add);
    }
    List<String> named = new ArrayList<>(CORPUS.stream().map(Case::file).toList());
    named.addAll(List.of("duplicate-keys.yaml", "bad-separator.yaml", "null-in-lists.yaml"));
    assertThat(named).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(files);
  }

  @ParameterizedTest(name = "kubectl {0} -f huge.yaml")
  @MethodSource("verbs")
  void aFileOverTheBoundIsRefusedBeforeItIsRead(String verb) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("huge.yaml").toFile(), "rw")) {
      f.setLength(50L * 1024 * 1024);  // sparse: fifty megabytes of nothing, on disk in no time
    }
    try (SessionHarness sh = new SessionHarness(dir)) {
      refused(sh, "kubectl " + verb + " -f huge.yaml",
          "error: the file \"huge.yaml\" is larger than 10 MB, the most a manifest may be here");
    }
  }

  static Stream<String> verbs() {
    return Stream.of("apply", "create", "replace");
  }

  @Test
  void aWholeCorpusInOneSessionLeavesItWorking() throws Exception {
    try (SessionHarness sh = new SessionHarness(dir)) {
      for (Case c : CORPUS) {
        Files.copy(corpusDir().resolve(c.file()), dir.resolve(c.file()));
        refused(sh, "kubectl apply -f " + c.file(), c.apply());
      }
      // a directory of bad files: every file's error, in name order, and still status 1
      Result all = sh.run("kubectl create -f .");
      assertThat(all.exit()).isEqualTo(1);
      assertThat(all.out()).isEmpty();
      for (Case c : CORPUS) {
        if (c.file().startsWith("empty") || c.file().endsWith("-only.yaml")) continue;  // nothing to say about these
        assertThat(all.err()).as("-f . names " + c.file() + " as Go's filepath.Walk does")
            .contains(c.create().lines().findFirst().orElseThrow());
      }
      assertThat(all.err()).doesNotContain("./").doesNotContain("Exception");
      assertThat(sh.run("kubectl apply -f ok.yaml").err()).isEqualTo("error: the path \"ok.yaml\" does not exist\n");
      Files.writeString(dir.resolve("ok.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n");
      assertThat(sh.run("kubectl apply -f ok.yaml")).isEqualTo(new Result(0, "configmap/ok created\n", ""));
    }
  }

  @Test
  void withValidationOffATopLevelListIsADecodeError() throws Exception {
    Files.copy(corpusDir().resolve("top-level-list.yaml"), dir.resolve("top-level-list.yaml"));
    try (SessionHarness sh = new SessionHarness(dir)) {
      refused(sh, "kubectl apply --validate=false -f top-level-list.yaml", "error: unable to decode"
          + " \"top-level-list.yaml\": json: cannot unmarshal array into Go value of type map[string]interface {}");
    }
  }

  @Test
  void replacingALiveObjectWithAnInvalidOneIsRefusedAndTheObjectStaysAsItWas() throws Exception {
    Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
        + "data:\n  mode: calm\n");
    Files.writeString(dir.resolve("cm-bad.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
        + "  labels:\n    tier: \"front end\"\ndata:\n  mode: wild\n");
    Files.writeString(dir.resolve("cm-typed.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
        + "data:\n  mode: [wild]\n");
    try (SessionHarness sh = new SessionHarness(dir)) {
      assertThat(sh.run("kubectl create -f cm.yaml")).isEqualTo(new Result(0, "configmap/settings created\n", ""));
      refused(sh, "kubectl replace -f cm-bad.yaml", "The ConfigMap \"settings\" is invalid: metadata.labels: Invalid"
          + " value: \"front end\": a valid label must be an empty string or consist of alphanumeric characters, '-',"
          + " '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or"
          + " '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
      refused(sh, "kubectl replace -f cm-typed.yaml", "Error from server (BadRequest): error when replacing"
          + " \"cm-typed.yaml\": ConfigMap in version \"v1\" cannot be handled as a ConfigMap: json: cannot unmarshal"
          + " array into Go struct field ConfigMap.data of type string");
      refused(sh, "kubectl create -f cm.yaml", "Error from server (AlreadyExists): error when creating \"cm.yaml\":"
          + " configmaps \"settings\" already exists");
      ConfigMap live = (ConfigMap) sh.session().cluster().get(ResourceKind.CONFIGMAP, "default", "settings");
      assertThat(live.getData()).isEqualTo(Map.of("mode", "calm"));
      assertThat(live.getMetadata().getLabels()).isNullOrEmpty();
    }
  }

  @Test
  void duplicateKeysAreReadLastOneWinsAsKubectlsYamlConversionDoes() throws Exception {
    Files.copy(corpusDir().resolve("duplicate-keys.yaml"), dir.resolve("duplicate-keys.yaml"));
    try (SessionHarness sh = new SessionHarness(dir)) {
      assertThat(sh.run("kubectl apply -f duplicate-keys.yaml")).isEqualTo(new Result(0, "configmap/dup created\n", ""));
      ConfigMap cm = (ConfigMap) sh.session().cluster().get(ResourceKind.CONFIGMAP, "default", "dup");
      assertThat(cm.getData()).isEqualTo(Map.of("colour", "blue"));
    }
  }

  @Test
  void nullsInListsAndMapsAreGoZeroValuesAndThePodRuns() throws Exception {
    Files.copy(corpusDir().resolve("null-in-lists.yaml"), dir.resolve("null-in-lists.yaml"));
    try (SessionHarness sh = new SessionHarness(dir)) {
      assertThat(sh.run("kubectl apply -f null-in-lists.yaml")).isEqualTo(new Result(0, "pod/nulls created\n", ""));
      sh.run("sim advance 30s");
      assertThat(sh.run("kubectl get pod nulls -o jsonpath={.spec.containers[0].command}"))
          .isEqualTo(new Result(0, "[\"sh\",\"-c\",\"\"]", ""));
      assertThat(sh.run("kubectl get pod nulls -o jsonpath={.metadata.labels}"))
          .isEqualTo(new Result(0, "{\"tier\":\"\"}", ""));
      assertThat(sh.run("kubectl get pod nulls -o jsonpath={.status.phase}").out()).isIn("Running", "Succeeded");
      assertThat(sh.run("kubectl get pods").exit()).isZero();
    }
  }

  @Test
  void aBadSeparatorStopsTheStreamAfterTheDocumentsBeforeIt() throws Exception {
    Files.copy(corpusDir().resolve("bad-separator.yaml"), dir.resolve("bad-separator.yaml"));
    try (SessionHarness sh = new SessionHarness(dir)) {
      Result r = sh.run("kubectl apply -f bad-separator.yaml");
      assertThat(r).isEqualTo(new Result(1, "configmap/first created\n",
          "error: error parsing bad-separator.yaml: invalid Yaml document separator: apiVersion: v1\n"));
      assertThat(sh.run("kubectl get configmaps -o name")).isEqualTo(new Result(0,
          "configmap/first\nconfigmap/kube-root-ca.crt\n", ""));
    }
  }
}
