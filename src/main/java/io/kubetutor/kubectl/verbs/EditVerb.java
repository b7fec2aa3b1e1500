package io.kubetutor.kubectl.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.Objects;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.ResourceArgs;
import io.kubetutor.kubectl.Verb;
import io.kubetutor.kubectl.apply.ThreeWayMerge;
import io.kubetutor.kubectl.manifest.ManifestReader;
import io.kubetutor.kubectl.manifest.StrictDecoder;
import io.kubetutor.print.Documents;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl edit TYPE NAME...}: opens the live object's YAML (or JSON with {@code -o json}; several
 * objects as one {@code v1 List}) under kubectl's header comment in the session's editor. Saving unchanged cancels; an invalid edit
 * re-opens the file with the error written as comments on top, as kubectl does; a valid one is
 * merged into the live object ({@code edited}).
 */
@Command(name = "edit", description = "Edit a resource on the server",
    footerHeading = "%nExamples:%n",
    footer = {"  # Edit the service named 'registry'", "  kubectl edit svc/registry", "",
        "  # Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation",
        "  kubectl edit deployment/mydeployment -o yaml"})
public final class EditVerb extends Verb {

  static final String HEADER = """
      # Please edit the object below. Lines beginning with a '#' will be ignored,
      # and an empty file will abort the edit. If an error occurs while saving this file will be
      # reopened with the relevant failures.
      #
      """;

  static final String CANCELLED = "Edit cancelled, no changes made.";

  @Parameters(arity = "0..*", paramLabel = "TYPE NAME") List<String> args = new ArrayList<>();

  @Option(names = {"-o", "--output"}, defaultValue = "yaml", description = "Output format in the editor: yaml or json.")
  String output;

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Override
  protected int run() {
    Cluster.DryRun dryRun = dryRunOption.mode();
    if (!output.equals("yaml") && !output.equals("json")) {
      throw new KubectlException("the edit mode must be one of: yaml, json (not \"" + output + "\")");
    }
    if (args.isEmpty()) {
      throw new KubectlException("You must provide one or more resources by argument or filename.\n"
          + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
          + "   '<resource> <name>'\n   '<resource>'");
    }
    Targets targets = Targets.resolve(cluster(), ResourceArgs.parse(args), null, false, namespace());
    List<RuntimeException> errors = new ArrayList<>(targets.errors);
    if (!targets.found.isEmpty()) {
      try {
        edit(targets.found, dryRun, errors);
      } catch (ClusterException | KubectlException e) {
        errors.add(e);
      }
    }
    return Errors.print(err(), errors);
  }

  /**
   * One editing session: a single object as itself, several as a {@code v1 List} in one file. After
   * a save, objects whose edit failed validation are re-opened (alone) with the reasons on top;
   * those that saved are done.
   */
  private void edit(List<Targets.Found> objects, Cluster.DryRun dryRun, List<RuntimeException> errors) {
    Targets.Found first = objects.get(0);
    String fileName = "kubectl-edit-" + first.kind().singular() + "-" + first.name() + "." + output;
    List<Targets.Found> pending = objects;
    List<JsonNode> originals = new ArrayList<>();
    for (Targets.Found f : objects) originals.add(ManifestReader.parseDocument(render(f.object())));
    String body = render(objects.stream().map(Targets.Found::object).toList());
    String presented = HEADER + body;
    String lastInvalid = null;
    boolean saved = false;
    while (true) {
      String edited = env.edit(fileName, presented);
      String content = edited == null ? "" : stripComments(edited);
      if (lastInvalid != null && content.equals(lastInvalid)) {
        throw new KubectlException("Edit cancelled, no valid changes were saved.");
      }
      if (content.isBlank() || (lastInvalid == null && content.equals(stripComments(body)))) {
        if (!saved) err().println(CANCELLED);
        return;
      }
      List<JsonNode> items;
      try {
        items = items(ManifestReader.parseDocument(content), pending.size());
      } catch (IllegalArgumentException e) {
        // kubectl reads the saved text as a stream named "edited-file".
        lastInvalid = content;
        presented = HEADER + "# The edited file had a syntax error: error parsing edited-file: error converting YAML to"
            + " JSON: " + e.getMessage() + "\n#\n" + content;
        continue;
      }
      StringBuilder problems = new StringBuilder();
      List<Targets.Found> failed = new ArrayList<>();
      List<JsonNode> failedOriginals = new ArrayList<>();
      List<JsonNode> failedItems = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        JsonNode item = items.get(i);
        if (item.equals(originals.get(i))) continue;
        String problem;
        try {
          problem = save(pending.get(i), originals.get(i), item, dryRun);
        } catch (KubectlException e) {
          errors.add(e);
          continue;
        }
        if (problem == null) {
          saved = true;
        } else {
          problems.append(problem);
          failed.add(pending.get(i));
          failedOriginals.add(originals.get(i));
          failedItems.add(item);
        }
      }
      if (failed.isEmpty()) return;
      pending = failed;
      originals = failedOriginals;
      String again = failedItems.size() == 1 ? text(failedItems.get(0)) : text(listOf(failedItems));
      lastInvalid = stripComments(again);
      presented = HEADER + problems + again;
    }
  }

  /** The objects of the saved document: the document itself, or the items of a List. */
  private static List<JsonNode> items(JsonNode doc, int expected) {
    if (doc == null) throw new IllegalArgumentException("the edited file is empty");
    if (expected == 1) return List.of(doc);
    JsonNode items = doc.path("items");
    if (!items.isArray() || items.size() != expected) {
      throw new KubectlException("the edited List must keep its " + expected + " items");
    }
    List<JsonNode> out = new ArrayList<>();
    items.forEach(out::add);
    return out;
  }

  /** Saves one object's edit; returns null on success, or the comment block to re-open it with. */
  private String save(Targets.Found f, JsonNode originalJson, JsonNode editedJson, Cluster.DryRun dryRun) {
    if (!(editedJson instanceof ObjectNode edited)) {
      return "# error: the edited file is not a " + f.kind().kind() + " object\n#\n";
    }
    if (!edited.path("apiVersion").asText().equals(originalJson.path("apiVersion").asText())
        || !edited.path("kind").asText().equals(originalJson.path("kind").asText())
        || !edited.path("metadata").path("name").asText().equals(f.name())) {
      return "# error: At least one of apiVersion, kind and name was changed\n#\n";
    }
    try {
      HasMetadata live = cluster().get(f.kind(), f.namespace(), f.name());
      ObjectNode merged = ThreeWayMerge.merge(originalJson, edited, (ObjectNode) Objects.toTree(live));
      HasMetadata object;
      try {
        object = StrictDecoder.decode(f.kind(), merged);
      } catch (ClusterException e) {
        throw StrictDecoder.asPatchError(f.kind(), e);  // edit sends a patch
      }
      HasMetadata result = dryRun == Cluster.DryRun.CLIENT ? object : cluster().update(object, dryRun);
      out().println(f.kind().qualifiedSingular() + "/" + result.getMetadata().getName() + " edited"
          + WriteOutput.suffix(dryRun));
      return null;
    } catch (ClusterException e) {
      String resource = f.kind().qualifiedPlural() + " \"" + f.name() + "\"";
      if (e.code() == 422) {
        // Invalid: kubectl says so on stderr and re-opens the file with the causes on top.
        err().println("error: " + resource + " is invalid");
        StringBuilder sb = new StringBuilder("# " + resource + " was not valid:\n");
        if (e.causes().isEmpty()) {
          sb.append("# * ").append(e.getMessage()).append('\n');
        } else {
          e.causes().forEach(c -> sb.append("# * ").append(c.render()).append('\n'));
        }
        return sb.append("#\n").toString();
      }
      if (e.isNotFound()) throw new KubectlException(resource + " could not be found on the server");
      throw new KubectlException(resource + " could not be patched: " + e.getMessage());
    }
  }

  /** The object as {@code get -o yaml|json} prints it: kubectl edits through the same printers. */
  private String render(HasMetadata object) {
    HasMetadata copy = Objects.copy(object);
    copy.getMetadata().setManagedFields(null);  // kubectl edit hides managed fields
    return text(Documents.tree(copy));
  }

  /** Several objects as kubectl shows them for editing: one {@code v1 List}. */
  private String render(List<HasMetadata> objects) {
    if (objects.size() == 1) return render(objects.get(0));
    List<JsonNode> items = new ArrayList<>();
    for (HasMetadata o : objects) items.add(ManifestReader.parseDocument(render(o)));
    return text(listOf(items));
  }

  private static JsonNode listOf(List<JsonNode> items) {
    ObjectNode list = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    list.put("apiVersion", "v1");
    list.putArray("items").addAll(items);
    list.put("kind", "List");
    list.putObject("metadata").put("resourceVersion", "");
    return list;
  }

  /** A document in the printers' layout: go-yaml for YAML, MarshalIndent for JSON; keys sorted. */
  private String text(JsonNode json) {
    JsonNode sorted = Documents.tree(json);
    return output.equals("json") ? Documents.json(sorted) : Documents.yaml(sorted);
  }

  /** The text without comment lines, as kubectl compares and parses it. */
  static String stripComments(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.stripLeading().startsWith("#")) continue;
      sb.append(line).append('\n');
    }
    String s = sb.toString().replaceAll("\n+$", "\n");
    return s.isBlank() ? "" : s;
  }
}
