package io.kubetutor.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** CI runs {@code lesson test} on every lesson in {@code lessons/}: solvable, and not passable idle. */
class CourseLessonsTest {

  @TestFactory
  List<DynamicTest> everyLessonIsSolvableAndNotFreelyPassed() throws Exception {
    List<Path> dirs = LessonLibrary.lessonDirs(Path.of("lessons"));
    assertThat(dirs).extracting(p -> p.getFileName().toString()).contains("01-pods", "02-deployments");
    return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> {
      Lesson lesson = LessonLoader.load(d);
      assertThat(LessonTester.test(lesson)).isEmpty();
    })).toList();
  }
}
