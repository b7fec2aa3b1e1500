package io.kubetutor.kubectl.verbs;

import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.Objects;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kubectl version}: client and server versions (the simulator reports a v1.31 server). */
@Command(name = "version", description = "Print the client and server version information",
    footerHeading = "%nExamples:%n",
    footer = {"  # Print the client and server versions for the current context", "  kubectl version"})
public final class VersionVerb extends Verb {

  /** The kubectl release this shell imitates. */
  public static final Cluster.VersionInfo CLIENT = new Cluster.VersionInfo("1", "31", "v1.31.0",
      "9edcffcde5595e8a5b1a35f88c421764e575afce", "clean", "2024-08-13T07:37:34Z", "go1.22.5", "gc", "linux/amd64");

  @Option(names = "--client", arity = "0..1", description = "If true, shows client version only (no server required).")
  boolean clientOnly;

  @Option(names = {"-o", "--output"}, description = "One of 'yaml' or 'json'.")
  String output;

  @Override
  protected int run() {
    if (output != null && !output.equals("yaml") && !output.equals("json")) {
      throw new KubectlException("--output must be 'yaml' or 'json'");
    }
    Cluster.VersionInfo server = clientOnly ? null : cluster().serverVersion();
    if (output == null) {
      out().println("Client Version: " + CLIENT.gitVersion());
      out().println("Kustomize Version: v5.4.2");
      if (server != null) out().println("Server Version: " + server.gitVersion());
      return 0;
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("clientVersion", asMap(CLIENT));
    doc.put("kustomizeVersion", "v5.4.2");
    if (server != null) doc.put("serverVersion", asMap(server));
    out().print(output.equals("json") ? Objects.toJson(doc) + "\n" : Objects.toYaml(doc));
    return 0;
  }

  private static Map<String, Object> asMap(Cluster.VersionInfo v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("buildDate", v.buildDate());
    m.put("compiler", v.compiler());
    m.put("gitCommit", v.gitCommit());
    m.put("gitTreeState", v.gitTreeState());
    m.put("gitVersion", v.gitVersion());
    m.put("goVersion", v.goVersion());
    m.put("major", v.major());
    m.put("minor", v.minor());
    m.put("platform", v.platform());
    return m;
  }
}
