package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.Selector;
import io.kubetutor.kubectl.ResourceArgs;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl exec POD [-c C] [-i] [-t] -- COMMAND...}: runs a command in a container through the
 * cluster port. {@code -i} with a bare shell ({@code -- /bin/bash}) opens a nested prompt
 * {@code root@POD:/# } whose lines run in the container until {@code exit}.
 */
@Command(name = "exec", description = "Execute a command in a container")
public final class ExecVerb extends Verb {

  private static final List<String> SHELLS = List.of("sh", "bash", "ash", "/bin/sh", "/bin/bash", "/bin/ash",
      "/usr/bin/bash");

  @Parameters(arity = "0..*", paramLabel = "POD -- COMMAND") List<String> args = new ArrayList<>();

  @Option(names = {"-c", "--container"}, description = "Container name. If omitted, the first container in the pod will be chosen")
  String container;

  @Option(names = {"-i", "--stdin"}, description = "Pass stdin to the container") boolean stdin;

  @Option(names = {"-t", "--tty"}, description = "Stdin is a TTY") boolean tty;

  @Option(names = {"-q", "--quiet"}, description = "Only print output from the remote session") boolean quiet;

  @Override
  protected int run() throws IOException {
    if (args.isEmpty()) throw KubectlException.usage("exec", "pod, type/name or --filename must be specified");
    if (args.size() < 2) throw KubectlException.usage("exec", "you must specify at least one command for the container");
    List<String> command = new ArrayList<>(args.subList(1, args.size()));
    Pod pod = pod(args.get(0));
    String podArg = pod.getMetadata().getName();
    // kubectl's own checks, before it asks the apiserver for a stream.
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      throw new KubectlException("cannot exec into a container in a completed pod; current phase is " + phase);
    }
    if (container != null && pod.getSpec().getContainers().stream().noneMatch(c -> c.getName().equals(container))) {
      throw new KubectlException("container " + container + " not found in pod " + podArg);
    }
    String name = container != null ? container : defaultContainer(pod);
    try {
      if (stdin && tty && command.size() == 1 && SHELLS.contains(command.get(0))) {
        return interactive(pod, name, command.get(0));
      }
      String input = stdin ? readAll() : null;
      Cluster.ExecResult r = cluster().exec(namespace(), podArg, name, command, input);
      return finish(r);
    } catch (ClusterException e) {
      // A refused stream upgrade is not a Status answer: kubectl prints it as a plain error.
      if (e.getMessage() != null && e.getMessage().startsWith("unable to upgrade connection")) {
        throw new KubectlException(e.getMessage());
      }
      throw e;
    }
  }

  private String readAll() throws IOException {
    return new String(env.in().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** POD, pod/NAME, or TYPE/NAME of a workload: then its first running pod, as kubectl's attachable-pod lookup. */
  private Pod pod(String arg) {
    if (!arg.contains("/")) return (Pod) cluster().get(ResourceKind.POD, namespace(), arg);
    ResourceArgs.Target target = ResourceArgs.parse(List.of(arg)).targets().get(0);
    HasMetadata object = cluster().get(target.kind(), namespace(), target.names().get(0));
    if (object instanceof Pod p) return p;
    LabelSelector selector;
    if (object instanceof Deployment d) selector = d.getSpec().getSelector();
    else if (object instanceof ReplicaSet rs) selector = rs.getSpec().getSelector();
    else if (object instanceof DaemonSet ds) selector = ds.getSpec().getSelector();
    else if (object instanceof Job j) selector = j.getSpec().getSelector();
    else if (object instanceof Service svc && svc.getSpec().getSelector() != null) {
      selector = new LabelSelector(null, svc.getSpec().getSelector());
    } else {
      throw new KubectlException("cannot attach to " + target.kind().kind() + ": not implemented");
    }
    List<Pod> pods = new ArrayList<>();
    for (HasMetadata o : cluster().list(ResourceKind.POD, namespace(), Selector.of(selector.getMatchLabels()),
        FieldSelector.EVERYTHING)) {
      pods.add((Pod) o);
    }
    if (pods.isEmpty()) throw new KubectlException("timed out waiting for the condition");
    // Running pods first, then by name, so the choice is stable.
    pods.sort(Comparator.comparing((Pod p) -> !"Running".equals(p.getStatus() == null ? null : p.getStatus().getPhase()))
        .thenComparing(p -> p.getMetadata().getName()));
    return pods.get(0);
  }

  private int finish(Cluster.ExecResult r) {
    out().print(r.stdout());
    err().print(r.stderr());
    if (r.exitCode() != 0) {
      out().flush();
      err().println("command terminated with exit code " + r.exitCode());
    }
    return r.exitCode();
  }

  /** A nested shell prompt: each line runs as {@code SHELL -c "cd CWD && LINE"} until exit or end of input. */
  private int interactive(Pod pod, String containerName, String shell) throws IOException {
    String podName = pod.getMetadata().getName();
    // Fail before showing a prompt when the container cannot be entered.
    cluster().exec(namespace(), podName, containerName, List.of(shell, "-c", "true"), null);
    BufferedReader in = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8));
    String cwd = "/";
    int last = 0;
    while (true) {
      out().print(prompt(pod, containerName, shell, podName, cwd));
      out().flush();
      String line = in.readLine();
      if (line == null) {
        out().println();
        return 0;
      }
      String t = line.strip();
      if (t.isEmpty()) continue;
      if (t.equals("exit") || t.startsWith("exit ")) {
        String code = t.substring(4).strip();
        int exit = code.isEmpty() ? last : parseExit(code);
        out().println("exit");
        if (exit != 0) err().println("command terminated with exit code " + exit);
        return exit;
      }
      String prefix = "cd '" + cwd + "' && ";
      if (t.equals("cd") || t.startsWith("cd ")) {
        Cluster.ExecResult r = cluster().exec(namespace(), podName, containerName,
            List.of(shell, "-c", prefix + t + " && pwd"), null);
        if (r.exitCode() == 0) cwd = r.stdout().strip();
        else err().print(r.stderr());
        last = r.exitCode();
        continue;
      }
      Cluster.ExecResult r = cluster().exec(namespace(), podName, containerName, List.of(shell, "-c", prefix + t), null);
      out().print(r.stdout());
      err().print(r.stderr());
      err().flush();
      last = r.exitCode();
    }
  }

  /** bash prints {@code root@POD:CWD# }; busybox's sh {@code CWD # }; other images' sh (dash) a bare {@code # }. */
  private static String prompt(Pod pod, String containerName, String shell, String podName, String cwd) {
    if (shell.endsWith("bash")) return "root@" + podName + ":" + cwd + "# ";
    String image = pod.getSpec().getContainers().stream().filter(c -> c.getName().equals(containerName))
        .map(Container::getImage).findFirst().orElse("");
    if (image.startsWith("busybox") || image.contains("/busybox") || image.startsWith("alpine")) return cwd + " # ";
    return "# ";
  }

  private static int parseExit(String s) {
    try {
      return Integer.parseInt(s) & 0xff;
    } catch (NumberFormatException e) {
      return 2;
    }
  }

  private String defaultContainer(Pod pod) {
    List<Container> containers = pod.getSpec().getContainers();
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String annotated = annotations == null ? null : annotations.get(LogsVerb.DEFAULT_CONTAINER);
    if (annotated != null && containers.stream().anyMatch(c -> c.getName().equals(annotated))) return annotated;
    String chosen = containers.get(0).getName();
    if (containers.size() > 1 && !quiet) {
      List<String> names = new ArrayList<>();
      containers.forEach(c -> names.add(c.getName()));
      err().println("Defaulted container \"" + chosen + "\" out of: " + String.join(", ", names));
    }
    return chosen;
  }
}
