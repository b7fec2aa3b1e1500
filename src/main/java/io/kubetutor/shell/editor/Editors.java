package io.kubetutor.shell.editor;

/**
 * The editors a session can open, kept as a session extension: the interactive shell installs real
 * ones; every other session (scripts, grading, tests) has none.
 *
 * @param builtin     jline's Nano on the shell's terminal
 * @param system      the host's editor ({@code KUBE_EDITOR}/{@code EDITOR}, else vi)
 * @param kubeEditorSet whether the student chose an editor through {@code KUBE_EDITOR} or {@code EDITOR}
 */
public record Editors(Editor builtin, Editor system, boolean kubeEditorSet) {

  public static Editors none() {
    return new Editors(Editor.NONE, Editor.NONE, false);
  }

  /** {@code kubectl edit} honours the student's chosen editor as kubectl does; otherwise the built-in Nano (not vi). */
  public Editor forKubectlEdit() {
    return kubeEditorSet ? system : builtin;
  }
}
