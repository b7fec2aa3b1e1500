package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Shared by {@code create service clusterip|nodeport}: {@code --tcp=port[:targetPort]} pairs become
 * ports named {@code port-targetPort}; the service selects and is labelled {@code app=NAME}.
 */
abstract class ServiceGenerator extends Verb {

  @Parameters(arity = "0..*", paramLabel = "NAME") List<String> args = new ArrayList<>();

  @Option(names = "--tcp", description = "Port pairs can be specified as '<port>:<targetPort>'.")
  List<String> tcp = new ArrayList<>();

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Mixin WriteOutputOption output = new WriteOutputOption();

  /** {@code ClusterIP} or {@code NodePort}: the type, and the word in kubectl's error wrapping. */
  abstract String type();

  abstract String verbPath();

  /** Type-specific fields (cluster IP {@code None}, node port). */
  void customize(Service service) {}

  int nodePort() { return 0; }

  @Override
  protected int run() {
    if (args.size() != 1) throw KubectlException.usage(verbPath(), "exactly one NAME is required, got " + args.size());
    if (tcp.isEmpty()) throw new KubectlException("at least one tcp port specifier must be provided");
    String name = args.get(0);
    List<ServicePort> ports = new ArrayList<>();
    for (String spec : tcp) {
      String[] parts = spec.split(":", -1);
      if (parts.length > 2) throw new KubectlException("invalid port format: " + spec);
      int port = parsePort(parts[0]);
      IntOrString target = parts.length == 2 ? targetPort(parts[1]) : new IntOrString(port);
      ServicePortBuilder p = new ServicePortBuilder().withName(spec.replace(':', '-')).withPort(port)
          .withTargetPort(target).withProtocol("TCP");
      if (nodePort() > 0) p.withNodePort(nodePort());
      ports.add(p.build());
    }
    Map<String, String> labels = Map.of("app", name);
    Service svc = new ServiceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
        .withNewSpec().withPorts(ports).withSelector(labels).withType(type()).endSpec().build();
    customize(svc);
    if (namespaceFlag != null || dryRunOption.mode() != Cluster.DryRun.CLIENT) {
      svc.getMetadata().setNamespace(namespace());
    }
    return GeneratedObject.createAndPrint(cluster(), out(), svc, dryRunOption.flag, output.format,
        "failed to create " + type() + " service", "created");
  }

  private static int parsePort(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new KubectlException("strconv.Atoi: parsing \"" + s + "\": invalid syntax");
    }
  }

  private static IntOrString targetPort(String s) {
    return s.chars().allMatch(Character::isDigit) && !s.isEmpty() ? new IntOrString(Integer.parseInt(s)) : new IntOrString(s);
  }
}
