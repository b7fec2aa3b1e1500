package io.kubetutor.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ClusterException;
import io.kubetutor.cluster.FieldSelector;
import io.kubetutor.cluster.Objects;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.cluster.Selector;
import io.kubetutor.print.JsonPath;
import io.kubetutor.shell.Session.HistoryEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Evaluates {@link Check}s against what a student can see: the cluster, their history, their files. */
public final class CheckEvaluator {

  /** Outcome of one check: passed, or the author's message plus what was actually found. */
  public record Result(Check check, boolean passed, String detail) {}

  /** What a check may look at. {@code stepHistory} is the history since the step began. */
  public record Context(Cluster cluster, String namespace, List<HistoryEntry> history, List<HistoryEntry> stepHistory,
      Path workspace, Map<Integer, String> answers, int stepIndex) {}

  private CheckEvaluator() {}

  public static Result evaluate(Check check, Context ctx) {
    try {
      return switch (check.type) {
        case "exists" -> exists(check, ctx, true);
        case "absent" -> exists(check, ctx, false);
        case "field" -> field(check, ctx);
        case "count" -> count(check, ctx);
        case "command" -> command(check, ctx);
        case "file" -> file(check, ctx);
        case "answer" -> answer(check, ctx);
        default -> new Result(check, false, "unknown check type \"" + check.type + "\"");
      };
    } catch (ClusterException e) {
      // A forbidden or unreachable cluster is a failed check, never a crash of the shell.
      return new Result(check, false, e.toKubectlMessage());
    } catch (RuntimeException e) {
      return new Result(check, false, String.valueOf(e.getMessage()));
    }
  }

  private static ResourceKind kind(Check check) {
    return ResourceKind.lookup(check.kind)
        .orElseThrow(() -> new IllegalArgumentException("unknown kind \"" + check.kind + "\""));
  }

  private static String ns(Check check, Context ctx) {
    return check.namespace != null ? check.namespace : ctx.namespace();
  }

  private static HasMetadata find(Check check, Context ctx) {
    try {
      return ctx.cluster().get(kind(check), ns(check, ctx), check.name);
    } catch (ClusterException e) {
      if (e.code() == 404) return null;
      throw e;
    }
  }

  private static Result exists(Check check, Context ctx, boolean wanted) {
    boolean present;
    if (check.name != null) {
      HasMetadata obj = find(check, ctx);
      // An object being deleted is already gone from the student's point of view.
      present = obj != null && obj.getMetadata().getDeletionTimestamp() == null;
    } else {
      present = !matching(check, ctx).isEmpty();
    }
    String what = describe(check);
    return new Result(check, present == wanted, present ? what + " exists" : what + " not found");
  }

  private static String describe(Check check) {
    return check.kind + (check.name != null ? " \"" + check.name + "\"" : "")
        + (check.selector != null ? " with " + check.selector : "");
  }

  private static List<HasMetadata> matching(Check check, Context ctx) {
    Selector labels = check.selector == null ? Selector.EVERYTHING : Selector.parse(check.selector);
    return ctx.cluster().list(kind(check), ns(check, ctx), labels, FieldSelector.EVERYTHING).stream()
        .filter(o -> o.getMetadata().getDeletionTimestamp() == null)
        .filter(o -> check.phase == null || (o instanceof Pod p && p.getStatus() != null
            && check.phase.equals(p.getStatus().getPhase())))
        .toList();
  }

  private static Result field(Check check, Context ctx) {
    HasMetadata obj = find(check, ctx);
    if (obj == null) return new Result(check, false, describe(check) + " not found");
    String value = readPath(Objects.toTree(obj), check.path);
    return compare(check, value);
  }

  /** Reads a jsonpath ({@code {.spec.replicas}}) or dotted path; empty when absent. */
  static String readPath(JsonNode root, String path) {
    String template = path.startsWith("{") ? path : "{." + (path.startsWith(".") ? path.substring(1) : path) + "}";
    return JsonPath.parse(template).execute(root);
  }

  private static Result compare(Check check, String value) {
    if (check.equals != null && !check.equals.equals(value)) {
      return new Result(check, false, "found \"" + value + "\", expected \"" + check.equals + "\"");
    }
    if (check.matches != null && !Pattern.compile(check.matches).matcher(value).find()) {
      return new Result(check, false, "found \"" + value + "\", which does not match " + check.matches);
    }
    if (check.min != null || check.max != null) {
      long n;
      try {
        n = Long.parseLong(value.strip());
      } catch (NumberFormatException e) {
        return new Result(check, false, "found \"" + value + "\", not a number");
      }
      if (check.min != null && n < check.min) return new Result(check, false, "found " + n + ", expected at least " + check.min);
      if (check.max != null && n > check.max) return new Result(check, false, "found " + n + ", expected at most " + check.max);
    }
    return new Result(check, true, "found \"" + value + "\"");
  }

  private static Result count(Check check, Context ctx) {
    int n = matching(check, ctx).size();
    Check numeric = check;
    if (check.equals != null) {
      boolean ok = String.valueOf(n).equals(check.equals.strip());
      return new Result(check, ok, "found " + n + (ok ? "" : ", expected " + check.equals));
    }
    return compare(numeric, String.valueOf(n));
  }

  private static Result command(Check check, Context ctx) {
    Pattern p = Pattern.compile(check.pattern);
    List<HistoryEntry> scope = "ever".equals(check.scope) ? ctx.history() : ctx.stepHistory();
    long n = scope.stream().filter(e -> e.exitCode() == 0).filter(e -> p.matcher(e.line()).find()).count();
    int min = check.min == null ? 1 : check.min;
    boolean ok = n >= min && (check.max == null || n <= check.max);
    return new Result(check, ok, "ran " + n + " matching command" + (n == 1 ? "" : "s"));
  }

  private static Result file(Check check, Context ctx) {
    Path f = ctx.workspace().resolve(check.file).normalize();
    if (!f.startsWith(ctx.workspace()) || !Files.isRegularFile(f)) {
      return new Result(check, false, check.file + " not found in the workspace");
    }
    String text;
    try {
      text = Files.readString(f);
    } catch (IOException e) {
      return new Result(check, false, check.file + ": " + e.getMessage());
    }
    if (check.path == null) {
      if (check.matches != null && !Pattern.compile(check.matches).matcher(text).find()) {
        return new Result(check, false, check.file + " does not contain " + check.matches);
      }
      return new Result(check, true, check.file + " exists");
    }
    JsonNode doc;
    try {
      doc = Objects.YAML.readTree(text);
    } catch (IOException e) {
      return new Result(check, false, check.file + " is not valid YAML");
    }
    if (doc == null) return new Result(check, false, check.file + " is empty");
    return compare(check, readPath(doc, check.path));
  }

  private static Result answer(Check check, Context ctx) {
    String given = ctx.answers().get(ctx.stepIndex());
    if (given == null) return new Result(check, false, "no answer given yet");
    boolean ok = Pattern.compile(check.matches == null ? Pattern.quote(check.equals) : check.matches,
        Pattern.CASE_INSENSITIVE).matcher(given.strip()).matches();
    return new Result(check, ok, ok ? "answered" : "answer \"" + given + "\" is not right");
  }
}
