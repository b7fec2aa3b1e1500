package io.kubetutor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which command lines skip picocli: only those picocli would read as a plain {@code run FILE}. */
class MainPlainRunTest {

  @Test
  void thePlainFormsAreRecognised() {
    Main.Run r = Main.plainRun(new String[] {"run", "transcript.txt"});
    assertThat(r.file).isEqualTo("transcript.txt");
    assertThat(r.echo).isFalse();
    assertThat(r.main.seed).isEqualTo(1);
    assertThat(r.main.thinkTime).isEqualTo("5s");
    assertThat(Main.plainRun(new String[] {"run", "--echo", "t.txt"}).echo).isTrue();
    Main.Run after = Main.plainRun(new String[] {"run", "t.txt", "--echo"});
    assertThat(after.echo).isTrue();
    assertThat(after.file).isEqualTo("t.txt");
    assertThat(Main.plainRun(new String[] {"run", "-"}).file).isEqualTo("-");
  }

  @Test
  void everythingElseGoesToPicocli() {
    for (String[] args : new String[][] {
        {"run"}, {"run", "--help"}, {"run", "-h"}, {"run", "@args.txt"}, {"run", "a.txt", "b.txt"},
        {"run", "--echo", "--echo", "a.txt"}, {"run", "--echo"}, {"run", "--seed", "3"}, {"--seed", "3", "run", "a"},
        {"grade", "x"}, {"run", ""}, {"run", "a.txt", "--echo", "x"}}) {
      assertThat(Main.plainRun(args)).as(String.join(" ", args)).isNull();
    }
  }
}
