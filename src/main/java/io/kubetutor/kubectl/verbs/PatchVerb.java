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
import io.kubetutor.kubectl.apply.JsonPatch;
import io.kubetutor.kubectl.apply.MergePatch;
import io.kubetutor.kubectl.apply.ThreeWayMerge;
import io.kubetutor.kubectl.manifest.ManifestReader;
import io.kubetutor.kubectl.manifest.StrictDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]}: the patch is applied to
 * the live object here and the result sent as an update, so it works the same on every backend.
 * Prints {@code patched}, or {@code patched (no change)}.
 */
@Command(name = "patch", description = "Update fields of a resource",
    footerHeading = "%nExamples:%n",
    footer = {"  # Partially update a node using a strategic merge patch, specifying the patch as JSON",
        "  kubectl patch node k8s-node-1 -p '{\"spec\":{\"unschedulable\":true}}'", "",
        "  # Update a container's image using a JSON patch with positional arrays",
        "  kubectl patch pod valid-pod --type='json' -p='[{\"op\": \"replace\", \"path\": \"/spec/containers/0/image\", \"value\":\"new image\"}]'"})
public final class PatchVerb extends Verb {

  @Parameters(arity = "0..*", paramLabel = "TYPE NAME") List<String> args = new ArrayList<>();

  @Mixin ManifestOptions manifests = new ManifestOptions();

  @Option(names = {"-p", "--patch"}, description = "The patch to be applied to the resource JSON file.")
  String patch;

  @Option(names = "--patch-file", description = "A file containing a patch to be applied to the resource.")
  String patchFile;

  @Option(names = "--type", defaultValue = "strategic", description = "The type of patch being provided; one of [json merge strategic]")
  String type;

  @Mixin DryRunOption dryRunOption = new DryRunOption();

  @Mixin WriteOutputOption output = new WriteOutputOption();

  @Override
  protected int run() {
    Cluster.DryRun dryRun = dryRunOption.mode();
    WriteOutput printer = output.printer(dryRun, out());
    if (!type.equals("json") && !type.equals("merge") && !type.equals("strategic")) {
      throw new KubectlException("--type must be one of [json merge strategic], not \"" + type + "\"");
    }
    String text = patch;
    if (patchFile != null) {
      if (patch != null) throw new KubectlException("cannot specify --patch and --patch-file together");
      try {
        text = Files.readString(env.readable(env.workdir().resolve(patchFile)));
      } catch (IOException e) {
        throw new KubectlException("unable to read patch file: open " + patchFile + ": no such file or directory");
      }
    }
    if (text == null || text.isEmpty()) throw new KubectlException("must specify --patch or --patch-file containing the contents of the patch");
    JsonNode patchJson;
    try {
      patchJson = ManifestReader.parseDocument(text);
    } catch (IllegalArgumentException e) {
      throw new KubectlException("unable to parse \"" + text + "\": " + e.getMessage());
    }
    if (patchJson == null) throw new KubectlException("unable to parse \"" + text + "\": empty patch");
    if (args.isEmpty() && !manifests.given()) {
      throw new KubectlException("one or more resources must be specified as <resource> <name> or <resource>/<name>");
    }
    Targets targets = manifests.given()
        ? Targets.fromManifests(cluster(), manifests.read(env, namespace(), namespaceFlag != null))
        : Targets.resolve(cluster(), ResourceArgs.parse(args), null, false, namespace());
    List<RuntimeException> errors = new ArrayList<>(targets.errors);
    for (Targets.Found f : targets.found) {
      try {
        Targets.retryOnConflict(cluster(), f, target -> {
          ObjectNode current = (ObjectNode) Objects.toTree(target.object());
          JsonNode patched = switch (type) {
            case "json" -> JsonPatch.apply(current, patchJson);
            case "merge" -> MergePatch.apply(current, patchJson);
            default -> {
              if (!patchJson.isObject()) throw ClusterException.badRequest("json: cannot unmarshal array into Go value of type map[string]interface {}");
              yield ThreeWayMerge.merge(null, (ObjectNode) patchJson, current);
            }
          };
          if (!(patched instanceof ObjectNode obj)) throw ClusterException.badRequest("the patched object is not a JSON object");
          if (ThreeWayMerge.diff(current, obj, "").isEmpty()) {
            printer.print(target.kind(), target.object(), "patched (no change)");
            return target.object();
          }
          HasMetadata object;
        try {
          object = StrictDecoder.decode(target.kind(), obj);
        } catch (ClusterException e) {
          throw StrictDecoder.asPatchError(target.kind(), e);
        }
          HasMetadata result = dryRun == Cluster.DryRun.CLIENT ? object : cluster().update(object, dryRun);
          printer.print(target.kind(), result, "patched");
          return result;
        });
      } catch (JsonPatch.PatchException e) {
        errors.add(new ClusterException(422, "", e.getMessage()));
      } catch (ClusterException | KubectlException e) {
        errors.add(e);
      }
    }
    return Errors.print(err(), errors);
  }
}
