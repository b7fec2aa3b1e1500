package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl run NAME --image=IMG [--restart] [--labels] [--env] [--port] [--command] -- ARGS}:
 * one pod labelled {@code run=NAME} whose single container is also called NAME.
 */
@Command(name = "run", description = "Run a particular image on the cluster")
public final class RunVerb extends Verb {

  @Parameters(arity = "0..*", paramLabel = "NAME") List<String> args = new ArrayList<>();

  @Option(names = "--image", description = "The image for the container to run.") String image;

  @Option(names = "--restart", defaultValue = "Always", description = "The restart policy for this Pod: Always, OnFailure, Never.")
  String restart;

  @Option(names = {"-l", "--labels"}, description = "Comma separated labels to apply to the pod. Will override previous values.")
  String labels;

  @Option(names = "--env", description = "Environment variables to set in the container.") List<String> envVars = new ArrayList<>();

  @Option(names = "--port", defaultValue = "-1", description = "The port that this container exposes.") int port;

  @Option(names = "--command", description = "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.")
  boolean command;

  @Option(names = {"-i", "--stdin"}, description = "Keep stdin open on the container in the pod.") boolean stdin;

  @Option(names = {"-t", "--tty"}, description = "Allocate a TTY for the container in the pod.") boolean tty;

  @Option(names = "--rm", description = "If true, delete the pod after it exits.") boolean rm;

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Mixin WriteOutputOption output = new WriteOutputOption();

  @Override
  protected int run() {
    if (args.isEmpty()) throw KubectlException.usage("run", "NAME is required for run");
    if (image == null || image.isEmpty()) throw new KubectlException("required flag(s) \"image\" not set");
    if (!List.of("Always", "OnFailure", "Never").contains(restart)) {
      throw new KubectlException("invalid restart policy: " + restart);
    }
    if (rm && !stdin) throw new KubectlException("--rm should only be used for attached containers");
    if (stdin || tty) {
      // Honest refusal: attaching a terminal to a simulated container's main process is not offered.
      throw new KubectlException("attaching to the pod (-i/-t) is not supported in this shell; "
          + "start the pod without -i/-t, then use 'kubectl exec -it " + args.get(0) + " -- sh'");
    }
    String name = args.get(0);
    List<String> rest = args.subList(1, args.size());
    ContainerBuilder c = new ContainerBuilder().withName(name).withImage(image);
    if (!rest.isEmpty()) {
      if (command) c.withCommand(new ArrayList<>(rest));
      else c.withArgs(new ArrayList<>(rest));
    }
    if (port >= 0) c.withPorts(new ContainerPortBuilder().withContainerPort(port).build());
    List<EnvVar> env = new ArrayList<>();
    for (String e : envVars) {
      int eq = e.indexOf('=');
      if (eq <= 0) throw new KubectlException("invalid env: " + e);
      env.add(new EnvVar(e.substring(0, eq), e.substring(eq + 1), null));
    }
    if (!env.isEmpty()) c.withEnv(env);
    Pod pod = new PodBuilder().withNewMetadata().withName(name).withLabels(labels()).endMetadata()
        .withNewSpec().withContainers(c.build()).withDnsPolicy("ClusterFirst").withRestartPolicy(restart).endSpec()
        .build();
    if (namespaceFlag != null || dryRunOption.mode() != Cluster.DryRun.CLIENT) {
      pod.getMetadata().setNamespace(namespace());
    }
    return GeneratedObject.createAndPrint(cluster(), out(), pod, dryRunOption.flag, output.format, null, "created");
  }

  private Map<String, String> labels() {
    Map<String, String> m = new LinkedHashMap<>();
    if (labels == null) {
      m.put("run", args.get(0));
      return m;
    }
    for (String pair : labels.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) throw new KubectlException("invalid label spec: " + pair);
      m.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return m;
  }
}
