package io.kubetutor.kubectl.verbs;

import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import io.kubetutor.kubectl.explain.ExplainRenderer;
import io.kubetutor.kubectl.explain.ExplainSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl explain TYPE[.field.path]}: documentation of a served kind or one of its fields, from the
 * Kubernetes 1.31 API descriptions that ship with kubetutor ({@link ExplainSchema}). Works the same on the
 * simulator and on a real cluster, because it reads no object.
 */
@Command(name = "explain", description = "Get documentation for a resource",
    footerHeading = "%nExamples:%n",
    footer = {"  # Get the documentation of the resource and its fields", "  kubectl explain pods", "",
        "  # Get all the fields in the resource", "  kubectl explain pods --recursive", "",
        "  # Get the explanation for deployment in supported api versions", "  kubectl explain deployments --api-version=apps/v1", "",
        "  # Get the documentation of a specific field of a resource", "  kubectl explain pods.spec.containers"})
public final class ExplainVerb extends Verb {

  static final String PLAINTEXT = "plaintext";
  static final String PLAINTEXT_OPENAPIV2 = "plaintext-openapiv2";

  @Parameters(arity = "0..*", paramLabel = "TYPE[.FIELD]")
  List<String> args = new ArrayList<>();

  @Option(names = "--recursive", arity = "0..1", description = "When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.")
  boolean recursive;

  @Option(names = "--api-version", description = "Use given api-version (group/version) of the resource.")
  String apiVersion;

  @Option(names = "--output", description = "Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).")
  String output = PLAINTEXT;

  @Override
  protected int run() {
    if (args.isEmpty()) {
      throw new KubectlException("You must specify the type of resource to explain. "
          + "Use \"kubectl api-resources\" for a complete list of supported resources.");
    }
    if (args.size() > 1) throw new KubectlException("We accept only this format: explain RESOURCE");
    if (PLAINTEXT_OPENAPIV2.equals(output)) {
      // kubectl renders this older layout from the server's OpenAPI v2 document, which kubetutor does not carry.
      throw new KubectlException("--output " + PLAINTEXT_OPENAPIV2 + " is not supported: only the OpenAPI v3 "
          + "documentation (--output " + PLAINTEXT + ") is available");
    }
    if (!PLAINTEXT.equals(output)) throw new KubectlException("unrecognized format: " + output);

    String[] parts = args.get(0).split("\\.", -1);
    int typeParts = 0;
    ResourceKind kind = null;
    // The type may be qualified by its group (deployments.apps.spec): take the longest prefix that names one.
    for (int n = parts.length; n >= 1 && kind == null; n--) {
      Optional<ResourceKind> k = ResourceKind.lookup(String.join(".", Arrays.copyOfRange(parts, 0, n)));
      if (k.isPresent()) {
        kind = k.get();
        typeParts = n;
      }
    }
    if (kind == null) throw new KubectlException("the server doesn't have a resource type \"" + parts[0] + "\"");
    List<String> path = List.of(Arrays.copyOfRange(parts, typeParts, parts.length));
    if (path.stream().anyMatch(String::isEmpty)) {
      throw new KubectlException("field \"" + path.get(path.size() - 1) + "\" does not exist");
    }
    if (apiVersion != null && !apiVersion.equals(kind.apiVersion())) throw unknownGroupVersion(kind);

    ExplainSchema schema;
    try {
      schema = ExplainSchema.builtIn();
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new KubectlException(e.getMessage());
    }
    out().print(new ExplainRenderer(schema).render(kind, path, recursive));
    return 0;
  }

  /**
   * kubectl looks the kind up in the OpenAPI document of the requested group/version: a group/version the
   * server does not serve has no document at all; a served one lacks this resource.
   */
  private KubectlException unknownGroupVersion(ResourceKind kind) {
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    String gvr = group + "/" + version + ", Resource=" + kind.plural();
    boolean served = Arrays.stream(ResourceKind.values()).anyMatch(k -> k.apiVersion().equals(apiVersion));
    return served ? new KubectlException("GVR (" + gvr + ") not found in OpenAPI schema")
        : new KubectlException("couldn't find resource for \"" + gvr + "\"");
  }
}
