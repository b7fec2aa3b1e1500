package io.kubetutor.shell;

import io.kubetutor.shell.builtins.ClearBuiltin;
import io.kubetutor.shell.builtins.ExitBuiltin;
import io.kubetutor.shell.builtins.HelpBuiltin;
import java.util.List;

/** The shell's built-in commands, one class each under {@code shell/builtins}. One line per built-in. */
final class Builtins {

  private Builtins() {}

  static List<Builtin> create() {
    return List.of(
        new ClearBuiltin(),
        new ExitBuiltin(),
        new HelpBuiltin()
    );
  }
}
