package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kubectl create namespace NAME}: API errors come back unwrapped, as kubectl prints them. */
@Command(name = "namespace", aliases = "ns", description = "Create a namespace with the specified name")
public final class CreateNamespaceVerb extends Verb {

  @Parameters(arity = "0..*", paramLabel = "NAME") List<String> args = new ArrayList<>();

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Mixin WriteOutputOption output = new WriteOutputOption();

  @Override
  protected int run() {
    if (args.size() != 1) {
      throw KubectlException.usage("create namespace", "exactly one NAME is required, got " + args.size());
    }
    Namespace ns = new NamespaceBuilder().withNewMetadata().withName(args.get(0)).endMetadata().build();
    return GeneratedObject.createAndPrint(cluster(), out(), ns, dryRunOption.flag, output.format, null, "created");
  }
}
