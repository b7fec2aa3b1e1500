package io.kubetutor.shell.editor;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.builtins.Nano;
import org.jline.terminal.Terminal;

/** jline's built-in Nano on the shell's own terminal: nothing is started on the host. */
public final class NanoEditor implements Editor {

  private final Terminal terminal;

  public NanoEditor(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public void editFile(Path file) throws IOException {
    Nano nano = new Nano(terminal, file.getParent());
    nano.open(file.getFileName().toString());
    nano.run();
  }
}
