package io.kubetutor.instructor.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a grade report is written: {@code text} for people, {@code json} (everything), Gradescope's
 * {@code results.json}, PrairieLearn's external grader result, and JUnit XML for CI dashboards.
 */
public enum ReportFormat {
  TEXT, JSON, GRADESCOPE, PRAIRIELEARN, JUNIT;

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public static ReportFormat parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format \"" + name + "\": use text, json, gradescope, prairielearn or junit");
    }
  }

  public String write(GradeReport r) {
    return switch (this) {
      case TEXT -> text(r);
      case JSON -> json(r);
      case GRADESCOPE -> gradescope(r);
      case PRAIRIELEARN -> prairielearn(r);
      case JUNIT -> junit(r);
    };
  }

  private static String text(GradeReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("Lesson ").append(r.lessonId()).append(", transcript ").append(r.transcript()).append(" (")
        .append(r.commands()).append(" commands").append(r.truncated() ? ", truncated" : "").append(")\n");
    if (!r.stoppedBy().isEmpty()) sb.append("Stopped: ").append(r.stoppedBy()).append('\n');
    for (GradeReport.StepGrade s : r.steps()) {
      sb.append(String.format(Locale.ROOT, "%s %-32s %s/%d%n", s.passed() ? "✔" : "✘", s.title(), num(s.points()),
          s.maxPoints()));
      for (GradeReport.CheckGrade c : s.checks()) {
        if (!c.passed()) sb.append("    ✘ ").append(c.message()).append('\n');
      }
    }
    sb.append("Score: ").append(num(r.score())).append('/').append(r.maxScore()).append('\n');
    return sb.toString();
  }

  private static ObjectNode base(GradeReport r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("lesson", r.lessonId());
    root.put("lesson_sha256", r.lessonSha256());
    root.put("transcript", r.transcript());
    root.put("transcript_sha256", r.transcriptSha256());
    return root;
  }

  private static String json(GradeReport r) {
    ObjectNode root = base(r);
    root.put("score", r.score());
    root.put("max_score", r.maxScore());
    root.put("commands", r.commands());
    root.put("truncated", r.truncated());
    if (!r.stoppedBy().isEmpty()) root.put("stopped_by", r.stoppedBy());
    ArrayNode steps = root.putArray("steps");
    for (GradeReport.StepGrade s : r.steps()) {
      ObjectNode sn = steps.addObject();
      sn.put("id", s.id());
      sn.put("title", s.title());
      sn.put("points", s.points());
      sn.put("max_points", s.maxPoints());
      ArrayNode checks = sn.putArray("checks");
      for (GradeReport.CheckGrade c : s.checks()) {
        ObjectNode cn = checks.addObject();
        cn.put("check", c.description());
        cn.put("passed", c.passed());
        if (!c.passed()) cn.put("message", c.message());
      }
    }
    return write(root);
  }

  private static String gradescope(GradeReport r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("score", r.score());
    root.put("output", "Lesson " + r.lessonId() + " (sha256 " + r.lessonSha256() + "), transcript sha256 "
        + r.transcriptSha256() + (r.stoppedBy().isEmpty() ? "" : "\nStopped: " + r.stoppedBy()));
    root.put("visibility", "visible");
    ArrayNode tests = root.putArray("tests");
    for (GradeReport.StepGrade s : r.steps()) {
      if (s.maxPoints() == 0) continue;
      ObjectNode t = tests.addObject();
      t.put("name", s.title());
      t.put("score", s.points());
      t.put("max_score", s.maxPoints());
      t.put("output", output(s));
      t.put("visibility", "visible");
    }
    return write(root);
  }

  private static String prairielearn(GradeReport r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("gradable", true);
    root.put("score", r.fraction());
    root.put("message", "Lesson " + r.lessonId() + ": " + num(r.score()) + "/" + r.maxScore()
        + (r.stoppedBy().isEmpty() ? "" : " (stopped: " + r.stoppedBy() + ")"));
    ArrayNode tests = root.putArray("tests");
    for (GradeReport.StepGrade s : r.steps()) {
      if (s.maxPoints() == 0) continue;
      ObjectNode t = tests.addObject();
      t.put("name", s.title());
      t.put("points", s.points());
      t.put("max_points", s.maxPoints());
      t.put("output", output(s));
    }
    return write(root);
  }

  private static String junit(GradeReport r) {
    List<GradeReport.StepGrade> graded = new ArrayList<>();
    for (GradeReport.StepGrade s : r.steps()) if (!s.checks().isEmpty()) graded.add(s);
    long failures = graded.stream().filter(s -> !s.passed()).count();
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuite name=\"").append(xml(r.lessonId())).append("\" tests=\"").append(graded.size())
        .append("\" failures=\"").append(failures).append("\" errors=\"0\">\n");
    sb.append("  <properties>\n");
    sb.append("    <property name=\"lesson_sha256\" value=\"").append(r.lessonSha256()).append("\"/>\n");
    sb.append("    <property name=\"transcript\" value=\"").append(xml(r.transcript())).append("\"/>\n");
    sb.append("    <property name=\"transcript_sha256\" value=\"").append(r.transcriptSha256()).append("\"/>\n");
    sb.append("    <property name=\"score\" value=\"").append(num(r.score())).append('/').append(r.maxScore()).append("\"/>\n");
    if (!r.stoppedBy().isEmpty()) {
      sb.append("    <property name=\"stopped_by\" value=\"").append(xml(r.stoppedBy())).append("\"/>\n");
    }
    sb.append("  </properties>\n");
    for (GradeReport.StepGrade s : graded) {
      sb.append("  <testcase classname=\"").append(xml(r.lessonId())).append("\" name=\"").append(xml(s.title()))
          .append('"');
      if (s.passed()) {
        sb.append("/>\n");
      } else {
        sb.append(">\n    <failure message=\"").append(xml(num(s.points()) + "/" + s.maxPoints() + " points"))
            .append("\">").append(xml(output(s))).append("</failure>\n  </testcase>\n");
      }
    }
    sb.append("</testsuite>\n");
    return sb.toString();
  }

  private static String output(GradeReport.StepGrade s) {
    StringBuilder sb = new StringBuilder();
    for (GradeReport.CheckGrade c : s.checks()) {
      sb.append(c.passed() ? "✔ " + c.description() : "✘ " + c.message()).append('\n');
    }
    return sb.toString().strip();
  }

  static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
