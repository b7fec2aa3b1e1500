package io.kubetutor.shell.completion;

import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.kubectl.explain.ExplainPaths;
import io.kubetutor.kubectl.KubectlEnv;
import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import io.kubetutor.shell.builtins.PathCandidates;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Tab completion for the shell: commands and built-ins, kubectl verbs and their sub-commands, the
 * flags of the verb at hand (also after positionals), flag values ({@code -o} formats, contexts,
 * namespaces, {@code -f} paths), resource types, and the names of live objects of the typed type in
 * the namespace the line is about. Built-ins complete their own arguments through
 * {@link Builtin#complete}.
 */
public final class ShellCompleter implements Completer {

  /** Verbs whose first positional is a pod, not a type. */
  private static final Set<String> POD_VERBS = Set.of("logs", "exec", "attach", "port-forward");

  /** Verbs (or verb paths) whose positionals are TYPE [NAME...] or TYPE/NAME. */
  private static final Set<String> RESOURCE_VERBS = Set.of("get", "describe", "delete", "edit", "label", "annotate",
      "scale", "patch", "wait", "expose", "autoscale", "tree", "rollout status", "rollout history", "rollout undo",
      "rollout restart", "rollout pause", "rollout resume", "set image", "set env", "set resources");

  /** Verbs whose positional is a context name. */
  private static final Set<String> CONTEXT_VERBS = Set.of("config use-context", "config delete-context",
      "config rename-context", "config set-context");

  private static final List<String> OUTPUT_FORMATS = List.of("json", "yaml", "wide", "name", "custom-columns=",
      "custom-columns-file=", "go-template=", "go-template-file=", "jsonpath=", "jsonpath-as-json=", "jsonpath-file=",
      "template=", "templatefile=");

  private final Session session;
  private final LiveNames liveNames;

  public ShellCompleter(Session session, LiveNames liveNames) {
    this.session = session;
    this.liveNames = liveNames;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    List<String> words = line.words();
    int index = line.wordIndex();
    String current = index < words.size() ? words.get(index) : "";
    candidates.addAll(complete(words.subList(0, Math.min(index, words.size())), current));
  }

  /** Candidates for {@code current}, the word being typed, after the complete words {@code before}. */
  public List<Candidate> complete(List<String> before, String current) {
    List<Candidate> out = new ArrayList<>();
    try {
      int pipe = before.lastIndexOf("|");
      if (pipe >= 0) {
        // After a pipe: the filters it can feed, then nothing (their few flags are in help).
        if (pipe == before.size() - 1) {
          for (String name : io.kubetutor.shell.pipe.TextFilters.NAMES) out.add(command(name, "text filter"));
        }
        return out;
      }
      if (before.isEmpty()) {
        out.add(command("kubectl", "kubectl commands"));
        out.add(command("k", "short for kubectl"));
        Map<String, Builtin> unique = new TreeMap<>(session.builtins());
        unique.forEach((name, b) -> out.add(command(name, b.summary())));
        return out;
      }
      String first = before.get(0);
      if (first.equals("kubectl") || first.equals("k")) {
        kubectl(before.subList(1, before.size()), current, out);
        return out;
      }
      Builtin builtin = session.builtins().get(first);
      if (builtin != null) {
        List<String> args = new ArrayList<>(before.subList(1, before.size()));
        args.add(current);
        for (String value : builtin.complete(args, session)) out.add(value(value, null));
      }
    } catch (RuntimeException e) {
      // Completion is a convenience: a failure offers nothing rather than breaking the prompt.
    }
    return out;
  }

  private void kubectl(List<String> args, String current, List<Candidate> out) {
    CommandLine root = session.kubectl().commandLine();
    if (args.isEmpty()) {
      for (String verb : session.kubectl().verbNames()) out.add(descr(verb, session.kubectl().summary(verb), "verbs"));
      return;
    }
    CommandLine cmd = root.getSubcommands().get(args.get(0));
    if (cmd == null) return;
    List<String> path = new ArrayList<>(List.of(args.get(0)));
    List<String> positionals = new ArrayList<>();
    String namespace = null;
    boolean allNamespaces = false;
    OptionSpec pending = null;
    for (String word : args.subList(1, args.size())) {
      if (pending != null) {
        if (isNamespace(pending)) namespace = word;
        pending = null;
        continue;
      }
      if (word.startsWith("-") && word.length() > 1) {
        String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        OptionSpec opt = cmd.getCommandSpec().findOption(name);
        if (opt != null && isNamespace(opt) && word.contains("=")) namespace = word.substring(word.indexOf('=') + 1);
        if (name.equals("-A") || name.equals("--all-namespaces")) allNamespaces = true;
        if (opt != null && takesValue(opt) && !word.contains("=")) pending = opt;
        continue;
      }
      CommandLine sub = positionals.isEmpty() ? cmd.getSubcommands().get(word) : null;
      if (sub != null) {
        cmd = sub;
        path.add(word);
      } else {
        positionals.add(word);
      }
    }
    String ns = allNamespaces ? null : namespace != null ? namespace : session.namespace();
    CommandSpec spec = cmd.getCommandSpec();
    String verbPath = String.join(" ", path);
    String previous = args.get(args.size() - 1);
    if (pending != null) {
      optionValue(verbPath, pending.longestName(), pending, current, "", ns, out);
      return;
    }
    if (previous.equals("--context")) {
      // kubectl's global flag: offered whether or not this verb declares it.
      optionValue(verbPath, "--context", null, current, "", ns, out);
      return;
    }
    if (current.startsWith("-")) {
      int eq = current.indexOf('=');
      if (eq > 0) {
        String name = current.substring(0, eq);
        OptionSpec opt = spec.findOption(name);
        if (opt != null || name.equals("--context")) {
          optionValue(verbPath, opt == null ? name : opt.longestName(), opt, current.substring(eq + 1),
              current.substring(0, eq + 1), ns, out);
        }
        return;
      }
      for (OptionSpec opt : spec.options()) {
        if (opt.hidden()) continue;
        String descr = opt.description().length > 0 ? opt.description()[0] : null;
        for (String name : opt.names()) {
          Candidate c = new Candidate(name, name, "flags", descr, null, opt.longestName(), !takesValue(opt) || !name.startsWith("--"));
          out.add(takesValue(opt) && name.startsWith("--") ? new Candidate(name + "=", name + "=", "flags", descr, null,
              opt.longestName(), false) : c);
        }
      }
      return;
    }
    if (positionals.isEmpty() && !cmd.getSubcommands().isEmpty()) {
      cmd.getSubcommands().forEach((name, sub) -> {
        String[] d = sub.getCommandSpec().usageMessage().description();
        out.add(descr(name, d.length > 0 ? d[0] : null, "commands"));
      });
      return;
    }
    if (CONTEXT_VERBS.contains(verbPath)) {
      if (positionals.isEmpty()) optionValue(verbPath, "--context", null, current, "", ns, out);
      return;
    }
    if (POD_VERBS.contains(verbPath)) {
      if (positionals.isEmpty()) names(ResourceKind.POD, ns, "", out);
      return;
    }
    if (verbPath.equals("explain")) {
      // TYPE first, then its fields after each dot (the field list comes from kubectl/explain).
      if (!positionals.isEmpty()) return;
      if (!current.contains(".")) types(out);
      for (String p : ExplainPaths.complete(current)) out.add(new Candidate(p, p, null, null, null, null, false));
      return;
    }
    if (!RESOURCE_VERBS.contains(verbPath)) return;
    int slash = current.indexOf('/');
    if (slash > 0) {
      ResourceKind.lookup(current.substring(0, slash))
          .ifPresent(kind -> names(kind, ns, current.substring(0, slash + 1), out));
      return;
    }
    if (positionals.isEmpty()) {
      types(out);
    } else if (!positionals.get(0).contains("/") && !positionals.get(0).contains(",")) {
      ResourceKind.lookup(positionals.get(0)).ifPresent(kind -> names(kind, ns, "", out));
    }
  }

  private void optionValue(String verbPath, String longName, OptionSpec opt, String current, String prefix, String ns,
                           List<Candidate> out) {
    List<String> values = new ArrayList<>();
    if (longName.equals("--output")) {
      // Only get prints tables, so only get has wide and custom-columns.
      for (String f : OUTPUT_FORMATS) {
        if (verbPath.equals("get") || !(f.equals("wide") || f.startsWith("custom-columns"))) values.add(f);
      }
    } else if (longName.equals("--context") || longName.equals("--cluster")) {
      for (KubectlEnv.ContextInfo c : session.contexts().list()) {
        values.add(longName.equals("--context") ? c.name() : c.cluster());
      }
    } else if (longName.equals("--namespace")) {
      values.addAll(liveNames.names(session.cluster(), ResourceKind.NAMESPACE, null));
    } else if (longName.equals("--filename") || (opt != null && opt.paramLabel().contains("FILE"))) {
      values.addAll(PathCandidates.list(session, current, false));
    } else if (opt != null && opt.completionCandidates() != null) {
      opt.completionCandidates().forEach(values::add);
    }
    for (String v : new LinkedHashSet<>(values)) {
      boolean done = !v.endsWith("=") && !v.endsWith("/");
      out.add(new Candidate(prefix + v, v, null, null, null, null, done));
    }
  }

  private void types(List<Candidate> out) {
    for (ResourceKind kind : ResourceKind.values()) {
      out.add(new Candidate(kind.plural(), kind.plural(), "resource types", kind.kind(), null, null, true));
      out.add(new Candidate(kind.singular(), kind.singular(), "resource types", kind.kind(), null, null, true));
      for (String s : kind.shortNames()) out.add(new Candidate(s, s, "resource types", kind.kind(), null, null, true));
    }
  }

  private void names(ResourceKind kind, String ns, String prefix, List<Candidate> out) {
    for (String name : liveNames.names(session.cluster(), kind, ns)) {
      out.add(new Candidate(prefix + name, prefix + name, kind.plural(), null, null, null, true));
    }
  }

  private static boolean isNamespace(OptionSpec opt) {
    return opt.longestName().equals("--namespace");
  }

  private static boolean takesValue(OptionSpec opt) {
    return opt.arity().max() > 0 && !opt.type().equals(boolean.class) && !opt.type().equals(Boolean.class);
  }

  private static Candidate command(String name, String descr) {
    return new Candidate(name, name, "commands", descr, null, null, true);
  }

  private static Candidate descr(String name, String descr, String group) {
    return new Candidate(name, name, group, descr, null, null, true);
  }

  private static Candidate value(String v, String group) {
    return new Candidate(v, v, group, null, null, null, !v.endsWith("/"));
  }
}
