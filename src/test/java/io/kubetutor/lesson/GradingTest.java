package io.kubetutor.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetutor.instructor.grade.GradeReport;
import io.kubetutor.instructor.grade.Grader;
import io.kubetutor.instructor.grade.ReportFormat;
import io.kubetutor.instructor.grade.Transcript;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Grading the deployments lesson: full and half transcripts, and every report format's structure. */
class GradingTest {

  static Lesson lesson;
  static List<String> full;
  static GradeReport fullReport;
  @TempDir Path dir;

  @BeforeAll
  static void gradeBenchTranscript() throws Exception {
    lesson = LessonLoader.load(Path.of("lessons/02-deployments"));
    full = Transcript.read(Path.of("bench/grading-transcript.txt")).commands();
    fullReport = new Grader().grade(lesson, new Transcript(full, "x", false), "full", null);
  }

  @Test
  void theBenchTranscriptSolvesTheLesson() {
    assertThat(fullReport.score()).isEqualTo(fullReport.maxScore());
    assertThat(fullReport.maxScore()).isEqualTo(23);
  }

  @Test
  void halfATranscriptScoresAboutHalf() throws Exception {
    // The first 15 commands go through the bare-pod step: 9 of 23 points.
    GradeReport half = new Grader().grade(lesson, new Transcript(full.subList(0, 15), "x", false), "half", null);
    assertThat(half.score()).isEqualTo(9.0);
    assertThat(half.steps().get(5).passed()).isTrue();
    assertThat(half.steps().get(6).passed()).isFalse();
  }

  @Test
  void emptyTranscriptScoresNothing() throws Exception {
    GradeReport none = new Grader().grade(lesson, new Transcript(List.of(), "x", false), "none", null);
    assertThat(none.score()).isZero();
  }

  @Test
  void dollarTranscriptsSkipOutputLines() throws Exception {
    Path t = dir.resolve("t.txt");
    Files.writeString(t, "$ kubectl get pods\nNo resources found in default namespace.\n$ lesson answer b\n");
    assertThat(Transcript.read(t).commands()).containsExactly("kubectl get pods", "lesson answer b");
    Files.writeString(t, "#1700000000\nkubectl get pods\n\n");
    assertThat(Transcript.read(t).commands()).containsExactly("kubectl get pods");
  }

  @Test
  void gradescopeAndPrairieLearnStructure() throws Exception {
    ObjectMapper m = new ObjectMapper();
    JsonNode gs = m.readTree(ReportFormat.GRADESCOPE.write(fullReport));
    assertThat(gs.get("score").asDouble()).isEqualTo(23.0);
    assertThat(gs.get("tests")).hasSize(11);
    for (JsonNode t : gs.get("tests")) {
      assertThat(t.has("name") && t.has("score") && t.has("max_score") && t.has("output") && t.has("visibility")).isTrue();
    }
    JsonNode pl = m.readTree(ReportFormat.PRAIRIELEARN.write(fullReport));
    assertThat(pl.get("score").asDouble()).isEqualTo(1.0);
    assertThat(pl.get("tests").get(0).has("points")).isTrue();
    assertThat(pl.get("tests").get(0).has("max_points")).isTrue();
    JsonNode json = m.readTree(ReportFormat.JSON.write(fullReport));
    assertThat(json.get("lesson").asText()).isEqualTo("deployments");
    assertThat(json.get("lesson_sha256").asText()).hasSize(64);
  }

  @Test
  void junitIsWellFormedXml() throws Exception {
    GradeReport none = new Grader().grade(lesson, new Transcript(List.of(), "x", false), "none", null);
    String xml = ReportFormat.JUNIT.write(none);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("testsuite");
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(11);
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(11);
  }
}
