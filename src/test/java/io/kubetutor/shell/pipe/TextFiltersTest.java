package io.kubetutor.shell.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each filter on a fixed input, through {@link LinePipe} as the session uses them. */
class TextFiltersTest {

  private static final String PODS = """
      NAME                                READY   STATUS    RESTARTS   AGE
      hello-deployment-69b488bfb4-69bv6   1/1     Running   0          35s
      hello-deployment-69b488bfb4-jtkbw   0/1     Pending   0          35s
      hello                               1/1     Running   2          9m
      """;

  private record Piped(String out, int status) {}

  private static Piped pipe(String input, String... stages) throws FilterException {
    List<LineFilter> filters = new ArrayList<>();
    for (String stage : stages) filters.add(TextFilters.of(List.of(stage.split(" "))));
    StringWriter text = new StringWriter();
    LinePipe pipe = new LinePipe(filters, new PrintWriter(text));
    try (PrintWriter w = new PrintWriter(pipe)) {
      w.print(input);
    }
    return new Piped(text.toString(), pipe.status());
  }

  @Test
  void grepSelectsMatchingLinesAndItsStatusSaysWhetherAnyMatched() throws Exception {
    assertThat(pipe(PODS, "grep Running")).isEqualTo(new Piped("""
        hello-deployment-69b488bfb4-69bv6   1/1     Running   0          35s
        hello                               1/1     Running   2          9m
        """, 0));
    assertThat(pipe(PODS, "grep -c -i running")).isEqualTo(new Piped("2\n", 0));
    assertThat(pipe(PODS, "grep -v -e Running")).isEqualTo(new Piped("""
        NAME                                READY   STATUS    RESTARTS   AGE
        hello-deployment-69b488bfb4-jtkbw   0/1     Pending   0          35s
        """, 0));
    assertThat(pipe(PODS, "grep -n Pending")).isEqualTo(new Piped(
        "3:hello-deployment-69b488bfb4-jtkbw   0/1     Pending   0          35s\n", 0));
    assertThat(pipe(PODS, "grep CrashLoopBackOff")).isEqualTo(new Piped("", 1));
    // -w: 1/1 as a whole word ("/" is no word character, so both Running rows match, as in GNU grep).
    assertThat(pipe(PODS, "grep -w 1/1").out()).hasLineCount(2);
  }

  @Test
  void grepReadsBasicExpressionsUnlessToldExtended() throws Exception {
    assertThat(pipe("a+b\naab\n", "grep a+b").out()).isEqualTo("a+b\n");
    assertThat(pipe("a+b\naab\n", "grep -E a+b").out()).isEqualTo("aab\n");
    assertThat(pipe("run\nwalk\n", "grep run\\|walk").out()).isEqualTo("run\nwalk\n");
    assertThat(pipe("x.y\nxzy\n", "grep -F x.y").out()).isEqualTo("x.y\n");
    assertThatThrownBy(() -> pipe("", "grep -E (")).hasMessage("grep: invalid regular expression: (");
    assertThatThrownBy(() -> pipe("", "grep")).hasMessage("Usage: grep [OPTION]... PATTERNS [FILE]...");
  }

  @Test
  void headAndTailKeepTheirEnds() throws Exception {
    String ten = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
    assertThat(pipe(ten, "head").out()).isEqualTo("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
    assertThat(pipe(ten, "head -n 2").out()).isEqualTo("1\n2\n");
    assertThat(pipe(ten, "head -3").out()).isEqualTo("1\n2\n3\n");
    assertThat(pipe(ten, "tail -n2").out()).isEqualTo("11\n12\n");
    assertThat(pipe(ten, "tail -1").out()).isEqualTo("12\n");
    assertThat(pipe(ten, "tail -n 0").out()).isEmpty();
    assertThatThrownBy(() -> pipe(ten, "head -n x")).hasMessage("head: invalid number of lines: 'x'");
    assertThatThrownBy(() -> pipe(ten, "tail -f")).hasMessageStartingWith("tail: -f is not available");
    assertThatThrownBy(() -> pipe(ten, "head -q")).hasMessage("head: invalid option -- 'q'");
    assertThatThrownBy(() -> pipe(ten, "head pods.txt")).hasMessageContaining("give no file");
  }

  @Test
  void wcCountsLinesWordsAndBytesAsGnuWcPrintsThemForStandardInput() throws Exception {
    assertThat(pipe(PODS, "wc -l").out()).isEqualTo("4\n");
    assertThat(pipe("one two\nthree\n", "wc").out()).isEqualTo("      2       3      14\n");
    assertThat(pipe("one two\nthree\n", "wc -lw").out()).isEqualTo("      2       3\n");
    assertThat(pipe("", "wc -l").out()).isEqualTo("0\n");
  }

  @Test
  void sortAndUniqOrderAndCollapseLines() throws Exception {
    assertThat(pipe("b\na\nc\na\n", "sort").out()).isEqualTo("a\na\nb\nc\n");
    assertThat(pipe("b\na\nc\na\n", "sort -r -u").out()).isEqualTo("c\nb\na\n");
    assertThat(pipe("10 x\n9 y\n100 z\n", "sort -n").out()).isEqualTo("9 y\n10 x\n100 z\n");
    assertThat(pipe("a\na\nb\na\n", "uniq").out()).isEqualTo("a\nb\na\n");
    assertThat(pipe("b\na\nb\n", "sort", "uniq -c").out()).isEqualTo("      1 a\n      2 b\n");
  }

  @Test
  void aLastLineWithoutItsEndIsStillFilteredAndPagersPrint() throws Exception {
    assertThat(pipe("x\ny", "grep y").out()).isEqualTo("y\n");
    assertThat(pipe("x\ny\n", "less").out()).isEqualTo("x\ny\n");
  }

  @Test
  void programsThatAreNotFiltersAreNamedInTheRefusal() {
    assertThatThrownBy(() -> pipe("", "awk {print}"))
        .hasMessage("kubetutor: awk: cannot be used after | here (a pipe can feed grep, head, tail, wc, sort, uniq,"
            + " less, more, cat)");
  }
}
