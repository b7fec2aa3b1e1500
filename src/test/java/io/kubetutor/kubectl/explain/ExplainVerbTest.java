package io.kubetutor.kubectl.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden tests of {@code kubectl explain}, run through a session like a student types them. */
class ExplainVerbTest {

  @TempDir Path dir;
  SessionHarness shell;

  @BeforeEach
  void start() {
    shell = new SessionHarness(dir);
  }

  @AfterEach
  void stop() {
    shell.close();
  }

  @Test
  void explainPods() {
    SessionHarness.Result r = shell.run("kubectl explain pods");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("""
        KIND:       Pod
        VERSION:    v1

        DESCRIPTION:
            Pod is a collection of containers that can run on a host. This resource is
            created by clients and scheduled onto hosts.
           \s
        FIELDS:
          apiVersion\t<string>
            APIVersion defines the versioned schema of this representation of an object.
            Servers should convert recognized schemas to the latest internal value, and
            may reject unrecognized values. More info:
            https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources

          kind\t<string>
            Kind is a string value representing the REST resource this object
            represents. Servers may infer this from the endpoint the client submits
            requests to. Cannot be updated. In CamelCase. More info:
            https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds

          metadata\t<ObjectMeta>
            ObjectMeta is metadata that all persisted resources must have, which
            includes all objects users must create.

          spec\t<PodSpec>
            PodSpec is a description of a pod.

          status\t<PodStatus>
            PodStatus represents information about the status of a pod. Status may trail
            the actual state of a system, especially if the node that hosts the pod
            cannot contact the control plane.


        """);
  }

  @Test
  void explainDeploymentReplicas() {
    SessionHarness.Result r = shell.run("kubectl explain deployment.spec.replicas");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("GROUP:      apps\n"
        + "KIND:       Deployment\n"
        + "VERSION:    v1\n"
        + "\n"
        + "FIELD: replicas <integer>\n"
        + "\n"
        + "\n"
        + "DESCRIPTION:\n"
        + "    Number of desired pods. This is a pointer to distinguish between explicit\n"
        + "    zero and not specified. Defaults to 1.\n"
        + "    \n"
        + "\n");
  }

  @Test
  void groupQualifiedTypeAndShortNameGiveTheSameAnswer() {
    String viaShortName = shell.run("kubectl explain deploy.spec.replicas").out();
    assertThat(shell.run("kubectl explain deployments.apps.spec.replicas").out()).isEqualTo(viaShortName);
    assertThat(shell.run("kubectl explain deployments.v1.apps.spec.replicas").out()).isEqualTo(viaShortName);
    assertThat(viaShortName).contains("FIELD: replicas <integer>");
  }

  /**
   * The course's {@code imagePullPolicy} field, through a list ({@code containers}). The Kubernetes 1.31
   * server also lists {@code ENUM: Always, IfNotPresent, Never} here; the generated models our descriptions
   * come from drop enum values, so no {@code ENUM:} block is printed (the renderer prints one when the schema
   * has values: see ExplainRendererTest).
   */
  @Test
  void explainImagePullPolicyThroughTheContainerList() {
    SessionHarness.Result r = shell.run("kubectl explain deploy.spec.template.spec.containers.imagePullPolicy");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("GROUP:      apps\n"
        + "KIND:       Deployment\n"
        + "VERSION:    v1\n"
        + "\n"
        + "FIELD: imagePullPolicy <string>\n"
        + "\n"
        + "\n"
        + "DESCRIPTION:\n"
        + "    Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if\n"
        + "    :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More\n"
        + "    info: https://kubernetes.io/docs/concepts/containers/images#updating-images\n"
        + "    \n"
        + "\n");
  }

  @Test
  void objectFieldShowsItsTypeThenTheTypesFields() {
    String out = shell.run("kubectl explain pod.spec.containers").out();
    assertThat(out).startsWith("KIND:       Pod\n"
        + "VERSION:    v1\n"
        + "\n"
        + "FIELD: containers <[]Container>\n"
        + "\n"
        + "\n"
        + "DESCRIPTION:\n"
        + "    List of containers belonging to the pod. Containers cannot currently be\n"
        + "    added or removed. There must be at least one container in a Pod. Cannot be\n"
        + "    updated.\n"
        + "    A single application container that you want to run within a pod.\n"
        + "    \n"
        + "FIELDS:\n"
        + "  args\t<[]string>\n");
    assertThat(out).contains("\n  name\t<string> -required-\n"
        + "    Name of the container specified as a DNS_LABEL. Each container in a pod must\n"
        + "    have a unique name (DNS_LABEL). Cannot be updated.\n\n");
  }

  @Test
  void recursiveTreeHead() {
    SessionHarness.Result r = shell.run("kubectl explain deployment --recursive");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("GROUP:      apps\n"
        + "KIND:       Deployment\n"
        + "VERSION:    v1\n"
        + "\n"
        + "DESCRIPTION:\n"
        + "    Deployment enables declarative updates for Pods and ReplicaSets.\n"
        + "    \n"
        + "FIELDS:\n"
        + "  apiVersion\t<string>\n"
        + "  kind\t<string>\n"
        + "  metadata\t<ObjectMeta>\n"
        + "    annotations\t<map[string]string>\n"
        + "    creationTimestamp\t<string>\n"
        + "    deletionGracePeriodSeconds\t<integer>\n"
        + "    deletionTimestamp\t<string>\n"
        + "    finalizers\t<[]string>\n"
        + "    generateName\t<string>\n"
        + "    generation\t<integer>\n"
        + "    labels\t<map[string]string>\n"
        + "    managedFields\t<[]ManagedFieldsEntry>\n"
        + "      apiVersion\t<string>\n");
    assertThat(r.out()).contains("\n  spec\t<DeploymentSpec>\n    minReadySeconds\t<integer>\n");
    assertThat(r.out()).contains("\n        containers\t<[]Container> -required-\n          args\t<[]string>\n");
    assertThat(r.out()).contains("\n          imagePullPolicy\t<string>\n");
    assertThat(r.out()).endsWith("\t<integer>\n\n");
    assertThat(r.out()).doesNotContain("    Number of desired pods");
  }

  @Test
  void recursiveFromAFieldListsOnlyItsSubtree() {
    String out = shell.run("kubectl explain deploy.spec.strategy --recursive").out();
    assertThat(out).endsWith("FIELDS:\n"
        + "  rollingUpdate\t<RollingUpdateDeployment>\n"
        + "    maxSurge\t<IntOrString>\n"
        + "    maxUnavailable\t<IntOrString>\n"
        + "  type\t<string>\n"
        + "\n");
  }

  @Test
  void unknownFieldIsAnError() {
    SessionHarness.Result r = shell.run("kubectl explain pods.spec.foo");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("error: field \"foo\" does not exist\n");
  }

  @Test
  void kubectlNamesTheLastElementOfAPathThatLeftTheSchemaEarlier() {
    assertThat(shell.run("kubectl explain pods.spec.foo.bar").err()).isEqualTo("error: field \"bar\" does not exist\n");
    assertThat(shell.run("kubectl explain deploy.spec.replicas.x").err()).isEqualTo("error: field \"x\" does not exist\n");
  }

  @Test
  void unknownTypeIsAnError() {
    SessionHarness.Result r = shell.run("kubectl explain foo");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("error: the server doesn't have a resource type \"foo\"\n");
    assertThat(shell.run("kubectl explain foo.spec").err())
        .isEqualTo("error: the server doesn't have a resource type \"foo\"\n");
  }

  @Test
  void missingOrExtraArguments() {
    SessionHarness.Result none = shell.run("kubectl explain");
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.err()).isEqualTo("error: You must specify the type of resource to explain. "
        + "Use \"kubectl api-resources\" for a complete list of supported resources.\n");
    assertThat(shell.run("kubectl explain pods nodes").err())
        .isEqualTo("error: We accept only this format: explain RESOURCE\n");
  }

  @Test
  void apiVersionFlag() {
    String plain = shell.run("kubectl explain deployments").out();
    assertThat(shell.run("kubectl explain deployments --api-version=apps/v1").out()).isEqualTo(plain);
    assertThat(shell.run("kubectl explain pods --api-version=v1").out()).startsWith("KIND:       Pod\n");

    SessionHarness.Result unserved = shell.run("kubectl explain deployments --api-version=apps/v2");
    assertThat(unserved.exit()).isEqualTo(1);
    assertThat(unserved.err()).isEqualTo("error: couldn't find resource for \"apps/v2, Resource=deployments\"\n");
    assertThat(shell.run("kubectl explain pods --api-version=apps/v1").err())
        .isEqualTo("error: GVR (apps/v1, Resource=pods) not found in OpenAPI schema\n");
  }

  @Test
  void outputFormats() {
    String plain = shell.run("kubectl explain svc.spec.type").out();
    assertThat(shell.run("kubectl explain svc.spec.type --output=plaintext").out()).isEqualTo(plain);
    assertThat(plain).contains("FIELD: type <string>");

    SessionHarness.Result v2 = shell.run("kubectl explain svc --output=plaintext-openapiv2");
    assertThat(v2.exit()).isEqualTo(1);
    assertThat(v2.err()).startsWith("error: --output plaintext-openapiv2 is not supported");
    SessionHarness.Result bad = shell.run("kubectl explain svc --output=yaml");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).isEqualTo("error: unrecognized format: yaml\n");
  }
}
