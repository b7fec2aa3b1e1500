package io.kubetutor.shell.builtins;

import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import io.kubetutor.shell.editor.Editor;
import io.kubetutor.shell.editor.Editors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code nano FILE} / {@code edit FILE}: the built-in editor; {@code --editor=system} opens the host's {@code $EDITOR}. */
public final class EditBuiltin implements Builtin {
  @Override public String name() { return "nano"; }
  @Override public List<String> aliases() { return List.of("edit"); }
  @Override public String summary() { return "edit a file (nano FILE; --editor=system uses $EDITOR)"; }
  @Override public String usage() {
    return "usage: nano [--editor=builtin|system] FILE\n"
        + "  Opens FILE (created if missing) in the built-in editor: Ctrl-O saves, Ctrl-X leaves.\n"
        + "  --editor=system opens $KUBE_EDITOR or $EDITOR instead.";
  }

  @Override public boolean allowedInGrading() { return false; }

  @Override
  public List<String> complete(List<String> args, Session session) {
    String last = args.isEmpty() ? "" : args.get(args.size() - 1);
    if (last.startsWith("--editor=")) return List.of("--editor=builtin", "--editor=system");
    return PathCandidates.list(session, last, false);
  }

  @Override
  public int run(List<String> args, Session session) throws Exception {
    String which = "builtin";
    List<String> files = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--editor=")) which = a.substring("--editor=".length());
      else if (a.startsWith("-")) {
        session.err().println("nano: unknown flag: " + a);
        return 1;
      } else files.add(a);
    }
    if (!which.equals("builtin") && !which.equals("system")) {
      session.err().println("nano: --editor must be builtin or system, not \"" + which + "\"");
      return 1;
    }
    if (files.size() != 1) {
      session.err().println("usage: nano [--editor=builtin|system] FILE");
      return 1;
    }
    Editors editors = session.extension(Editors.class, Editors::none);
    Editor editor = which.equals("system") ? editors.system() : editors.builtin();
    if (!editor.available()) {
      session.err().println("nano: editing needs an interactive terminal");
      return 1;
    }
    Path file;
    try {
      file = Workspace.resolve(session, files.get(0));
    } catch (Workspace.Refused e) {
      session.err().println("nano: " + e.getMessage());
      return 1;
    }
    if (Files.isDirectory(file)) {
      session.err().println("nano: " + files.get(0) + ": Is a directory");
      return 1;
    }
    if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
      session.err().println("nano: " + files.get(0) + ": No such file or directory");
      return 1;
    }
    editor.editFile(file);
    return 0;
  }
}
