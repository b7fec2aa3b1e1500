package io.kubetutor.kubectl.verbs;

import io.kubetutor.kubectl.KubectlEnv;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import io.kubetutor.print.TabWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubectl config}: the contexts of the kubeconfig plus kubetutor's {@code sim}. Listing,
 * showing and switching contexts; {@code view} prints the kubeconfig with secrets redacted. Only
 * {@code use-context --persist} ever writes the kubeconfig.
 */
@Command(name = "config", description = "Modify kubeconfig files",
    subcommands = {ConfigVerb.CurrentContext.class, ConfigVerb.GetContexts.class, ConfigVerb.UseContext.class,
        ConfigVerb.View.class})
public final class ConfigVerb extends Verb {

  @Spec CommandLine.Model.CommandSpec spec;

  /** Alone, {@code kubectl config} shows its subcommands, as kubectl does. */
  @Override
  protected int run() {
    out().print(spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF));
    return 0;
  }

  /** {@code kubectl config current-context}. */
  @Command(name = "current-context", description = "Display the current-context")
  public static final class CurrentContext extends Verb {
    @Override
    protected int run() {
      String current = env.contexts().current();
      if (current == null || current.isEmpty()) throw new KubectlException("current-context is not set");
      out().println(current);
      return 0;
    }
  }

  /** {@code kubectl config get-contexts [NAME...] [-o name] [--no-headers]}. */
  @Command(name = "get-contexts", description = "Describe one or many contexts")
  public static final class GetContexts extends Verb {
    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Contexts to show (default: all)")
    List<String> names = new ArrayList<>();

    @Option(names = {"-o", "--output"}, description = "Output format. One of: name")
    String output = "";

    @Option(names = "--no-headers", arity = "0..1", description = "Don't print headers (default print headers).")
    boolean noHeaders;

    @Override
    protected int run() {
      String format = output == null ? "" : output;
      if (!format.isEmpty() && !format.equals("name")) {
        throw new KubectlException("output must be one of '' or 'name': " + format);
      }
      boolean nameOnly = format.equals("name");
      KubectlEnv.Contexts contexts = env.contexts();
      Map<String, KubectlEnv.ContextInfo> byName = new LinkedHashMap<>();
      for (KubectlEnv.ContextInfo c : contexts.list()) byName.put(c.name(), c);
      List<String> errors = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      if (names == null || names.isEmpty()) {
        shown.addAll(byName.keySet());
      } else {
        for (String n : names) {
          if (byName.containsKey(n)) shown.add(n);
          else errors.add("context " + n + " not found");
        }
      }
      shown.sort(String::compareTo);
      TabWriter table = TabWriter.forGet();
      if (!noHeaders && !nameOnly) table.row("CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE");
      String current = contexts.current();
      for (String n : shown) {
        KubectlEnv.ContextInfo c = byName.get(n);
        if (nameOnly) table.write(n + "\n");
        else table.row(n.equals(current) ? "*" : " ", n, c.cluster(), c.authInfo(), c.namespace());
      }
      out().print(table.flush());
      if (!errors.isEmpty()) {
        throw new KubectlException(errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]");
      }
      return 0;
    }
  }

  /** {@code kubectl config use-context NAME [--persist]}: switches this session's backend at once. */
  @Command(name = "use-context", aliases = "use", description = "Set the current-context in a kubeconfig file")
  public static final class UseContext extends Verb {
    @Parameters(paramLabel = "CONTEXT_NAME", arity = "0..1", description = "The context to switch to")
    String name;

    @Option(names = "--persist", description = "Also write current-context to the kubeconfig file, as kubectl does.")
    boolean persist;

    @Override
    protected int run() {
      if (name == null || name.isEmpty()) {
        throw KubectlException.usage("config use-context", "Unexpected args: []");
      }
      env.contexts().use(name, persist);
      out().println("Switched to context \"" + name + "\".");
      return 0;
    }
  }

  /** {@code kubectl config view [--minify] [--raw] [-o yaml|json]}. */
  @Command(name = "view", description = "Display merged kubeconfig settings or a specified kubeconfig file")
  public static final class View extends Verb {
    @Option(names = "--minify", arity = "0..1", description = "Remove all information not used by current-context from the output")
    boolean minify;

    @Option(names = "--raw", arity = "0..1", description = "Display raw byte data and sensitive data")
    boolean raw;

    @Option(names = {"-o", "--output"}, description = "Output format. One of: yaml.")
    String output = "yaml";

    @Parameters(arity = "0..*", hidden = true)
    List<String> extra = new ArrayList<>();

    @Override
    protected int run() {
      if (extra != null && !extra.isEmpty()) {
        throw KubectlException.usage("config view", "unexpected arguments: [" + String.join(" ", extra) + "]");
      }
      if (output != null && !output.equals("yaml")) {
        throw new KubectlException("unable to match a printer suitable for the output format \"" + output
            + "\", allowed formats are: yaml");
      }
      out().print(env.contexts().view(minify, raw));
      return 0;
    }
  }
}
