package io.kubetutor.kubectl;

import io.kubetutor.cluster.ClusterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code kubectl} command tree: parses a command line into a verb, runs it, and prints every
 * failure the way kubectl prints it (stderr, exit code 1). One instance serves a whole session;
 * picocli resets option values before each parse.
 */
public final class Kubectl {

  @Command(name = "kubectl", description = "kubectl controls the Kubernetes cluster manager.")
  static final class Root {}

  private final KubectlEnv env;
  private final CommandLine commandLine;
  private boolean debug;

  public Kubectl(KubectlEnv env) {
    this.env = env;
    this.commandLine = new CommandLine(new Root());
    for (Verb verb : Verbs.create()) {
      commandLine.addSubcommand(verb);
    }
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setOverwrittenOptionsAllowed(true);
    commandLine.setUnmatchedOptionsArePositionalParams(false);
    commandLine.setUsageHelpWidth(Math.max(60, Math.min(env.width(), 120)));
  }

  /** Shows Java stack traces of internal errors on stderr ({@code --debug}). */
  public void setDebug(boolean debug) {
    this.debug = debug;
  }

  /** The picocli model, for completion and help. */
  public CommandLine commandLine() {
    return commandLine;
  }

  /** Names of all verbs, sorted. */
  public List<String> verbNames() {
    return new ArrayList<>(new java.util.TreeSet<>(commandLine.getSubcommands().keySet()));
  }

  /** One line describing a verb, for {@code help}. */
  public String summary(String verb) {
    CommandLine sub = commandLine.getSubcommands().get(verb);
    if (sub == null) return "";
    String[] d = sub.getCommandSpec().usageMessage().description();
    return d.length == 0 ? "" : d[0];
  }

  /** Runs {@code kubectl <args>}; returns the exit code. Never throws. */
  public int execute(List<String> args) {
    try {
      if (args.isEmpty()) {
        env.out().print(rootHelp());
        return 0;
      }
      String verbName = args.get(0);
      CommandLine sub = commandLine.getSubcommands().get(verbName);
      if (sub == null) {
        return fail(unknownCommand(verbName));
      }
      List<String> rest = args.subList(1, args.size());
      if (rest.contains("-h") || rest.contains("--help")) {
        env.out().print(help(verbName));
        return 0;
      }
      CommandLine.ParseResult parsed;
      try {
        parsed = commandLine.parseArgs(args.toArray(String[]::new)).subcommand();
      } catch (ParameterException e) {
        return fail(flagError(verbName, e));
      }
      CommandLine leaf = sub;
      while (parsed.hasSubcommand()) {
        parsed = parsed.subcommand();
        leaf = parsed.commandSpec().commandLine();
      }
      Object command = leaf.getCommand();
      if (!(command instanceof Verb verb)) {
        env.out().print(help(verbName));
        return 0;
      }
      verb.bind(env);
      return verb.call();
    } catch (KubectlException e) {
      return fail(e.render());
    } catch (io.kubetutor.cluster.ClusterCallInterrupted e) {
      // Ctrl-C during a call to a real cluster: silent, as kubectl dies of SIGINT.
      Thread.currentThread().interrupt();
      return 130;
    } catch (ClusterException e) {
      return fail(e.toKubectlMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    } catch (java.nio.file.InvalidPathException e) {
      // A file name the file system cannot hold (a lone surrogate, a NUL): said as the shell says it.
      return fail("error: invalid path \"" + e.getInput() + "\": " + e.getReason());
    } catch (Exception | Error e) {
      return internalError(e);
    } finally {
      env.out().flush();
      env.err().flush();
    }
  }

  /** kubectl's usage text for a verb: description, examples, options, usage line. */
  public String help(String verbName) {
    CommandLine sub = commandLine.getSubcommands().get(verbName);
    if (sub == null) return unknownCommand(verbName) + "\n";
    return sub.getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  public String rootHelp() {
    StringBuilder sb = new StringBuilder("kubectl controls the Kubernetes cluster manager.\n\n");
    sb.append("Commands:\n");
    for (String name : verbNames()) {
      sb.append(String.format("  %-15s %s%n", name, summary(name)));
    }
    sb.append("\nUsage:\n  kubectl [flags] [options]\n\n");
    sb.append("Use \"kubectl <command> --help\" for more information about a given command.\n");
    return sb.toString();
  }

  private String unknownCommand(String verb) {
    StringBuilder sb = new StringBuilder("error: unknown command \"" + verb + "\" for \"kubectl\"");
    String suggestion = Suggest.closest(verb, verbNames());
    if (suggestion != null) sb.append("\n\nDid you mean this?\n\t").append(suggestion);
    sb.append("\nRun 'kubectl --help' for usage.");
    return sb.toString();
  }

  /** pflag-style messages: {@code error: unknown flag: --replica} + the usage hint. */
  private static String flagError(String verb, ParameterException e) {
    String hint = "\nSee 'kubectl " + verb + " --help' for usage.";
    if (e instanceof UnmatchedArgumentException u) {
      for (String arg : u.getUnmatched()) {
        if (arg.startsWith("--")) {
          String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
          return "error: unknown flag: " + flag + hint;
        }
        if (arg.startsWith("-") && arg.length() > 1) {
          return "error: unknown shorthand flag: '" + arg.charAt(1) + "' in " + arg + hint;
        }
      }
      return "error: unexpected arguments: " + String.join(" ", u.getUnmatched()) + hint;
    }
    if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()
        && m.getMissing().get(0) instanceof CommandLine.Model.OptionSpec opt) {
      return "error: flag needs an argument: " + flagName(opt, e.getMessage()) + hint;
    }
    String msg = e.getMessage();
    if (msg != null && msg.startsWith("Invalid value for option")) {
      return "error: invalid argument for " + msg.substring("Invalid value for option ".length()) + hint;
    }
    return "error: " + (msg == null ? "invalid arguments" : lowerFirst(msg)) + hint;
  }

  private static String flagName(CommandLine.Model.OptionSpec opt, String message) {
    String longest = opt.longestName();
    if (message != null && message.contains("'-") && opt.names().length > 1) {
      String shortest = opt.shortestName();
      if (message.contains("'" + shortest + "'") && !message.contains("'" + longest + "'")) {
        return "'" + shortest.substring(1) + "' in " + shortest;
      }
    }
    return longest;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }

  private int fail(String message) {
    env.err().println(message);
    return 1;
  }

  private int internalError(Throwable e) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    env.err().println("error: internal error: " + msg + " (run with --debug for details)");
    if (debug) e.printStackTrace(env.err());
    return 1;
  }

  /** For tests and completion: the spec of a verb. */
  public CommandSpec spec(String verb) {
    CommandLine sub = commandLine.getSubcommands().get(verb);
    return sub == null ? null : sub.getCommandSpec();
  }
}
