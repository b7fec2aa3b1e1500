package io.kubetutor.bench;

import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** A bare jline prompt: what any jline shell pays before kubetutor adds anything. */
public final class BarePrompt {
  public static void main(String[] args) throws Exception {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
      reader.readLine("bare> ");
    } catch (org.jline.reader.EndOfFileException | org.jline.reader.UserInterruptException e) {
      // leaving is the point
    }
  }
}
