package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl create deployment NAME --image=IMG [--replicas=N] [--port=P] [-- COMMAND...]}:
 * a Deployment labelled {@code app=NAME}, one container per image, named after the image.
 */
@Command(name = "deployment", aliases = "deploy", description = "Create a deployment with the specified name")
public final class CreateDeploymentVerb extends Verb {

  @Parameters(arity = "0..*", paramLabel = "NAME") List<String> args = new ArrayList<>();

  @Option(names = "--image", description = "Image names to run.") List<String> images = new ArrayList<>();

  @Option(names = {"-r", "--replicas"}, defaultValue = "1", description = "Number of replicas to create.")
  int replicas;

  @Option(names = "--port", defaultValue = "-1", description = "The containerPort that this deployment exposes.")
  int port;

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Mixin WriteOutputOption output = new WriteOutputOption();

  @Override
  protected int run() {
    if (args.isEmpty()) throw KubectlException.usage("create deployment", "exactly one NAME is required, got 0");
    if (images.isEmpty()) throw new KubectlException("required flag(s) \"image\" not set");
    String name = args.get(0);
    List<String> command = args.subList(1, args.size());
    if (images.size() > 1 && !command.isEmpty()) {
      throw new KubectlException("cannot specify multiple --image options and command");
    }
    Map<String, String> labels = Map.of("app", name);
    List<Container> containers = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (String image : images) {
      ContainerBuilder c = new ContainerBuilder().withName(containerName(image, used)).withImage(image);
      if (!command.isEmpty()) c.withCommand(new ArrayList<>(command));
      containers.add(c.build());
    }
    if (port >= 0) containers.get(0).setPorts(List.of(new ContainerPortBuilder().withContainerPort(port).build()));
    Deployment d = new DeploymentBuilder()
        .withNewMetadata().withName(name).withLabels(labels).endMetadata()
        .withNewSpec().withReplicas(replicas)
        .withNewSelector().withMatchLabels(labels).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
        .withNewSpec().withContainers(containers).endSpec().endTemplate()
        .endSpec().build();
    // kubectl writes the namespace into a client-side object only when -n was given.
    if (namespaceFlag != null || dryRunOption.mode() != io.kubetutor.cluster.Cluster.DryRun.CLIENT) {
      d.getMetadata().setNamespace(namespace());
    }
    return GeneratedObject.createAndPrint(cluster(), out(), d, dryRunOption.flag, output.format,
        "failed to create deployment", "created");
  }

  /** The image's last path element without tag or digest; '_' becomes '-'; repeats get a suffix. */
  static String containerName(String image, Set<String> used) {
    String name = image.substring(image.lastIndexOf('/') + 1);
    if (name.contains(":")) name = name.substring(0, name.indexOf(':'));
    if (name.contains("@")) name = name.substring(0, name.indexOf('@'));
    name = name.replace('_', '-');
    String unique = name;
    for (int i = 2; !used.add(unique); i++) unique = name + "-" + i;
    return unique;
  }
}
