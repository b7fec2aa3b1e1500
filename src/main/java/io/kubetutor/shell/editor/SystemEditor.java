package io.kubetutor.shell.editor;

import io.kubetutor.kubectl.KubectlException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's editor, as kubectl picks it: {@code KUBE_EDITOR}, then {@code EDITOR}, else {@code vi}.
 * The command may carry arguments ({@code "code --wait"}); it inherits the terminal.
 */
public final class SystemEditor implements Editor {

  private final String command;
  private final boolean inheritTerminal;

  public SystemEditor(String command, boolean inheritTerminal) {
    this.command = command;
    this.inheritTerminal = inheritTerminal;
  }

  /** The editor kubectl would run in this environment. */
  public static String fromEnvironment() {
    for (String var : List.of("KUBE_EDITOR", "EDITOR")) {
      String v = System.getenv(var);
      if (v != null && !v.isBlank()) return v;
    }
    return "vi";
  }

  @Override
  public void editFile(Path file) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of(command.trim().split("\\s+")));
    argv.add(file.toString());
    ProcessBuilder pb = new ProcessBuilder(argv);
    if (inheritTerminal) pb.inheritIO();
    else pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    try {
      int code = p.waitFor();
      if (code != 0) throw new KubectlException("there was a problem with the editor \"" + command + "\"");
    } catch (InterruptedException e) {
      p.destroy();
      throw e;
    }
  }
}
