package io.kubetutor.kubectl.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordWrapTest {

  @Test
  void breaksAtTheLastSpaceThatFitsAndDropsIt() {
    assertThat(WordWrap.wrap("aaa bbb ccc", 7)).isEqualTo("aaa bbb\nccc");
    assertThat(WordWrap.wrap("aaa bbb ccc", 6)).isEqualTo("aaa\nbbb\nccc");
  }

  @Test
  void aWordLongerThanTheLimitGetsALineOfItsOwnUnbroken() {
    assertThat(WordWrap.wrap("More info: https://example.com/a/very/long/path end", 12))
        .isEqualTo("More info:\nhttps://example.com/a/very/long/path\nend");
  }

  @Test
  void keepsExistingLineBreaksAndRestartsTheCount() {
    assertThat(WordWrap.wrap("one two\nthree four five", 10)).isEqualTo("one two\nthree four\nfive");
    assertThat(WordWrap.wrap("para\n\n - item", 10)).isEqualTo("para\n\n - item");
    assertThat(WordWrap.wrap("ends with a break\n", 80)).isEqualTo("ends with a break\n");
  }

  @Test
  void indentPadsEveryLineIncludingBlankOnes() {
    assertThat(WordWrap.indent("a\n\nb\n", 2)).isEqualTo("  a\n  \n  b\n  ");
  }
}
