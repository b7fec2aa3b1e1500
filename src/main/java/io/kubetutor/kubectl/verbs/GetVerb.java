package io.kubetutor.kubectl.verbs;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.ResourceArgs;
import io.kubetutor.kubectl.Verb;
import io.kubetutor.print.Documents;
import io.kubetutor.print.JsonPath;
import io.kubetutor.print.ObjectPrinter;
import io.kubetutor.print.PrintException;
import io.kubetutor.print.TableOptions;
import io.kubetutor.print.TablePrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl get}: tables per kind (with kubectl's decorations), or the objects in any
 * {@code -o} format; selectors, sorting, several types at once, and {@code --watch}.
 */
@Command(name = "get", description = "Display one or many resources",
    footerHeading = "%nExamples:%n",
    footer = {"  # List all pods in ps output format", "  kubectl get pods", "",
        "  # List all pods in ps output format with more information (such as node name)", "  kubectl get pods -o wide"})
public final class GetVerb extends Verb {

  @Parameters(arity = "0..*", paramLabel = "TYPE[.VERSION][.GROUP] [NAME | -l label]")
  List<String> args = new ArrayList<>();

  @Option(names = {"-o", "--output"}, description = "Output format.")
  String output;

  @Option(names = {"-l", "--selector"}, description = "Selector (label query) to filter on.")
  String selector;

  @Option(names = "--field-selector", description = "Selector (field query) to filter on.")
  String fieldSelector;

  @Option(names = {"-A", "--all-namespaces"}, arity = "0..1", description = "List across all namespaces.")
  boolean allNamespaces;

  @Option(names = "--show-labels", arity = "0..1", description = "Show all labels as the last column.")
  boolean showLabels;

  @Option(names = {"-L", "--label-columns"}, split = ",", description = "Labels to show as columns.")
  List<String> labelColumns = new ArrayList<>();

  @Option(names = "--no-headers", arity = "0..1", description = "Don't print headers.")
  boolean noHeaders;

  @Option(names = "--show-kind", arity = "0..1", description = "List the resource type for the requested object(s).")
  boolean showKind;

  @Option(names = "--sort-by", description = "Sort list types using this field specification (a JSONPath expression).")
  String sortBy;

  @Option(names = "--ignore-not-found", arity = "0..1", description = "Treat \"resource not found\" as a successful retrieval.")
  boolean ignoreNotFound;

  @Option(names = {"-w", "--watch"}, arity = "0..1", description = "After listing/getting the requested object, watch for changes.")
  boolean watch;

  @Option(names = "--watch-only", arity = "0..1", description = "Watch for changes to the requested object(s), without listing/getting first.")
  boolean watchOnly;

  @Option(names = "--chunk-size", description = "Return large lists in chunks (accepted; lists are not chunked).")
  Long chunkSize;

  @Override
  protected int run() throws Exception {
    if (args.isEmpty()) {
      err().println("You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list"
          + " of supported resources.");
      err().println();
      throw KubectlException.usage("get", "Required resource not specified.\nUse \"kubectl explain <resource>\" for a"
          + " detailed description of that resource (e.g. kubectl explain pods).");
    }
    ResourceArgs resources = ResourceArgs.parse(args);
    Selector labels = parseSelector();
    FieldSelector fields = parseFieldSelector();
    if (resources.hasNames() && (selector != null || fieldSelector != null)) {
      throw new KubectlException("name cannot be provided when a selector is specified");
    }
    String format = output == null ? "" : output;
    boolean wide = format.equals("wide");
    ObjectPrinter objectPrinter = null;
    if (!format.isEmpty() && !wide) objectPrinter = objectPrinter(format);
    JsonPath sortPath = null;
    if (sortBy != null && !sortBy.isEmpty()) {
      sortPath = sortPath(sortBy);
    }
    boolean multipleKinds = resources.multipleKinds()
        || (!resources.slashForm() && args.get(0).toLowerCase().split(",").length > 1)
        || args.get(0).equalsIgnoreCase("all");
    TableOptions options = new TableOptions(wide, noHeaders, showKind || multipleKinds, allNamespaces, showLabels,
        labelColumns, env.color());
    TablePrinter table = new TablePrinter(options);
    String ns = allNamespaces ? null : namespace();

    if (watch || watchOnly) return watch(resources, labels, fields, ns, table, objectPrinter);

    List<ClusterException> errors = new ArrayList<>();
    List<HasMetadata> everything = new ArrayList<>();
    boolean printedSomething = false;
    boolean anyObject = false;
    for (ResourceArgs.Target target : resources.targets()) {
      ResourceKind kind = target.kind();
      List<HasMetadata> objects = new ArrayList<>();
      if (target.names().isEmpty()) {
        objects.addAll(cluster().list(kind, kind.namespaced() ? ns : null, labels, fields));
      } else {
        if (allNamespaces && kind.namespaced()) {
          throw new KubectlException("a resource cannot be retrieved by name across all namespaces");
        }
        for (String name : target.names()) {
          try {
            objects.add(cluster().get(kind, namespace(), name));
          } catch (ClusterException e) {
            if (!(e.isNotFound() && ignoreNotFound)) errors.add(e);
          }
        }
      }
      if (sortPath != null) sort(objects, sortPath);
      if (objects.isEmpty()) continue;
      anyObject = true;
      if (objectPrinter != null) {
        everything.addAll(objects);
        continue;
      }
      String text = table.print(kind, objects, cluster().clock().now(), true);
      if (printedSomething) out().println();
      out().print(text);
      printedSomething = true;
    }
    if (objectPrinter != null) {
      // Generic printers get the whole result: one named object prints as itself, anything else as
      // a List (even an empty one); they never print the "No resources found" message.
      boolean single = resources.targets().size() == 1 && resources.targets().get(0).names().size() == 1;
      if (single) {
        if (!everything.isEmpty()) out().print(objectPrinter.print(everything.get(0)));
      } else if (!(everything.isEmpty() && ignoreNotFound)) {
        out().print(objectPrinter.print(everything, true));
      }
    } else if (!anyObject && errors.isEmpty() && !ignoreNotFound && !resources.hasNames()) {
      boolean namespaced = resources.targets().stream().anyMatch(t -> t.kind().namespaced());
      out().flush();
      if (allNamespaces || !namespaced) err().println("No resources found");
      else err().println("No resources found in " + ns + " namespace.");
    }
    out().flush();
    for (ClusterException e : errors) err().println(e.toKubectlMessage());
    return errors.isEmpty() ? 0 : 1;
  }

  /** {@code -w}: the list first (unless {@code --watch-only}), then one row per change, until interrupted or quiet. */
  private int watch(ResourceArgs resources, Selector labels, FieldSelector fields, String ns, TablePrinter table,
      ObjectPrinter objectPrinter) throws Exception {
    if (resources.targets().size() != 1) {
      throw new KubectlException("you may only specify a single resource type");
    }
    ResourceArgs.Target target = resources.targets().get(0);
    ResourceKind kind = target.kind();
    String watchNs = kind.namespaced() ? ns : null;
    boolean headerDue = true;
    LinkedBlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    try (AutoCloseable handle = cluster().watch(kind, watchNs, labels, events::add)) {
      if (!watchOnly) {
        List<HasMetadata> initial = new ArrayList<>();
        if (target.names().isEmpty()) {
          initial.addAll(cluster().list(kind, watchNs, labels, fields));
        } else {
          for (String name : target.names()) initial.add(cluster().get(kind, namespace(), name));
        }
        if (initial.isEmpty()) {
          err().println(ns == null || !kind.namespaced() ? "No resources found" : "No resources found in " + ns + " namespace.");
        } else {
          printWatched(kind, initial, table, objectPrinter, true);
          headerDue = false;
        }
        out().flush();
        err().flush();
      }
      while (!Thread.currentThread().isInterrupted()) {
        WatchEvent event = events.poll();
        if (event == null) {
          if (cluster().clock().quiescent()) break;
          cluster().clock().sleep(Duration.ofMillis(200));
          continue;
        }
        HasMetadata o = event.object();
        if (!target.names().isEmpty() && !target.names().contains(o.getMetadata().getName())) continue;
        if (!fields.isEverything() && !fields.matches(field -> fieldValue(o, field))) continue;
        printWatched(kind, List.of(o), table, objectPrinter, headerDue);
        headerDue = false;
        out().flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private void printWatched(ResourceKind kind, List<HasMetadata> objects, TablePrinter table, ObjectPrinter printer,
      boolean header) {
    if (printer == null) {
      out().print(table.print(kind, objects, cluster().clock().now(), header));
      return;
    }
    for (HasMetadata o : objects) {
      String text = printer.print(o);
      // Watch output of yaml separates documents as kubectl does.
      if (output.equals("yaml") && !header) out().println("---");
      out().print(text);
      header = false;
    }
  }

  private static String fieldValue(HasMetadata o, String field) {
    List<JsonNode> v = JsonPath.values("{." + field + "}", Documents.tree(o));
    return v.isEmpty() ? null : v.get(0).asText();
  }

  private ObjectPrinter objectPrinter(String format) {
    String fileText = null;
    int eq = format.indexOf('=');
    String name = eq < 0 ? format : format.substring(0, eq);
    if (name.equals("jsonpath-file") || name.equals("custom-columns-file")) {
      String file = eq < 0 ? "" : format.substring(eq + 1);
      try {
        fileText = io.kubetutor.kubectl.manifest.BoundedFiles.readString(env.readable(env.workdir().resolve(file)), file);
      } catch (IOException | java.nio.file.InvalidPathException e) {
        throw new KubectlException("open " + file + ": no such file or directory");
      }
    }
    try {
      return ObjectPrinter.forFormat(format, fileText, noHeaders);
    } catch (PrintException e) {
      throw new KubectlException(e.getMessage());
    }
  }

  private JsonPath sortPath(String expression) {
    String e = expression.trim();
    if (!e.startsWith("{")) e = "{" + (e.startsWith(".") ? "" : ".") + e + "}";
    try {
      return JsonPath.parse(e);
    } catch (PrintException ex) {
      throw new KubectlException(ex.getMessage());
    }
  }

  /** {@code --sort-by}: numbers numerically, everything else as text; objects without the field first. */
  private static void sort(List<HasMetadata> objects, JsonPath path) {
    List<JsonNode> keys = new ArrayList<>();
    List<HasMetadata> copy = new ArrayList<>(objects);
    for (HasMetadata o : copy) {
      List<JsonNode> v = JsonPath.values(path.template(), Documents.tree(o));
      keys.add(v.isEmpty() ? null : v.get(0));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < copy.size(); i++) order.add(i);
    order.sort(Comparator.comparing(keys::get, GetVerb::compareKeys));
    objects.clear();
    for (int i : order) objects.add(copy.get(i));
  }

  private static int compareKeys(JsonNode a, JsonNode b) {
    if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
    if (a.isNumber() && b.isNumber()) return Double.compare(a.asDouble(), b.asDouble());
    return a.asText().compareTo(b.asText());
  }

  private Selector parseSelector() {
    try {
      return Selector.parse(selector);
    } catch (IllegalArgumentException e) {
      throw new KubectlException(e.getMessage());
    }
  }

  private FieldSelector parseFieldSelector() {
    try {
      return FieldSelector.parse(fieldSelector);
    } catch (IllegalArgumentException e) {
      throw new KubectlException(e.getMessage());
    }
  }
}
