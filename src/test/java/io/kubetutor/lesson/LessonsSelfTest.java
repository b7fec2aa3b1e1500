package io.kubetutor.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import io.kubetutor.instructor.LessonTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** CI coverage of the course lessons: every lesson in lessons/ validates and passes {@code lesson test}. */
class LessonsSelfTest {

  static Stream<Path> lessons() throws Exception {
    List<Path> dirs = new LessonCatalog(Path.of("lessons")).folders();
    assertThat(dirs).as("lessons found").isNotEmpty();
    return dirs.stream();
  }

  @ParameterizedTest
  @MethodSource("lessons")
  void validates(Path dir) {
    assertThat(LessonLoader.validate(dir)).extracting(LessonException::located).isEmpty();
    assertThat(Files.exists(dir.resolve("lesson.yaml"))).isTrue();
  }

  @ParameterizedTest
  @MethodSource("lessons")
  void solutionsPassAndEmptyTranscriptFails(Path dir) throws Exception {
    assertThat(LessonTester.test(LessonLoader.load(dir))).isEmpty();
  }
}
