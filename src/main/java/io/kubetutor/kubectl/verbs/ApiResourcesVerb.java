package io.kubetutor.kubectl.verbs;

import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.ResourceArgs;
import io.kubetutor.kubectl.Verb;
import io.kubetutor.print.TabWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kubectl api-resources}: the served resource types (from {@link ResourceKind}). */
@Command(name = "api-resources", description = "Print the supported API resources on the server",
    footerHeading = "%nExamples:%n",
    footer = {"  # Print the supported API resources", "  kubectl api-resources"})
public final class ApiResourcesVerb extends Verb {

  @Option(names = {"-o", "--output"}, description = "Output format. One of: (wide, name).")
  String output;

  @Option(names = "--namespaced", arity = "0..1", description = "If false, non-namespaced resources will be returned.")
  Boolean namespaced;

  @Option(names = "--api-group", description = "Limit to resources in the specified API group.")
  String apiGroup;

  @Option(names = "--no-headers", arity = "0..1", description = "When using the default or custom-column output format, don't print headers.")
  boolean noHeaders;

  @Override
  protected int run() {
    String format = output == null ? "" : output;
    if (!format.isEmpty() && !format.equals("wide") && !format.equals("name")) {
      throw new KubectlException("--output " + format + " is not available");
    }
    List<ResourceKind> kinds = new ArrayList<>();
    for (ResourceKind k : ResourceKind.values()) {
      if (namespaced != null && k.namespaced() != namespaced) continue;
      if (apiGroup != null && !k.group().equals(apiGroup)) continue;
      kinds.add(k);
    }
    if (format.equals("name")) {
      for (ResourceKind k : kinds) out().println(k.qualifiedPlural());
      return 0;
    }
    boolean wide = format.equals("wide");
    TabWriter w = TabWriter.forGet();
    if (!noHeaders && !kinds.isEmpty()) {
      w.write("NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND" + (wide ? "\tVERBS\tCATEGORIES" : "") + "\n");
    }
    for (ResourceKind k : kinds) {
      String row = k.plural() + "\t" + String.join(",", k.shortNames()) + "\t" + k.apiVersion() + "\t" + k.namespaced()
          + "\t" + k.kind();
      if (wide) row += "\t" + verbs(k) + "\t" + (ResourceArgs.ALL.contains(k) ? "all" : "");
      w.write(row + "\n");
    }
    out().print(w.flush());
    return 0;
  }

  /** The verbs discovery reports; namespaces have no deletecollection. */
  private static String verbs(ResourceKind k) {
    return k == ResourceKind.NAMESPACE ? "create,delete,get,list,patch,update,watch"
        : "create,delete,deletecollection,get,list,patch,update,watch";
  }
}
