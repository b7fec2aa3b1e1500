package io.kubetutor.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetutor.shell.SessionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lesson's setup publishes its images in the simulated registry, so a step can run them at once. */
class SetupImagesTest {

  @TempDir Path lessonDir;
  @TempDir Path work;

  @Test
  void setupImagesAreBuiltAndPublished() throws Exception {
    Files.writeString(lessonDir.resolve("Dockerfile"),
        "FROM ubuntu:22.04\nCMD [\"sh\", \"-c\", \"echo ready from the lesson image && sleep 3600\"]\n");
    Files.writeString(lessonDir.resolve("lesson.yaml"), "id: img\ntitle: Images\nsetup:\n  seed: 7\n  images:\n"
        + "    student/app:dev: Dockerfile\nsteps:\n  - title: one\n    text: hi\n    checks:\n"
        + "      - exists: {kind: pod, name: app}\n        message: run it\n");
    Lesson lesson = LessonLoader.load(lessonDir);
    try (SessionHarness sh = new SessionHarness(work)) {
      SetupApplier.apply(lesson, sh.session());
      assertThat(sh.session().simulator().images().find("student/app:dev")).isPresent();
      assertThat(sh.run("kubectl run app --image=student/app:dev").out()).isEqualTo("pod/app created\n");
      sh.run("sim settle");
      assertThat(sh.run("kubectl logs app").out()).isEqualTo("ready from the lesson image\n");
    }
  }

  @Test
  void aBrokenDockerfileIsALessonError() throws Exception {
    Files.writeString(lessonDir.resolve("Dockerfile"), "CMD nothing-before-FROM\n");
    Files.writeString(lessonDir.resolve("lesson.yaml"), "id: img\ntitle: Images\nsetup:\n  images:\n"
        + "    student/app:dev: Dockerfile\nsteps:\n  - title: one\n    text: hi\n    checks:\n"
        + "      - exists: {kind: pod, name: app}\n        message: run it\n");
    Lesson lesson = LessonLoader.load(lessonDir);
    try (SessionHarness sh = new SessionHarness(work)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> SetupApplier.apply(lesson, sh.session()))
          .isInstanceOf(LessonException.class).hasMessageContaining("setup: image student/app:dev");
    }
  }
}
