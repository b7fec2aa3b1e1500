package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.Service;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kubectl create service clusterip NAME --tcp=80:8080 [--clusterip=None]}. */
@Command(name = "clusterip", description = "Create a ClusterIP service")
public final class CreateServiceClusterIpVerb extends ServiceGenerator {

  @Option(names = "--clusterip", description = "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).")
  String clusterIp;

  @Override String type() { return "ClusterIP"; }

  @Override String verbPath() { return "create service clusterip"; }

  @Override
  void customize(Service service) {
    if (clusterIp != null && !clusterIp.isEmpty()) service.getSpec().setClusterIP(clusterIp);
  }
}
