package io.kubetutor.kubectl.verbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.shell.SessionHarness;
import io.kubetutor.shell.SessionFixture;
import io.kubetutor.shell.SessionHarness.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden tests of run, expose and cluster-info. */
class RunExposeClusterInfoTest extends SessionFixture {

  @Test
  void runCreatesPodLabelledRun() {
    Result r = sh.run("kubectl run hello --image=ubuntu:18.04 --restart=Never --env=A=1 --port=8080 -- sleep 3600");
    assertThat(r.out()).isEqualTo("pod/hello created\n");
    Pod p = (Pod) sh.session().cluster().get(ResourceKind.POD, "default", "hello");
    assertThat(p.getMetadata().getLabels()).isEqualTo(Map.of("run", "hello"));
    assertThat(p.getSpec().getRestartPolicy()).isEqualTo("Never");
    assertThat(p.getSpec().getContainers().get(0).getArgs()).isEqualTo(List.of("sleep", "3600"));
    assertThat(p.getSpec().getContainers().get(0).getCommand()).isEmpty();
    assertThat(p.getSpec().getContainers().get(0).getEnv().get(0).getValue()).isEqualTo("1");
    Result again = sh.run("kubectl run hello --image=nginx");
    assertThat(again.err()).isEqualTo("Error from server (AlreadyExists): pods \"hello\" already exists\n");
  }

  @Test
  void runDryRunYaml() {
    assertThat(sh.run("kubectl run web --image=nginx --port=80 --command --dry-run=client -o yaml -- nginx -g daemon").out())
        .isEqualTo("""
            apiVersion: v1
            kind: Pod
            metadata:
              creationTimestamp: null
              labels:
                run: web
              name: web
            spec:
              containers:
              - command:
                - nginx
                - -g
                - daemon
                image: nginx
                name: web
                ports:
                - containerPort: 80
                resources: {}
              dnsPolicy: ClusterFirst
              restartPolicy: Always
            status: {}
            """);
  }

  @Test
  void runErrors() {
    assertThat(sh.run("kubectl run x").err()).isEqualTo("error: required flag(s) \"image\" not set\n");
    assertThat(sh.run("kubectl run x --image=nginx --restart=Sometimes").err())
        .isEqualTo("error: invalid restart policy: Sometimes\n");
    Result noName = sh.run("kubectl run --image=nginx");
    assertThat(noName.err()).isEqualTo("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
    assertThat(noName.exit()).isEqualTo(1);
    Result it = sh.run("kubectl run -it x --image=busybox -- sh");
    assertThat(it.exit()).isEqualTo(1);
    assertThat(it.err()).startsWith("error: attaching to the pod (-i/-t) is not supported");
  }

  @Test
  void exposeDeploymentUsesItsSelectorAndPort() {
    sh.run("kubectl create deployment web --image=nginx --port=80");
    Result r = sh.run("kubectl expose deployment web --type=NodePort --target-port=80 --port=8080");
    assertThat(r.out()).isEqualTo("service/web exposed\n");
    Service s = (Service) sh.session().cluster().get(ResourceKind.SERVICE, "default", "web");
    assertThat(s.getSpec().getSelector()).isEqualTo(Map.of("app", "web"));
    assertThat(s.getSpec().getType()).isEqualTo("NodePort");
    assertThat(s.getSpec().getPorts().get(0).getPort()).isEqualTo(8080);
    assertThat(s.getSpec().getPorts().get(0).getTargetPort().getIntVal()).isEqualTo(80);
  }

  @Test
  void exposeIntrospectsPortsAndPrintsDryRun() {
    sh.run("kubectl run hello --image=nginx --port=80");
    assertThat(sh.run("kubectl expose pod/hello --name=hello-svc --dry-run=client -o yaml").out()).isEqualTo("""
        apiVersion: v1
        kind: Service
        metadata:
          creationTimestamp: null
          labels:
            run: hello
          name: hello-svc
        spec:
          ports:
          - port: 80
            protocol: TCP
            targetPort: 80
          selector:
            run: hello
        status:
          loadBalancer: {}
        """);
  }

  @Test
  void exposeErrors() {
    sh.run("kubectl create deployment web --image=nginx");
    Result noPort = sh.run("kubectl expose deployment web");
    assertThat(noPort.err()).isEqualTo("error: couldn't find port via --port flag or introspection\n"
        + "See 'kubectl expose -h' for help and examples\n");
    assertThat(noPort.exit()).isEqualTo(1);
    assertThat(sh.run("kubectl expose deployment nope --port=80").err())
        .isEqualTo("Error from server (NotFound): deployments.apps \"nope\" not found\n");
    sh.run("kubectl create configmap c --from-literal=a=b");
    assertThat(sh.run("kubectl expose configmap c --port=80").err()).isEqualTo("error: cannot expose a ConfigMap\n");
  }

  @Test
  void clusterInfoOnTheSimulator() {
    Result r = sh.run("kubectl cluster-info");
    assertThat(r.out()).isEqualTo("""
        Kubernetes control plane is running at https://127.0.0.1:6443
        CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy

        To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.
        """);
    assertThat(r.exit()).isZero();
  }
}
