package io.kubetutor.kubectl.verbs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kubectl create service nodeport NAME --tcp=80:8080 [--node-port=30080]}. */
@Command(name = "nodeport", description = "Create a NodePort service")
public final class CreateServiceNodePortVerb extends ServiceGenerator {

  @Option(names = "--node-port", defaultValue = "0", description = "Port used to expose the service on each node in a cluster.")
  int nodePort;

  @Override String type() { return "NodePort"; }

  @Override String verbPath() { return "create service nodeport"; }

  @Override int nodePort() { return nodePort; }
}
