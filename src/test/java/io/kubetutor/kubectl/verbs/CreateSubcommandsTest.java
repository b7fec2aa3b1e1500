package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionFixture;
import io.kubetutor.shell.SessionHarness.Result;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden tests of the imperative create forms: messages, errors and client dry-run YAML. */
class CreateSubcommandsTest extends SessionFixture {

  @Test
  void createDeploymentStoresLabelledObject() {
    Result r = sh.run("kubectl create deployment web --image=nginx:1.25 --replicas=3 --port=80");
    assertThat(r.out()).isEqualTo("deployment.apps/web created\n");
    assertThat(r.exit()).isZero();
    Deployment d = (Deployment) sh.session().cluster().get(ResourceKind.DEPLOYMENT, "default", "web");
    assertThat(d.getMetadata().getLabels()).isEqualTo(Map.of("app", "web"));
    assertThat(d.getSpec().getReplicas()).isEqualTo(3);
    assertThat(d.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("app", "web"));
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getName()).isEqualTo("nginx");
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort()).isEqualTo(80);
  }

  @Test
  void createDeploymentAlreadyExistsIsWrapped() {
    sh.run("kubectl create deployment web --image=nginx");
    Result r = sh.run("kubectl create deployment web --image=nginx");
    assertThat(r.err()).isEqualTo("error: failed to create deployment: deployments.apps \"web\" already exists\n");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void createDeploymentNeedsImage() {
    Result r = sh.run("kubectl create deployment web");
    assertThat(r.err()).isEqualTo("error: required flag(s) \"image\" not set\n");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void createDeploymentDryRunYaml() {
    Result r = sh.run("kubectl create deployment hello --image=ubuntu:18.04 --dry-run=client -o yaml -- sleep 3600");
    assertThat(r.out()).isEqualTo("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          creationTimestamp: null
          labels:
            app: hello
          name: hello
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: hello
          strategy: {}
          template:
            metadata:
              creationTimestamp: null
              labels:
                app: hello
            spec:
              containers:
              - command:
                - sleep
                - "3600"
                image: ubuntu:18.04
                name: ubuntu
                resources: {}
        status: {}
        """);
    assertThat(sh.run("kubectl get deployments").out()).doesNotContain("hello");
  }

  @Test
  void createDeploymentDryRunNameLine() {
    assertThat(sh.run("kubectl create deploy x --image=nginx --dry-run=client").out())
        .isEqualTo("deployment.apps/x created (dry run)\n");
  }

  @Test
  void createNamespace() {
    assertThat(sh.run("kubectl create namespace dev").out()).isEqualTo("namespace/dev created\n");
    Result again = sh.run("kubectl create ns dev");
    assertThat(again.err()).isEqualTo("Error from server (AlreadyExists): namespaces \"dev\" already exists\n");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(sh.run("kubectl create namespace dev2 --dry-run=client -o yaml").out()).isEqualTo("""
        apiVersion: v1
        kind: Namespace
        metadata:
          creationTimestamp: null
          name: dev2
        spec: {}
        status: {}
        """);
  }

  @Test
  void createConfigMapFromLiteralsAndFiles() throws Exception {
    Files.writeString(dir.resolve("app.properties"), "color=blue\n");
    Result r = sh.run("kubectl create configmap cfg --from-literal=mode=dev --from-file=app.properties");
    assertThat(r.out()).isEqualTo("configmap/cfg created\n");
    ConfigMap cm = (ConfigMap) sh.session().cluster().get(ResourceKind.CONFIGMAP, "default", "cfg");
    assertThat(cm.getData()).isEqualTo(Map.of("mode", "dev", "app.properties", "color=blue\n"));
    assertThat(sh.run("kubectl create configmap c2 --from-literal=b=2 --from-literal=a=1 --dry-run=client -o yaml").out())
        .isEqualTo("""
            apiVersion: v1
            data:
              a: "1"
              b: "2"
            kind: ConfigMap
            metadata:
              creationTimestamp: null
              name: c2
            """);
  }

  @Test
  void createConfigMapErrors() {
    assertThat(sh.run("kubectl create configmap c --from-literal=novalue").err())
        .isEqualTo("error: invalid literal source novalue, expected key=value\n");
    assertThat(sh.run("kubectl create configmap c --from-literal=a=1 --from-literal=a=2").err())
        .isEqualTo("error: cannot add key a, another key by that name already exists in Data for ConfigMap \"c\"\n");
    sh.run("kubectl create configmap c --from-literal=a=1");
    assertThat(sh.run("kubectl create configmap c --from-literal=a=1").err())
        .isEqualTo("error: failed to create configmap: configmaps \"c\" already exists\n");
  }

  @Test
  void createSecretGenericEncodesValues() {
    assertThat(sh.run("kubectl create secret generic db --from-literal=password=s3cret").out())
        .isEqualTo("secret/db created\n");
    Secret s = (Secret) sh.session().cluster().get(ResourceKind.SECRET, "default", "db");
    assertThat(s.getData()).isEqualTo(Map.of("password", "czNjcmV0"));
    assertThat(sh.run("kubectl create secret generic x --from-literal=a=b --dry-run=client -o yaml").out())
        .isEqualTo("""
            apiVersion: v1
            data:
              a: Yg==
            kind: Secret
            metadata:
              creationTimestamp: null
              name: x
            """);
  }

  @Test
  void createServiceClusterIpDryRun() {
    assertThat(sh.run("kubectl create service clusterip web --tcp=80:8080 --dry-run=client -o yaml").out())
        .isEqualTo("""
            apiVersion: v1
            kind: Service
            metadata:
              creationTimestamp: null
              labels:
                app: web
              name: web
            spec:
              ports:
              - name: 80-8080
                port: 80
                protocol: TCP
                targetPort: 8080
              selector:
                app: web
              type: ClusterIP
            status:
              loadBalancer: {}
            """);
  }

  @Test
  void createServiceNodePortAndErrors() {
    assertThat(sh.run("kubectl create service nodeport web --tcp=80 --node-port=30080").out())
        .isEqualTo("service/web created\n");
    assertThat(sh.run("kubectl create service nodeport web --tcp=80").err())
        .isEqualTo("error: failed to create NodePort service: services \"web\" already exists\n");
    assertThat(sh.run("kubectl create service clusterip other").err())
        .isEqualTo("error: at least one tcp port specifier must be provided\n");
  }
}
