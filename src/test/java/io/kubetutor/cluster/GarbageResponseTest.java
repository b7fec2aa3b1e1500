package io.kubetutor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionHarness.Result;
import io.kubetutor.shell.SessionOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server (or a proxy in front of it) that answers with something other than the API's JSON:
 * each case ends in a kubectl-shaped error, non-zero status, and the shell goes on.
 */
@Timeout(120)  // a guard against hanging, not a measurement
class GarbageResponseTest {

  static final String PODS = "/api/v1/namespaces/wallen/pods";

  @TempDir Path dir;
  MockApiServer mock;
  SessionHarness sh;

  @BeforeEach
  void start() throws Exception {
    mock = new MockApiServer();
    sh = new SessionHarness(new SessionOptions("mock", null, 1, "virtual", Duration.ofSeconds(5), dir, false, false,
        false, false, mock.writeKubeconfig(dir), null));
  }

  @AfterEach
  void stop() {
    sh.close();
    mock.close();
  }

  Result getPodsAnswered(int code, String body) {
    mock.server.expect().get().withPath(PODS).andReturn(code, body).once();
    return sh.run("kubectl get pods");
  }

  void shellGoesOn() {
    Result next = sh.run("kubectl get pods");
    assertThat(next.err()).isEqualTo("No resources found in wallen namespace.\n");
    assertThat(next.exit()).isZero();
  }

  @Test
  void okWithNonJson() {
    Result r = getPodsAnswered(200, "hello, I am not JSON");
    assertThat(r.err()).isEqualTo("error: the server answered GET " + PODS + " with something that is not JSON\n");
    assertThat(r.out()).isEmpty();
    assertThat(r.exit()).isEqualTo(1);
    shellGoesOn();
  }

  @Test
  void okWithTruncatedJson() {
    Result r = getPodsAnswered(200, "{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"items\":[{\"metadata\":{\"na");
    assertThat(r.err()).isEqualTo("error: the server answered GET " + PODS + " with something that is not JSON\n");
    assertThat(r.exit()).isEqualTo(1);
    shellGoesOn();
  }

  @Test
  void htmlBadGatewayFromAProxy() {
    Result r = getPodsAnswered(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
    // apimachinery's generic server response: any 5xx without a Status body is an InternalError quoting the body.
    assertThat(r.err()).isEqualTo("Error from server (InternalError): an error on the server "
        + "(\"<html><body><h1>502 Bad Gateway</h1></body></html>\") has prevented the request from succeeding (get pods)\n");
    assertThat(r.exit()).isEqualTo(1);
    shellGoesOn();
  }

  @Test
  void genericAnswersNameTheRequestAsClientGoDoes() {
    assertThat(Fabric8Errors.requestTarget("GET", "/api/v1/namespaces/wallen/pods")).isEqualTo(" (get pods)");
    assertThat(Fabric8Errors.requestTarget("GET", "/apis/apps/v1/namespaces/wallen/deployments/web"))
        .isEqualTo(" (get deployments.apps web)");
    assertThat(Fabric8Errors.requestTarget("PUT", "/apis/apps/v1/namespaces/wallen/deployments/web/scale"))
        .isEqualTo(" (put deployments.apps web)");
    assertThat(Fabric8Errors.requestTarget("GET", "/api/v1/namespaces/wallen")).isEqualTo(" (get namespaces wallen)");
    assertThat(Fabric8Errors.requestTarget("GET", "/api/v1/nodes?limit=500")).isEqualTo(" (get nodes)");
    assertThat(Fabric8Errors.requestTarget("GET", "/version")).isEmpty();
    assertThat(Fabric8Errors.goQuoted("a \"b\"\n\tc\\")).isEqualTo("\"a \\\"b\\\"\\n\\tc\\\\\"");
    assertThat(Fabric8Errors.generic(503, "", " (get pods)").toKubectlMessage())
        .isEqualTo("Error from server (ServiceUnavailable): the server is currently unable to handle the request (get pods)");
  }
}
