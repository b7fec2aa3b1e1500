package io.kubetutor.shell;

import io.kubetutor.shell.builtins.CatBuiltin;
import io.kubetutor.shell.builtins.CheckBuiltin;
import io.kubetutor.shell.builtins.CdBuiltin;
import io.kubetutor.shell.builtins.ClearBuiltin;
import io.kubetutor.shell.builtins.CpBuiltin;
import io.kubetutor.shell.builtins.DockerBuiltin;
import io.kubetutor.shell.builtins.ExitBuiltin;
import io.kubetutor.shell.builtins.EditBuiltin;
import io.kubetutor.shell.builtins.HelpBuiltin;
import io.kubetutor.shell.builtins.HintBuiltin;
import io.kubetutor.shell.builtins.HostCommandBuiltin;
import io.kubetutor.shell.builtins.LessonBuiltin;
import io.kubetutor.shell.builtins.LsBuiltin;
import io.kubetutor.shell.builtins.MkdirBuiltin;
import io.kubetutor.shell.builtins.MvBuiltin;
import io.kubetutor.shell.builtins.NextBuiltin;
import io.kubetutor.shell.builtins.PrevBuiltin;
import io.kubetutor.shell.builtins.PwdBuiltin;
import io.kubetutor.shell.builtins.RmBuiltin;
import io.kubetutor.shell.builtins.SimBuiltin;
import io.kubetutor.shell.builtins.SolutionBuiltin;
import io.kubetutor.shell.builtins.TreeBuiltin;
import java.util.List;

/** The shell's built-in commands, one class each under {@code shell/builtins}. One line per built-in. */
final class Builtins {

  private Builtins() {}

  static List<Builtin> create() {
    return List.of(
        new ClearBuiltin(),
        new ExitBuiltin(),
        new HelpBuiltin(),
        new PwdBuiltin(),
        new CdBuiltin(),
        new LsBuiltin(),
        new CatBuiltin(),
        new MkdirBuiltin(),
        new RmBuiltin(),
        new CpBuiltin(),
        new MvBuiltin(),
        new DockerBuiltin(),
        new EditBuiltin(),
        new HostCommandBuiltin(),
        new TreeBuiltin(),
        new LessonBuiltin(),
        new CheckBuiltin(),
        new HintBuiltin(),
        new SolutionBuiltin(),
        new NextBuiltin(),
        new PrevBuiltin(),
        new SimBuiltin()
    );
  }
}
