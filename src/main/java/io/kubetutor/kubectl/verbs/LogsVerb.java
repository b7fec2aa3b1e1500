package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.kubetutor.cluster.ClusterClock;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.LogOptions;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.ResourceArgs;
import io.kubetutor.kubectl.Verb;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl logs (POD | TYPE/NAME | -l SELECTOR) [-c C | --all-containers] [-f] [-p] [--since]
 * [--since-time] [--tail] [--timestamps] [--prefix]}. For a controller it picks one pod the way
 * kubectl does and says so on stderr. Before asking for the log it checks the container's state
 * as the kubelet does, so a container that is not running yet gets the kubelet's words.
 */
@Command(name = "logs", description = "Print the logs for a container in a pod")
public final class LogsVerb extends Verb {

  private static final Duration FOLLOW_POLL = Duration.ofSeconds(1);
  static final String DEFAULT_CONTAINER = "kubectl.kubernetes.io/default-container";

  @Parameters(arity = "0..*", paramLabel = "POD | TYPE/NAME") List<String> args = new ArrayList<>();

  @Option(names = {"-c", "--container"}, description = "Print the logs of this container") String container;

  @Option(names = "--all-containers", description = "Get all containers' logs in the pod(s).") boolean allContainers;

  @Option(names = {"-f", "--follow"}, description = "Specify if the logs should be streamed.") boolean follow;

  @Option(names = {"-p", "--previous"}, description = "If true, print the logs for the previous instance of the container in a pod if it exists.")
  boolean previous;

  @Option(names = "--since", description = "Only return logs newer than a relative duration like 5s, 2m, or 3h.") String since;

  @Option(names = "--since-time", description = "Only return logs after a specific date (RFC3339).") String sinceTime;

  @Option(names = "--tail", defaultValue = "-1", description = "Lines of recent log file to display.") int tail;

  @Option(names = "--timestamps", description = "Include timestamps on each line in the log output") boolean timestamps;

  @Option(names = {"-l", "--selector"}, description = "Selector (label query) to filter on.") String selector;

  @Option(names = "--prefix", description = "Prefix each log line with the log source (pod name and container name)")
  boolean prefix;

  @Override
  protected int run() throws InterruptedException {
    if (since != null && sinceTime != null) {
      throw new KubectlException("at most one of `sinceTime` or `sinceSeconds` may be specified");
    }
    if (allContainers && container != null) {
      throw new KubectlException("--all-containers=true should not be specified with container name " + container);
    }
    List<Pod> pods = pods();
    if (pods.isEmpty()) return 0;
    Integer tailLines = tail >= 0 ? Integer.valueOf(tail) : selector != null ? Integer.valueOf(10) : null;
    Instant sinceInstant = sinceInstant();
    for (Pod pod : pods) {
      for (String c : containers(pod)) {
        LogOptions options = new LogOptions(c, previous, timestamps, sinceInstant, tailLines);
        stream(pod, c, options);
      }
    }
    return 0;
  }

  /** The pods whose logs are printed: by selector, one named pod, or one pod of a controller. */
  private List<Pod> pods() {
    if (selector != null) {
      if (!args.isEmpty()) throw KubectlException.usage("logs", "only a selector (-l) or a POD name is allowed");
      List<Pod> pods = new ArrayList<>();
      for (HasMetadata o : cluster().list(ResourceKind.POD, namespace(), Selector.parse(selector), FieldSelector.EVERYTHING)) {
        pods.add((Pod) o);
      }
      if (pods.isEmpty()) err().println("No resources found in " + namespace() + " namespace.");
      return pods;
    }
    if (args.isEmpty() || args.size() > 2) {
      throw KubectlException.usage("logs", "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n"
          + "POD or TYPE/NAME is a required argument for the logs command");
    }
    String first = args.get(0);
    if (args.size() == 2) {
      if (container != null || first.contains("/")) {
        throw KubectlException.usage("logs", "only one of -c or an inline [CONTAINER] arg is allowed");
      }
      container = args.get(1);
    }
    if (!first.contains("/")) return List.of((Pod) cluster().get(ResourceKind.POD, namespace(), first));
    ResourceArgs.Target target = ResourceArgs.parse(List.of(first)).targets().get(0);
    String name = target.names().get(0);
    HasMetadata object = cluster().get(target.kind(), namespace(), name);
    if (object instanceof Pod pod) return List.of(pod);
    LabelSelector selectorOfObject;
    if (object instanceof Deployment d) {
      selectorOfObject = d.getSpec().getSelector();
    } else if (object instanceof ReplicaSet rs) {
      selectorOfObject = rs.getSpec().getSelector();
    } else if (object instanceof DaemonSet ds) {
      selectorOfObject = ds.getSpec().getSelector();
    } else if (object instanceof Job j) {
      selectorOfObject = j.getSpec().getSelector();
    } else if (object instanceof Service s) {
      selectorOfObject = s.getSpec().getSelector() == null ? null : new LabelSelector(null, s.getSpec().getSelector());
    } else {
      throw new KubectlException("cannot get the logs from " + target.kind().kind());
    }
    Selector sel = selectorOfObject == null ? Selector.EVERYTHING : Selector.of(selectorOfObject.getMatchLabels());
    List<Pod> pods = new ArrayList<>();
    for (HasMetadata o : cluster().list(ResourceKind.POD, namespace(), sel, FieldSelector.EVERYTHING)) pods.add((Pod) o);
    if (pods.isEmpty()) throw new KubectlException("timed out waiting for the condition");
    pods.sort(BY_LOGGING);
    if (pods.size() > 1) err().println("Found " + pods.size() + " pods, using pod/" + pods.get(0).getMetadata().getName());
    return List.of(pods.get(0));
  }

  /** The container names to read from this pod; prints kubectl's notice when one is chosen for the student. */
  private List<String> containers(Pod pod) {
    List<Container> containers = pod.getSpec().getContainers();
    List<Container> inits = pod.getSpec().getInitContainers() == null ? List.of() : pod.getSpec().getInitContainers();
    if (allContainers) {
      List<String> names = new ArrayList<>();
      inits.forEach(c -> names.add(c.getName()));
      containers.forEach(c -> names.add(c.getName()));
      return names;
    }
    if (container != null) return List.of(container);
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    String annotated = annotations == null ? null : annotations.get(DEFAULT_CONTAINER);
    if (annotated != null && containers.stream().anyMatch(c -> c.getName().equals(annotated))) return List.of(annotated);
    String chosen = containers.get(0).getName();
    if (containers.size() + inits.size() > 1) {
      List<String> all = new ArrayList<>();
      containers.forEach(c -> all.add(c.getName()));
      inits.forEach(c -> all.add(c.getName() + " (init)"));
      err().println("Defaulted container \"" + chosen + "\" out of: " + String.join(", ", all));
    }
    return List.of(chosen);
  }

  private void stream(Pod pod, String containerName, LogOptions options) throws InterruptedException {
    String podName = pod.getMetadata().getName();
    if (!checkContainer(pod, containerName)) return;
    String text = cluster().logs(namespace(), podName, options);
    print(pod, containerName, text);
    if (!follow) return;
    // Follow: poll the whole log and print what was added, until the container ends or Ctrl-C.
    LogOptions whole = new LogOptions(containerName, previous, timestamps, options.sinceTime(), null);
    int printed = cluster().logs(namespace(), podName, whole).length();
    ClusterClock clock = cluster().clock();
    while (!Thread.currentThread().isInterrupted()) {
      if (clock.quiescent() || finished(podName, containerName)) break;
      clock.sleep(FOLLOW_POLL);
      String now = cluster().logs(namespace(), podName, whole);
      if (now.length() > printed) {
        print(pod, containerName, now.substring(printed));
        printed = now.length();
      }
    }
  }

  private boolean finished(String podName, String containerName) {
    try {
      Pod pod = (Pod) cluster().get(ResourceKind.POD, namespace(), podName);
      ContainerStatus s = status(pod, containerName);
      return s != null && s.getState() != null && s.getState().getTerminated() != null;
    } catch (ClusterException e) {
      return true;  // the pod is gone: its log ends
    }
  }

  private void print(Pod pod, String containerName, String text) {
    if (text.isEmpty()) return;
    if (!prefix) {
      out().print(text);
    } else {
      String p = "[pod/" + pod.getMetadata().getName() + "/" + containerName + "] ";
      for (String line : text.split("\n", -1)) {
        if (!line.isEmpty()) out().println(p + line);
      }
    }
    out().flush();
  }

  /**
   * The kubelet's and apiserver's checks before a log is served (reference §5.5). False means
   * there is nothing to print (an unscheduled pod).
   */
  private boolean checkContainer(Pod pod, String containerName) {
    String podName = pod.getMetadata().getName();
    boolean known = pod.getSpec().getContainers().stream().anyMatch(c -> c.getName().equals(containerName))
        || (pod.getSpec().getInitContainers() != null
            && pod.getSpec().getInitContainers().stream().anyMatch(c -> c.getName().equals(containerName)));
    if (!known) throw ClusterException.badRequest("container " + containerName + " is not valid for pod " + podName);
    // An unscheduled pod has no log location yet: kubectl prints nothing and succeeds.
    if (pod.getSpec().getNodeName() == null || pod.getSpec().getNodeName().isEmpty()) return false;
    ContainerStatus status = status(pod, containerName);
    if (previous) {
      if (status == null || status.getLastState() == null || status.getLastState().getTerminated() == null) {
        throw ClusterException.badRequest("previous terminated container \"" + containerName + "\" in pod \""
            + podName + "\" not found");
      }
      return true;
    }
    if (status == null || status.getState() == null) {
      throw ClusterException.badRequest("container \"" + containerName + "\" in pod \"" + podName
          + "\" is waiting to start: ContainerCreating");
    }
    if (status.getState().getWaiting() != null
        && (status.getState().getRunning() == null && status.getState().getTerminated() == null)) {
      boolean ranBefore = status.getLastState() != null && status.getLastState().getTerminated() != null;
      if (!ranBefore) {
        String reason = status.getState().getWaiting().getReason();
        String why = switch (reason == null ? "" : reason) {
          case "ErrImagePull" -> "image can't be pulled";
          case "ImagePullBackOff" -> "trying and failing to pull image";
          case "" -> "ContainerCreating";
          default -> reason;
        };
        throw ClusterException.badRequest("container \"" + containerName + "\" in pod \"" + podName
            + "\" is waiting to start: " + why);
      }
    }
    return true;
  }

  private static ContainerStatus status(Pod pod, String containerName) {
    if (pod.getStatus() == null) return null;
    List<ContainerStatus> all = new ArrayList<>();
    if (pod.getStatus().getContainerStatuses() != null) all.addAll(pod.getStatus().getContainerStatuses());
    if (pod.getStatus().getInitContainerStatuses() != null) all.addAll(pod.getStatus().getInitContainerStatuses());
    return all.stream().filter(s -> containerName.equals(s.getName())).findFirst().orElse(null);
  }

  private Instant sinceInstant() {
    if (sinceTime != null) {
      try {
        return Instant.parse(sinceTime);
      } catch (DateTimeParseException e) {
        throw new KubectlException("parsing time \"" + sinceTime + "\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \""
            + sinceTime + "\" as \"2006\"");
      }
    }
    if (since == null) return null;
    Duration d;
    try {
      d = DeleteVerb.goDuration(since);
    } catch (KubectlException e) {
      throw new KubectlException("invalid argument \"" + since + "\" for \"--since\" flag: time: invalid duration \""
          + since + "\"");
    }
    return cluster().clock().now().minus(d);
  }

  /** kubectl's ByLogging order: scheduled, running, ready, most restarts, oldest first. */
  static final Comparator<Pod> BY_LOGGING = Comparator
      .comparing((Pod p) -> p.getSpec().getNodeName() == null || p.getSpec().getNodeName().isEmpty())
      .thenComparing(p -> switch (p.getStatus() == null || p.getStatus().getPhase() == null ? "" : p.getStatus().getPhase()) {
        case "Running" -> 0;
        case "Unknown" -> 1;
        case "Pending" -> 2;
        default -> 3;
      })
      .thenComparing(p -> !ready(p))
      .thenComparing(p -> -restarts(p))
      .thenComparing(p -> p.getMetadata().getCreationTimestamp() == null ? "~" : p.getMetadata().getCreationTimestamp());

  private static boolean ready(Pod p) {
    return p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static int restarts(Pod p) {
    if (p.getStatus() == null || p.getStatus().getContainerStatuses() == null) return 0;
    return p.getStatus().getContainerStatuses().stream().mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).max().orElse(0);
  }
}
