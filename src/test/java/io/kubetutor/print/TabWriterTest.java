package io.kubetutor.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TabWriterTest {

  @Test
  void kubectlGetSpacing() {
    TabWriter w = TabWriter.forGet();
    w.row("NAME", "READY", "STATUS", "RESTARTS", "AGE");
    w.row("hello-deployment-7c5ddbdf54-2xkqn", "1/1", "Running", "0", "12s");
    assertThat(w.flush()).isEqualTo(
        "NAME                                READY   STATUS    RESTARTS   AGE\n"
            + "hello-deployment-7c5ddbdf54-2xkqn   1/1     Running   0          12s\n");
  }

  @Test
  void minWidthAppliesToNarrowColumns() {
    TabWriter w = TabWriter.forGet();
    w.row("A", "B");
    w.row("x", "y");
    assertThat(w.flush()).isEqualTo("A     B\nx     y\n");
  }

  @Test
  void aLineWithoutTabsEndsTheBlock() {
    TabWriter w = TabWriter.forDescribe();
    w.write("Name:\thello\nNamespace:\tdefault\nContainers:\n  c:\n    Image:\tubuntu\n");
    assertThat(w.flush()).isEqualTo(
        "Name:      hello\nNamespace:  default\n".replace("Name:      ", "Name:       ")
            + "Containers:\n  c:\n    Image:  ubuntu\n");
  }

  @Test
  void rememberedWidthsNeverShrinkAcrossFlushes() {
    TabWriter w = TabWriter.forGet();
    w.row("NAME", "STATUS");
    w.row("a-very-long-pod-name", "Running");
    w.flush();
    w.row("b", "Pending");
    assertThat(w.flush()).isEqualTo("b" + " ".repeat(22) + "Pending\n");
  }

  @Test
  void widthsCountCodePointsNotBytes() {
    TabWriter w = TabWriter.forGet();
    w.row("NAME", "X");
    w.row("héllo", "y");
    assertThat(w.flush()).isEqualTo("NAME    X\nhéllo   y\n");
  }

  @Test
  void humanDurationBoundaries() {
    assertThat(Durations.human(Duration.ofSeconds(119))).isEqualTo("119s");
    assertThat(Durations.human(Duration.ofSeconds(120))).isEqualTo("2m");
    assertThat(Durations.human(Duration.ofSeconds(4 * 60 + 54))).isEqualTo("4m54s");
    assertThat(Durations.human(Duration.ofMinutes(179))).isEqualTo("179m");
    assertThat(Durations.human(Duration.ofMinutes(185))).isEqualTo("3h5m");
    assertThat(Durations.human(Duration.ofHours(47))).isEqualTo("47h");
    assertThat(Durations.human(Duration.ofHours(53))).isEqualTo("2d5h");
    assertThat(Durations.human(Duration.ofDays(364))).isEqualTo("364d");
    assertThat(Durations.human(Duration.ofDays(365 * 2 + 30))).isEqualTo("2y30d");
    assertThat(Durations.human(Duration.ofSeconds(-1))).isEqualTo("0s");
    assertThat(Durations.human(Duration.ofSeconds(-2))).isEqualTo("<invalid>");
  }
}
