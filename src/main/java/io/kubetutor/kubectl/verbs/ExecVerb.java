package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    String podArg = args.get(0);
    if (podArg.startsWith("pod/") || podArg.startsWith("pods/") || podArg.startsWith("po/")) {
      podArg = podArg.substring(podArg.indexOf('/') + 1);
    } else if (podArg.contains("/")) {
      throw new KubectlException("exec works on pods here: give POD or pod/NAME");
    }
    List<String> command = new ArrayList<>(args.subList(1, args.size()));
    Pod pod = (Pod) cluster().get(ResourceKind.POD, namespace(), podArg);
    String name = container != null ? container : defaultContainer(pod);
    if (stdin && command.size() == 1 && SHELLS.contains(command.get(0))) return interactive(pod, name, command.get(0));
    Cluster.ExecResult r = cluster().exec(namespace(), podArg, name, command, null);
    return finish(r);
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
      out().print("root@" + podName + ":" + cwd + "# ");
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
