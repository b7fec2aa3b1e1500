package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.ResourceArgs;
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
 * {@code kubectl expose (deployment|pod|service|rs) NAME [--port] [--target-port] [--type] [--name]
 * [--protocol] [--selector]}: a Service selecting what the object selects (a pod: its labels),
 * with the ports found on the object when {@code --port} is not given.
 */
@Command(name = "expose", description = "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service")
public final class ExposeVerb extends Verb {

  @Parameters(arity = "0..*", paramLabel = "TYPE NAME") List<String> args = new ArrayList<>();

  @Option(names = "--port", description = "The port that the service should serve on.") String port;

  @Option(names = "--target-port", description = "Name or number for the port on the container that the service should direct traffic to.")
  String targetPort;

  @Option(names = "--type", description = "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName.")
  String type;

  @Option(names = "--name", description = "The name for the newly created object.") String name;

  @Option(names = "--protocol", description = "The network protocol for the service to be created.") String protocol;

  @Option(names = {"-l", "--labels"}, description = "Labels to apply to the service created by this call.") String labels;

  @Option(names = "--selector", description = "A label selector to use for this service (equality only).") String selector;

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Mixin WriteOutputOption output = new WriteOutputOption();

  @Override
  protected int run() {
    if (args.isEmpty()) {
      throw KubectlException.usage("expose", "You must provide one or more resources by argument or filename.");
    }
    ResourceArgs parsed = ResourceArgs.parse(args);
    if (parsed.targets().size() != 1 || parsed.targets().get(0).names().size() != 1) {
      throw KubectlException.usage("expose", "exactly one resource must be given");
    }
    ResourceKind kind = parsed.targets().get(0).kind();
    String objectName = parsed.targets().get(0).names().get(0);
    if (type != null && !List.of("ClusterIP", "NodePort", "LoadBalancer", "ExternalName").contains(type)) {
      throw new KubectlException("Service \"" + objectName + "\" is invalid: spec.type: Unsupported value: \"" + type
          + "\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"");
    }
    HasMetadata object = cluster().get(kind, namespace(), objectName);
    Map<String, String> podSelector;
    List<ContainerPort> found;
    switch (kind) {
      case POD -> {
        Pod pod = (Pod) object;
        podSelector = pod.getMetadata().getLabels();
        if (podSelector == null || podSelector.isEmpty()) {
          throw new KubectlException("couldn't retrieve selectors via --selector flag or introspection: "
              + "the pod has no labels and cannot be exposed");
        }
        found = ports(pod.getSpec());
      }
      case DEPLOYMENT -> {
        Deployment d = (Deployment) object;
        podSelector = matchLabels(d.getSpec().getSelector());
        found = ports(d.getSpec().getTemplate().getSpec());
      }
      case REPLICASET -> {
        ReplicaSet rs = (ReplicaSet) object;
        podSelector = matchLabels(rs.getSpec().getSelector());
        found = ports(rs.getSpec().getTemplate().getSpec());
      }
      case SERVICE -> {
        Service s = (Service) object;
        podSelector = s.getSpec().getSelector();
        found = new ArrayList<>();
        for (ServicePort p : s.getSpec().getPorts()) {
          ContainerPort cp = new ContainerPort();
          cp.setContainerPort(p.getPort());
          cp.setProtocol(p.getProtocol());
          found.add(cp);
        }
      }
      default -> throw new KubectlException("cannot expose a " + kind.kind());
    }
    if (selector != null) podSelector = parseEquality(selector, "--selector");
    List<ServicePort> servicePorts = servicePorts(found);
    Map<String, String> serviceLabels = labels != null ? parseEquality(labels, "--labels") : object.getMetadata().getLabels();
    ServiceBuilder b = new ServiceBuilder().withNewMetadata().withName(name != null ? name : objectName)
        .withLabels(serviceLabels == null || serviceLabels.isEmpty() ? null : new LinkedHashMap<>(serviceLabels))
        .endMetadata()
        .withNewSpec().withPorts(servicePorts).withSelector(new LinkedHashMap<>(podSelector)).endSpec();
    Service svc = b.build();
    if (type != null) svc.getSpec().setType(type);
    if (namespaceFlag != null || dryRunOption.mode() != Cluster.DryRun.CLIENT) {
      svc.getMetadata().setNamespace(namespace());
    }
    return GeneratedObject.createAndPrint(cluster(), out(), svc, dryRunOption.flag, output.format, null, "exposed");
  }

  /** --port wins; else every port found on the object (named port-1, port-2 ... when several). */
  private List<ServicePort> servicePorts(List<ContainerPort> found) {
    List<ServicePort> result = new ArrayList<>();
    if (port != null) {
      int p;
      try {
        p = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw new KubectlException("invalid argument \"" + port + "\" for \"--port\" flag: strconv.ParseInt: parsing \""
            + port + "\": invalid syntax");
      }
      String proto = protocol != null ? protocol : protocolOf(found, p);
      result.add(new ServicePortBuilder().withPort(p).withProtocol(proto).withTargetPort(target(p)).build());
      return result;
    }
    if (found.isEmpty()) throw KubectlException.usage("expose", "couldn't find port via --port flag or introspection");
    for (int i = 0; i < found.size(); i++) {
      ContainerPort cp = found.get(i);
      ServicePortBuilder sp = new ServicePortBuilder().withPort(cp.getContainerPort())
          .withProtocol(protocol != null ? protocol : cp.getProtocol() != null ? cp.getProtocol() : "TCP")
          .withTargetPort(target(cp.getContainerPort()));
      if (found.size() > 1) sp.withName("port-" + (i + 1));
      result.add(sp.build());
    }
    return result;
  }

  private IntOrString target(int servicePort) {
    if (targetPort == null) return new IntOrString(servicePort);
    return targetPort.chars().allMatch(Character::isDigit) ? new IntOrString(Integer.parseInt(targetPort))
        : new IntOrString(targetPort);
  }

  private static String protocolOf(List<ContainerPort> found, int port) {
    for (ContainerPort cp : found) {
      if (cp.getContainerPort() != null && cp.getContainerPort() == port && cp.getProtocol() != null) return cp.getProtocol();
    }
    return "TCP";
  }

  private static List<ContainerPort> ports(PodSpec spec) {
    List<ContainerPort> ports = new ArrayList<>();
    if (spec == null || spec.getContainers() == null) return ports;
    for (Container c : spec.getContainers()) {
      if (c.getPorts() != null) ports.addAll(c.getPorts());
    }
    return ports;
  }

  private static Map<String, String> matchLabels(LabelSelector selector) {
    if (selector != null && selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
      throw new KubectlException("couldn't retrieve selectors via --selector flag or introspection: "
          + "the selector uses matchExpressions, which a Service cannot express");
    }
    return selector == null || selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
  }

  private static Map<String, String> parseEquality(String text, String flag) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) throw new KubectlException("invalid " + flag + " value \"" + text + "\": key=value pairs expected");
      m.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return m;
  }
}
