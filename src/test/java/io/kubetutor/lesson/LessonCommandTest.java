package io.kubetutor.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubetutor lesson validate|test}: errors located by file and line, non-zero status. */
class LessonCommandTest {

  @TempDir Path dir;

  private String run(int expectedExit, String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(args)).isEqualTo(expectedExit);
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void validateReportsAnUnknownFieldWithItsLine() throws Exception {
    Files.writeString(dir.resolve("lesson.yaml"), "id: x\ntitle: X\nsteps:\n  - title: one\n    text: hi\n    colour: red\n");
    String out = run(1, "lesson", "validate", dir.toString());
    assertThat(out).contains(dir.resolve("lesson.yaml") + ":6: unknown field \"colour\"");
  }

  @Test
  void validateAndTestAcceptTheCourseLessons() {
    assertThat(run(0, "lesson", "validate", "lessons/01-pods", "lessons/02-deployments"))
        .isEqualTo("lessons/01-pods: ok\nlessons/02-deployments: ok\n");
  }

  @Test
  void testFailsALessonWhoseChecksPassWithoutWork() throws Exception {
    Files.writeString(dir.resolve("lesson.yaml"), "id: x\ntitle: X\nsteps:\n  - title: one\n    text: hi\n"
        + "    checks:\n      - absent: {kind: pod, name: ghost}\n");
    String out = run(1, "lesson", "test", dir.toString());
    assertThat(out).contains("step 1: every check passes without the student doing anything");
  }
}
