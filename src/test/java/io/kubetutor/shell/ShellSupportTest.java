package io.kubetutor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.shell.editor.Editor;
import io.kubetutor.shell.editor.Editors;
import io.kubetutor.shell.editor.SystemEditor;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.assertj.core.api.Assertions;

/** The shell's pieces that do not need a terminal: colour of stderr, help topics, editors, history. */
class ShellSupportTest {

  @TempDir Path dir;

  @Test
  void errorsRedWarningsYellowOtherLinesUntouched() throws Exception {
    StringWriter target = new StringWriter();
    try (java.io.PrintWriter err = new java.io.PrintWriter(new ColoredErrors(target))) {
      err.println("error: the server doesn't have a resource type \"pdos\"");
      err.println("Warning: resource deployments/hello is missing the annotation");
      err.println("Did you mean \"pods\"?");
      err.println("Error from server (NotFound): pods \"x\" not found");
    }
    assertThat(target.toString()).isEqualTo(
        "\u001B[31merror: the server doesn't have a resource type \"pdos\"\u001B[0m\n"
            + "\u001B[33mWarning: resource deployments/hello is missing the annotation\u001B[0m\n"
            + "Did you mean \"pods\"?\n"
            + "\u001B[31mError from server (NotFound): pods \"x\" not found\u001B[0m\n");
  }

  @Test
  void sessionsOutsideTheInteractiveShellPrintNoEscapes() {
    try (SessionHarness h = new SessionHarness(dir)) {
      SessionHarness.Result r = h.run("kubectl nosuchverb");
      assertThat(h.session().color()).isFalse();
      assertThat(r.err()).startsWith("error: unknown command").doesNotContain("\u001B");
      assertThat(h.run("help").out()).doesNotContain("\u001B");
    }
  }

  @Test
  void helpTopicFollowsTheLine() {
    try (SessionHarness h = new SessionHarness(dir)) {
      Session s = h.session();
      assertThat(HelpTopic.helpFor(s, "kubectl scale dep", "kubectl scale dep")).isEqualTo(s.kubectl().help("scale"));
      assertThat(HelpTopic.helpFor(s, "k ", "k ")).isEqualTo(s.kubectl().rootHelp());
      assertThat(HelpTopic.helpFor(s, "ls", "ls -a")).isEqualTo(s.builtins().get("ls").usage());
      assertThat(HelpTopic.helpFor(s, "", "")).contains("\"help\" lists them all");
      assertThat(HelpTopic.helpFor(s, "frob", "frob")).isEqualTo("\"frob\" is not a command. \"help\" lists the commands.");
    }
  }

  @Test
  void kubectlEditWithoutATerminalIsAClearError() {
    try (SessionHarness h = new SessionHarness(dir)) {
      Assertions.assertThatThrownBy(() -> h.session().edit("deployment.yaml", "kind: Deployment\n"))
          .isInstanceOf(KubectlException.class).hasMessageContaining("interactive terminal");
      assertThat(h.run("nano x.yml")).isEqualTo(new SessionHarness.Result(1, "", "nano: editing needs an interactive terminal\n"));
    }
  }

  @Test
  void kubectlEditGoesThroughTheSessionEditorAndCleansUp() throws Exception {
    Path script = dir.resolve("fake-editor.sh");
    Files.writeString(script, "#!/bin/sh\nsed -i 's/replicas: 1/replicas: 3/' \"$1\"\necho \"$1\" > " + dir.resolve("seen") + "\n");
    script.toFile().setExecutable(true);
    try (SessionHarness h = new SessionHarness(dir)) {
      Editor system = new SystemEditor(script.toString(), false);
      h.session().extension(Editors.class, () -> new Editors(Editor.NONE, system, true));
      assertThat(h.session().edit("deployments-hello.yaml", "spec:\n  replicas: 1\n")).isEqualTo("spec:\n  replicas: 3\n");
      Path used = Path.of(Files.readString(dir.resolve("seen")).strip());
      assertThat(used.getFileName().toString()).isEqualTo("deployments-hello.yaml");
      assertThat(used).doesNotExist();
      // nano --editor=system edits a workspace file with the same editor
      Files.writeString(dir.resolve("d.yml"), "replicas: 1\n");
      assertThat(h.run("nano --editor=system d.yml").exit()).isZero();
      assertThat(dir.resolve("d.yml")).hasContent("replicas: 3");
      assertThat(h.run("nano --editor=emacs d.yml").err()).isEqualTo("nano: --editor must be builtin or system, not \"emacs\"\n");
    }
  }

  @Test
  void failingSystemEditorIsReported() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.session().extension(Editors.class, () -> new Editors(Editor.NONE, new SystemEditor("false", false), true));
      Assertions.assertThatThrownBy(() -> h.session().edit("x.yaml", "a"))
          .isInstanceOf(KubectlException.class).hasMessage("there was a problem with the editor \"false\"");
    }
  }

  @Test
  void hostCommandsRunInTheWorkdirAndAreRefusedWhileGrading() throws Exception {
    Files.writeString(dir.resolve("here.txt"), "");
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(h.run("!ls")).isEqualTo(new SessionHarness.Result(0, "here.txt\n", ""));
      assertThat(h.run("! echo 'two words'").out()).isEqualTo("two words\n");
      assertThat(h.run("!sh -c 'echo oops >&2; exit 3'")).isEqualTo(new SessionHarness.Result(3, "", "oops\n"));
    }
    try (SessionHarness g = new SessionHarness(SessionOptions.forTests(dir).withGrading(true))) {
      assertThat(g.run("!ls")).isEqualTo(new SessionHarness.Result(1, "", "error: \"!\" is not available while grading\n"));
      assertThat(g.run("nano f").err()).isEqualTo("error: \"nano\" is not available while grading\n");
    }
  }

  @Test
  void historyIsSavedWholeAndReadBack() throws Exception {
    Path file = dir.resolve("state/history");
    Files.createDirectories(file.getParent());
    Files.writeString(file, Instant.now().toEpochMilli() + ":kubectl get pods\n");
    try (Terminal t = TerminalBuilder.builder().dumb(true).streams(new java.io.ByteArrayInputStream(new byte[0]),
        new java.io.ByteArrayOutputStream()).build()) {
      AtomicHistory history = new AtomicHistory();
      LineReader reader = LineReaderBuilder.builder().terminal(t).history(history)
          .variable(LineReader.HISTORY_FILE, file).build();
      history.attach(reader);  // what readLine does first
      history.add("kubectl apply -f deployment.yml");
      history.add("line with \\ backslash");
      history.save();
      try (var files = Files.list(file.getParent())) {
        assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("history");
      }
      assertThat(Files.readString(file)).endsWith(":line with \\\\ backslash\n");
      AtomicHistory again = new AtomicHistory();
      again.attach(LineReaderBuilder.builder().terminal(t).history(again).variable(LineReader.HISTORY_FILE, file).build());
      java.util.List<String> lines = new java.util.ArrayList<>();
      again.forEach(e -> lines.add(e.line()));
      assertThat(lines).containsExactly("kubectl get pods", "kubectl apply -f deployment.yml", "line with \\ backslash");
      assertThat(reader).isNotNull();
    }
  }
}
