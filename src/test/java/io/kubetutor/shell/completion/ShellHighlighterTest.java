package io.kubetutor.shell.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import java.nio.file.Path;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellHighlighterTest {

  @TempDir Path dir;
  SessionHarness h;
  ShellHighlighter hl;

  @BeforeEach
  void start() {
    h = new SessionHarness(dir);
    hl = new ShellHighlighter(h.session());
  }

  @AfterEach
  void stop() { h.close(); }

  private static AttributedStyle styleAt(AttributedString s, String buffer, String word) {
    return s.styleAt(buffer.indexOf(word));
  }

  @Test
  void verbTypeAndFlagsGetTheirColours() {
    String line = "kubectl delete pods hello --now ";
    AttributedString s = hl.highlight(line);
    assertThat(s.toString()).isEqualTo(line);
    assertThat(styleAt(s, line, "kubectl")).isEqualTo(ShellHighlighter.COMMAND);
    assertThat(styleAt(s, line, "delete")).isEqualTo(ShellHighlighter.COMMAND);
    assertThat(styleAt(s, line, "pods")).isEqualTo(ShellHighlighter.TYPE);
    assertThat(styleAt(s, line, "hello")).isEqualTo(AttributedStyle.DEFAULT);
    assertThat(styleAt(s, line, "--now")).isEqualTo(ShellHighlighter.FLAG);
  }

  @Test
  void unknownWordsAreRedOnceFinished() {
    String line = "kubectl delte pods";
    AttributedString s = hl.highlight(line);
    assertThat(styleAt(s, line, "delte")).isEqualTo(ShellHighlighter.UNKNOWN);
    String unknownCommand = "kubeclt get";
    assertThat(hl.highlight(unknownCommand).styleAt(0)).isEqualTo(ShellHighlighter.UNKNOWN);
    // The word under the cursor is not judged yet.
    assertThat(hl.highlight("kubectl del").styleAt("kubectl ".length())).isEqualTo(AttributedStyle.DEFAULT);
  }

  @Test
  void theCommandAfterAPipeIsATextFilter() {
    String line = "kubectl get pods | grep -c web | awk x";
    AttributedString s = hl.highlight(line);
    assertThat(styleAt(s, line, "grep")).isEqualTo(ShellHighlighter.COMMAND);
    assertThat(styleAt(s, line, "-c")).isEqualTo(ShellHighlighter.FLAG);
    assertThat(styleAt(s, line, "web")).isEqualTo(AttributedStyle.DEFAULT);
    assertThat(styleAt(s, line, "awk")).isEqualTo(ShellHighlighter.UNKNOWN);
  }

  @Test
  void builtinsAndTypedNamesWithSlash() {
    String line = "k scale deploy/hello --replicas=3";
    AttributedString s = hl.highlight(line);
    assertThat(styleAt(s, line, "deploy/hello")).isEqualTo(ShellHighlighter.TYPE);
    assertThat(hl.highlight("ls -a").styleAt(0)).isEqualTo(ShellHighlighter.COMMAND);
  }

  @Test
  void quotedWordsKeepTheirPositions() {
    assertThat(ShellHighlighter.words("k label pod x 'a b'=c")).extracting(ShellHighlighter.Word::text)
        .containsExactly("k", "label", "pod", "x", "a b=c");
    String line = "kubectl annotate pod x note='two words' -o yaml";
    AttributedString s = hl.highlight(line);
    assertThat(s.toString()).isEqualTo(line);
    assertThat(styleAt(s, line, "-o")).isEqualTo(ShellHighlighter.FLAG);
  }
}
