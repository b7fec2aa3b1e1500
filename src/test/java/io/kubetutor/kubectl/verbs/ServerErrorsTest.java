package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.kubectl.Kubectl;
import io.kubetutor.kubectl.KubectlEnv;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the writing verbs print what the apiserver answers: an Invalid answer is printed from its
 * causes (the file name is lost, as in kubectl); other answers keep the file prefix.
 */
class ServerErrorsTest {

  @TempDir Path dir;

  private String[] run(ClusterException onCreate, String... args) {
    Cluster cluster = (Cluster) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Cluster.class},
        (proxy, method, a) -> switch (method.getName()) {
          case "get" -> throw ClusterException.notFound("deployments.apps", (String) a[2]);
          case "create" -> throw onCreate;
          case "defaultNamespace" -> "default";
          default -> throw new UnsupportedOperationException(method.getName());
        });
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    KubectlEnv env = new KubectlEnv() {
      @Override public Cluster cluster() { return cluster; }
      @Override public String namespace() { return "default"; }
      @Override public Path workdir() { return dir; }
      @Override public PrintWriter out() { return new PrintWriter(out, true); }
      @Override public PrintWriter err() { return new PrintWriter(err, true); }
      @Override public InputStream in() { return InputStream.nullInputStream(); }
    };
    int code = new Kubectl(env).execute(List.of(args));
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void invalidNameOfThreeHundredCharacters() throws Exception {
    String name = "a".repeat(300);
    Files.writeString(dir.resolve("d.yaml"), ApplyVerbTest.DEPLOY.replace("name: hello-deployment", "name: " + name));
    ClusterException invalid = ClusterException.invalid("Deployment", "apps", name,
        List.of(new ClusterException.Cause("metadata.name", "Invalid value: \"" + name + "\": must be no more than 253 characters")));
    assertThat(run(invalid, "apply", "-f", "d.yaml")).containsExactly("1", "", "The Deployment \"" + name
        + "\" is invalid: metadata.name: Invalid value: \"" + name + "\": must be no more than 253 characters\n");
  }

  @Test
  void forbiddenKeepsTheFilePrefix() throws Exception {
    Files.writeString(dir.resolve("d.yaml"), ApplyVerbTest.DEPLOY);
    ClusterException forbidden = ClusterException.forbidden("deployments.apps is forbidden: User \"student\" cannot"
        + " create resource \"deployments\" in API group \"apps\" in the namespace \"default\"");
    assertThat(run(forbidden, "create", "-f", "d.yaml")).containsExactly("1", "", "Error from server (Forbidden): error"
        + " when creating \"d.yaml\": deployments.apps is forbidden: User \"student\" cannot create resource"
        + " \"deployments\" in API group \"apps\" in the namespace \"default\"\n");
  }
}
