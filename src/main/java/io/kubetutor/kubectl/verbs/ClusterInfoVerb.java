package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl cluster-info}: the control plane address and the proxy address of each
 * kube-system service labelled {@code kubernetes.io/cluster-service=true}, as kubectl lists them.
 */
@Command(name = "cluster-info", description = "Display cluster information")
public final class ClusterInfoVerb extends Verb {

  @Parameters(arity = "0..*", hidden = true) List<String> stray = new ArrayList<>();

  @Override
  protected int run() {
    if (!stray.isEmpty()) {
      if (stray.get(0).equals("dump")) {
        throw new KubectlException("cluster-info dump is not available in this shell; use kubectl get and describe");
      }
      throw KubectlException.usage("cluster-info", "unknown command \"" + stray.get(0) + "\" for \"kubectl cluster-info\"");
    }
    String server = cluster().serverUrl();
    line("Kubernetes control plane", server);
    List<HasMetadata> services = cluster().list(ResourceKind.SERVICE, "kube-system",
        Selector.parse("kubernetes.io/cluster-service=true"), FieldSelector.EVERYTHING);
    if (services.isEmpty() && cluster().isSimulator()) {
      // The simulated cluster runs DNS implicitly; kubectl shows it as kubeadm clusters do.
      line("CoreDNS", server + "/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy");
    }
    for (HasMetadata o : services) {
      Service svc = (Service) o;
      String name = svc.getMetadata().getLabels().getOrDefault("kubernetes.io/name", svc.getMetadata().getName());
      String link = svc.getMetadata().getName();
      List<ServicePort> ports = svc.getSpec().getPorts();
      if (ports != null && !ports.isEmpty()) {
        ServicePort p = ports.get(0);
        link += ":" + (p.getName() != null && !p.getName().isEmpty() ? p.getName() : String.valueOf(p.getPort()));
      }
      line(name, server + "/api/v1/namespaces/kube-system/services/" + link + "/proxy");
    }
    out().println();
    out().println("To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
    return 0;
  }

  private void line(String what, String url) {
    if (env.color()) {
      out().println("\u001b[0;32m" + what + "\u001b[0m is running at \u001b[0;33m" + url + "\u001b[0m");
    } else {
      out().println(what + " is running at " + url);
    }
  }
}
