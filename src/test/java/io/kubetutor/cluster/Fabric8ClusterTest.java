package io.kubetutor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The port on a real API server: fabric8's mock server in CRUD mode, with expectations where CRUD falls short. */
@Timeout(60)  // a guard against hanging, not a measurement
class Fabric8ClusterTest {

  static final Fabric8Cluster.Timeouts QUICK = new Fabric8Cluster.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));

  @TempDir Path dir;
  MockApiServer mock;
  Fabric8Cluster cluster;

  @BeforeEach
  void start() throws Exception {
    mock = new MockApiServer();
    cluster = mock.cluster(dir, Fabric8Cluster.Timeouts.DEFAULT);
  }

  @AfterEach
  void stop() {
    cluster.close();
    mock.close();
  }

  static Pod pod(String name, String app) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace("wallen").addToLabels("app", app)
        .endMetadata().withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").endContainer()
        .endSpec().build();
  }

  @Test
  void contextNamespaceAndIdentityComeFromTheKubeconfigWithoutConnecting() {
    assertThat(cluster.contextName()).isEqualTo("mock");
    assertThat(cluster.defaultNamespace()).isEqualTo("wallen");
    assertThat(cluster.isSimulator()).isFalse();
    assertThat(cluster.clock().quiescent()).isFalse();
    assertThat(mock.server.getRequestCount()).isZero();
  }

  @Test
  void createGetListAndDeleteRoundTripThroughTheApi() {
    HasMetadata created = cluster.create(pod("web-1", "web"), Cluster.DryRun.NONE);
    assertThat(created).isInstanceOf(Pod.class);
    assertThat(created.getMetadata().getResourceVersion()).isNotEmpty();
    cluster.create(pod("web-2", "web"), Cluster.DryRun.NONE);
    cluster.create(pod("db-1", "db"), Cluster.DryRun.NONE);

    Pod got = (Pod) cluster.get(ResourceKind.POD, "wallen", "web-1");
    assertThat(got.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27");
    assertThat(got.getKind()).isEqualTo("Pod");

    List<HasMetadata> web = cluster.list(ResourceKind.POD, "wallen", Selector.parse("app=web"), FieldSelector.EVERYTHING);
    assertThat(web).extracting(o -> o.getMetadata().getName()).containsExactly("web-1", "web-2");
    assertThat(web).allSatisfy(o -> {
      assertThat(o.getApiVersion()).isEqualTo("v1");
      assertThat(o.getKind()).isEqualTo("Pod");
    });
    // Set-based selectors hold even where the server ignores them (the mock does).
    List<HasMetadata> notWeb = cluster.list(ResourceKind.POD, "wallen", Selector.parse("app notin (web)"),
        FieldSelector.EVERYTHING);
    assertThat(notWeb).extracting(o -> o.getMetadata().getName()).containsExactly("db-1");

    HasMetadata deleted = cluster.delete(ResourceKind.POD, "wallen", "web-1", DeleteOptions.DEFAULT);
    assertThat(deleted.getMetadata().getName()).isEqualTo("web-1");
    assertThatThrownBy(() -> cluster.get(ResourceKind.POD, "wallen", "web-1"))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.isNotFound()).isTrue());
  }

  @Test
  void listSendsBothSelectorsToTheServer() throws Exception {
    cluster.list(ResourceKind.POD, "wallen", Selector.parse("app=web,tier in (front)"),
        FieldSelector.parse("status.phase=Running"));
    RecordedRequest r = mock.server.getLastRequest();
    assertThat(r.getPath()).isEqualTo("/api/v1/namespaces/wallen/pods?labelSelector=app%3Dweb%2Ctier+in+%28front%29"
        + "&fieldSelector=status.phase%3DRunning");
    // Raw API calls carry the kubeconfig user's credentials.
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer s3cr3t-token");
  }

  @Test
  void groupedKindsUseTheirApiGroupPathAndAllNamespacesHasNoNamespace() throws Exception {
    Deployment d = new DeploymentBuilder().withNewMetadata().withName("hello").withNamespace("wallen").endMetadata()
        .withNewSpec().withReplicas(2).endSpec().build();
    cluster.create(d, Cluster.DryRun.NONE);
    assertThat(mock.server.getLastRequest().getPath()).isEqualTo("/apis/apps/v1/namespaces/wallen/deployments");
    List<HasMetadata> all = cluster.list(ResourceKind.DEPLOYMENT, null, Selector.EVERYTHING, FieldSelector.EVERYTHING);
    assertThat(mock.server.getLastRequest().getPath()).isEqualTo("/apis/apps/v1/deployments");
    assertThat(all).singleElement().isInstanceOf(Deployment.class);
  }

  @Test
  void createOfAnExistingObjectIsRefusedWithTheServersStatus() {
    cluster.create(pod("web-1", "web"), Cluster.DryRun.NONE);
    // The CRUD mock words it its own way (reason Invalid); the status is passed through unchanged.
    assertThatThrownBy(() -> cluster.create(pod("web-1", "web"), Cluster.DryRun.NONE))
        .isInstanceOfSatisfying(ClusterException.class, e -> {
          assertThat(e.code()).isEqualTo(409);
          assertThat(e.toKubectlMessage()).isEqualTo("Error from server (Invalid): Pod 'web-1' already exists");
        });
  }

  @Test
  void alreadyExistsFromAnApiserverPrintsAsKubectl() {
    mock.server.expect().post().withPath("/api/v1/namespaces/wallen/pods")
        .andReturn(409, status(409, "AlreadyExists", "pods \"web-1\" already exists")).once();
    assertThatThrownBy(() -> cluster.create(pod("web-1", "web"), Cluster.DryRun.NONE))
        .isInstanceOfSatisfying(ClusterException.class, e -> {
          assertThat(e.toKubectlMessage()).isEqualTo("Error from server (AlreadyExists): pods \"web-1\" already exists");
          assertThat(e.isAlreadyExists()).isTrue();
        });
  }

  @Test
  void updateIsAPutAndAStaleResourceVersionIsRefused() {
    Pod created = (Pod) cluster.create(pod("web-1", "web"), Cluster.DryRun.NONE);
    Pod changed = new PodBuilder(created).editMetadata().addToLabels("tier", "front").endMetadata().build();
    Pod updated = (Pod) cluster.update(changed, Cluster.DryRun.NONE);
    assertThat(updated.getMetadata().getLabels()).containsEntry("tier", "front");
    assertThat(updated.getMetadata().getResourceVersion()).isNotEqualTo(created.getMetadata().getResourceVersion());

    Pod stale = new PodBuilder(created).editMetadata().addToLabels("tier", "back").endMetadata().build();
    assertThatThrownBy(() -> cluster.update(stale, Cluster.DryRun.NONE))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.code()).isEqualTo(409));
  }

  @Test
  void conflictFromAnApiserverPrintsAsKubectl() {
    String msg = "Operation cannot be fulfilled on deployments.apps \"hello\": the object has been modified; please"
        + " apply your changes to the latest version and try again";
    mock.server.expect().put().withPath("/apis/apps/v1/namespaces/wallen/deployments/hello")
        .andReturn(409, status(409, "Conflict", msg)).once();
    Deployment d = new DeploymentBuilder().withNewMetadata().withName("hello").withResourceVersion("7").endMetadata()
        .build();
    assertThatThrownBy(() -> cluster.update(d, Cluster.DryRun.NONE))
        .isInstanceOfSatisfying(ClusterException.class, e -> {
          assertThat(e.toKubectlMessage()).isEqualTo("Error from server (Conflict): " + msg);
          assertThat(e.isConflict()).isTrue();
        });
  }

  @Test
  void updateStatusWritesTheStatusSubresource() throws Exception {
    Pod created = (Pod) cluster.create(pod("web-1", "web"), Cluster.DryRun.NONE);
    Pod running = new PodBuilder(created).withNewStatus().withPhase("Running").endStatus().build();
    cluster.updateStatus(running);
    RecordedRequest r = mock.server.getLastRequest();
    assertThat(r.getMethod()).isEqualTo("PUT");
    assertThat(r.getPath()).isEqualTo("/api/v1/namespaces/wallen/pods/web-1/status");
    assertThat(((Pod) cluster.get(ResourceKind.POD, "wallen", "web-1")).getStatus().getPhase()).isEqualTo("Running");
  }

  @Test
  void serverDryRunAsksTheServerAndClientDryRunNeverCallsIt() throws Exception {
    cluster.create(pod("web-1", "web"), Cluster.DryRun.SERVER);
    assertThat(mock.server.getLastRequest().getPath()).isEqualTo("/api/v1/namespaces/wallen/pods?dryRun=All");
    int before = mock.server.getRequestCount();
    HasMetadata local = cluster.create(pod("web-9", "web"), Cluster.DryRun.CLIENT);
    assertThat(local.getMetadata().getName()).isEqualTo("web-9");
    assertThat(mock.server.getRequestCount()).isEqualTo(before);
  }

  @Test
  void deleteSendsGracePeriodPropagationAndDryRun() throws Exception {
    cluster.create(pod("web-1", "web"), Cluster.DryRun.NONE);
    cluster.delete(ResourceKind.POD, "wallen", "web-1",
        new DeleteOptions(0L, DeleteOptions.Propagation.FOREGROUND, Cluster.DryRun.NONE));
    RecordedRequest r = mock.server.getLastRequest();
    assertThat(r.getMethod()).isEqualTo("DELETE");
    assertThat(r.getPath()).isEqualTo("/api/v1/namespaces/wallen/pods/web-1");
    assertThat(r.getUtf8Body()).contains("\"gracePeriodSeconds\":0").contains("\"propagationPolicy\":\"Foreground\"");

    mock.server.expect().delete().withPath("/api/v1/namespaces/wallen/pods/web-2?dryRun=All")
        .andReturn(200, pod("web-2", "web")).once();
    HasMetadata answer = cluster.delete(ResourceKind.POD, "wallen", "web-2",
        new DeleteOptions(null, DeleteOptions.Propagation.BACKGROUND, Cluster.DryRun.SERVER));
    assertThat(answer.getMetadata().getName()).isEqualTo("web-2");
    assertThat(mock.server.getLastRequest().getUtf8Body()).contains("\"dryRun\":[\"All\"]")
        .contains("\"propagationPolicy\":\"Background\"").doesNotContain("gracePeriodSeconds");
  }

  @Test
  void deleteOfAMissingObjectIsNotFound() {
    assertThatThrownBy(() -> cluster.delete(ResourceKind.POD, "wallen", "ghost", DeleteOptions.DEFAULT))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.isNotFound()).isTrue());
  }

  @Test
  void notFoundKeepsTheServersMessage() {
    mock.server.expect().get().withPath("/apis/apps/v1/namespaces/wallen/deployments/nope")
        .andReturn(404, status(404, "NotFound", "deployments.apps \"nope\" not found")).once();
    assertThatThrownBy(() -> cluster.get(ResourceKind.DEPLOYMENT, "wallen", "nope"))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.toKubectlMessage())
            .isEqualTo("Error from server (NotFound): deployments.apps \"nope\" not found"));
  }

  @Test
  void forbiddenPrintsAsTheCourseShowsIt() {
    String msg = "pods is forbidden: User \"system:serviceaccount:USERNAME:USERNAME\" cannot list resource \"pods\""
        + " in API group \"\" in the namespace \"wallen\"";
    mock.server.expect().get().withPath("/api/v1/namespaces/wallen/pods").andReturn(403, status(403, "Forbidden", msg))
        .once();
    assertThatThrownBy(() -> cluster.list(ResourceKind.POD, "wallen", Selector.EVERYTHING, FieldSelector.EVERYTHING))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.toKubectlMessage())
            .isEqualTo("Error from server (Forbidden): " + msg));
  }

  @Test
  void unauthorizedAsksToLogIn() {
    mock.server.expect().get().withPath("/api/v1/namespaces/wallen/pods/web")
        .andReturn(401, status(401, "Unauthorized", "Unauthorized")).always();
    assertThatThrownBy(() -> cluster.get(ResourceKind.POD, "wallen", "web"))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.toKubectlMessage())
            .isEqualTo("error: You must be logged in to the server (Unauthorized)"));
  }

  @Test
  void anAnswerThatIsNotAStatusGetsClientGosGenericText() {
    mock.server.expect().get().withPath("/api/v1/namespaces/wallen/pods/web").andReturn(401, "nope").always();
    assertThatThrownBy(() -> cluster.get(ResourceKind.POD, "wallen", "web"))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.toKubectlMessage())
            .isEqualTo("error: You must be logged in to the server (the server has asked for the client to provide"
                + " credentials (get pods web))"));
  }

  @Test
  void invalidPrintsItsCauses() {
    Status invalid = new StatusBuilder().withStatus("Failure").withCode(422).withReason("Invalid")
        .withMessage("Deployment.apps \"hello\" is invalid: [spec.replicas: Invalid value: -1: must be greater than or"
            + " equal to 0, spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"x\"}: `selector`"
            + " does not match template `labels`]")
        .withNewDetails().withName("hello").withGroup("apps").withKind("Deployment")
        .addNewCause().withField("spec.replicas").withReason("FieldValueInvalid")
        .withMessage("Invalid value: -1: must be greater than or equal to 0").endCause()
        .addNewCause().withField("spec.template.metadata.labels").withReason("FieldValueInvalid")
        .withMessage("Invalid value: map[string]string{\"app\":\"x\"}: `selector` does not match template `labels`")
        .endCause().endDetails().build();
    mock.server.expect().post().withPath("/apis/apps/v1/namespaces/wallen/deployments").andReturn(422, invalid).once();
    Deployment d = new DeploymentBuilder().withNewMetadata().withName("hello").endMetadata().build();
    assertThatThrownBy(() -> cluster.create(d, Cluster.DryRun.NONE))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.toKubectlMessage()).isEqualTo(
            "The Deployment \"hello\" is invalid: \n"
                + "* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n"
                + "* spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"x\"}: `selector` does"
                + " not match template `labels`"));
  }

  @Test
  void badRequestFromLogsOfAMultiContainerPod() {
    String msg = "a container name must be specified for pod web, choose one of: [web sidecar]";
    mock.server.expect().get().withPath("/api/v1/namespaces/wallen/pods/web/log")
        .andReturn(400, status(400, "BadRequest", msg)).once();
    assertThatThrownBy(() -> cluster.logs("wallen", "web", LogOptions.DEFAULT))
        .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.toKubectlMessage())
            .isEqualTo("Error from server (BadRequest): " + msg));
  }

  @Test
  void logsPassEveryOptionAndReturnTheText() {
    mock.server.expect().get().withPath("/api/v1/namespaces/wallen/pods/web/log?container=nginx&previous=true"
            + "&sinceTime=2024-05-01T10%3A00%3A00Z&tailLines=2&timestamps=true")
        .andReturn(200, "2024-05-01T10:00:01Z line one\n2024-05-01T10:00:02Z line two\n").once();
    String text = cluster.logs("wallen", "web",
        new LogOptions("nginx", true, true, Instant.parse("2024-05-01T10:00:00Z"), 2));
    assertThat(text).isEqualTo("2024-05-01T10:00:01Z line one\n2024-05-01T10:00:02Z line two\n");
  }

  @Test
  void serverVersionIsReadFromSlashVersion() {
    mock.server.setVersionInfo(new io.fabric8.kubernetes.client.VersionInfo.Builder().withMajor("1").withMinor("31")
        .withGitVersion("v1.31.2").withGitCommit("abc").withGitTreeState("clean").withGoVersion("go1.22.8")
        .withCompiler("gc").withPlatform("linux/amd64").build());
    Cluster.VersionInfo v = cluster.serverVersion();
    assertThat(v.gitVersion()).isEqualTo("v1.31.2");
    assertThat(v.minor()).isEqualTo("31");
    assertThat(v.platform()).isEqualTo("linux/amd64");
  }

  @Test
  void watchDeliversChangesOfMatchingObjects() throws Exception {
    cluster.create(pod("web-0", "web"), Cluster.DryRun.NONE);  // existed before: not an event
    BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    try (AutoCloseable handle = cluster.watch(ResourceKind.POD, "wallen", Selector.parse("app=web"), events::add)) {
      cluster.create(pod("db-1", "db"), Cluster.DryRun.NONE);
      cluster.create(pod("web-1", "web"), Cluster.DryRun.NONE);
      WatchEvent first = events.poll(20, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(first.type()).isEqualTo(WatchEvent.Type.ADDED);
      assertThat(first.object().getMetadata().getName()).isEqualTo("web-1");
      cluster.delete(ResourceKind.POD, "wallen", "web-1", DeleteOptions.DEFAULT);
      WatchEvent second = events.poll(20, TimeUnit.SECONDS);
      assertThat(second).isNotNull();
      assertThat(second.type()).isEqualTo(WatchEvent.Type.DELETED);
    }
  }

  @Test
  void unreadableCertificateFilesAreAConfigurationErrorNotAStackTrace() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("bad"), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster:
            server: https://127.0.0.1:1
            certificate-authority: missing-ca.crt
        contexts:
        - name: c
          context: {cluster: c, user: u}
        users:
        - name: u
          user: {token: t}
        """);
    Fabric8Cluster bad = Fabric8Cluster.forContext(Kubeconfig.load(dir.resolve("bad"), null, dir), "c", QUICK);
    try {
      assertThatThrownBy(() -> bad.get(ResourceKind.POD, "default", "x"))
          .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.toKubectlMessage())
              .startsWith("Error in configuration: ").contains("missing-ca.crt"));
    } finally {
      bad.close();
    }
  }

  @Test
  void afterCloseNoMoreCallsAreMade() {
    cluster.close();
    assertThatThrownBy(() -> cluster.get(ResourceKind.POD, "wallen", "web"))
        .isInstanceOf(ClusterException.class);
  }

  static Status status(int code, String reason, String message) {
    return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message).build();
  }
}
