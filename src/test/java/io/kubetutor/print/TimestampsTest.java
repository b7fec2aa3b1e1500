package io.kubetutor.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The hand-read canonical timestamps agree with {@link Instant#parse}, and everything else still reaches it. */
class TimestampsTest {

  @Test
  void canonicalTimestampsMatchTheIsoParser() {
    for (String t : new String[] {"2026-01-05T10:00:00Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z",
        "1969-12-31T23:59:59Z", "9999-12-31T23:59:59Z", "2000-03-01T00:00:01Z"}) {
      assertThat(Timestamps.parse(t)).as(t).isEqualTo(Instant.parse(t));
    }
  }

  @Test
  void otherShapesGoToTheIsoParser() {
    assertThat(Timestamps.parse("2026-01-05T10:00:00.5Z")).isEqualTo(Instant.parse("2026-01-05T10:00:00.5Z"));
    assertThat(Timestamps.parse("2026-01-05T10:00:00+02:00")).isEqualTo(Instant.parse("2026-01-05T08:00:00Z"));
  }

  @Test
  void unusualAndImpossibleTimesFareAsInTheIsoParser() {
    for (String t : new String[] {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-01-05T24:00:00Z",
        "2026-01-05T10:60:00Z", "2026-01-05T23:59:60Z", "2026-0a-05T10:00:00Z", "not a time", "2026-01-05 10:00:00Z"}) {
      Instant expected;
      try {
        expected = Instant.parse(t);
      } catch (DateTimeParseException e) {
        assertThatThrownBy(() -> Timestamps.parse(t)).as(t).isInstanceOf(DateTimeParseException.class);
        continue;
      }
      assertThat(Timestamps.parse(t)).as(t).isEqualTo(expected);
    }
    assertThatThrownBy(() -> Timestamps.parse("2026-13-01T10:00:00Z")).isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void ageCellsUseIt() {
    assertThat(Durations.since("2026-01-05T09:55:06Z", Fixtures.NOW)).isEqualTo("4m54s");
    assertThat(Durations.since("2026-02-30T09:55:06Z", Fixtures.NOW)).isEqualTo("<unknown>");
  }
}
