package io.kubetutor.instructor.cli;

import io.kubetutor.lesson.Lesson;
import io.kubetutor.lesson.LessonException;
import io.kubetutor.lesson.LessonLoader;
import io.kubetutor.instructor.grade.GradeReport;
import io.kubetutor.instructor.grade.Grader;
import io.kubetutor.instructor.grade.ReportFormat;
import io.kubetutor.instructor.grade.Transcript;
import io.kubetutor.util.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kubetutor grade}: replays student transcripts against a lesson and writes scores. One
 * transcript ({@code --transcript FILE}) or a folder of them ({@code --transcripts DIR}, one JVM,
 * a progress bar on a terminal, a summary table and a CSV). Exit 0 when grading ran.
 */
@Command(name = "grade", description = "Grade student transcripts against a lesson.")
public final class GradeCommand implements Callable<Integer> {

  @Option(names = "--lesson", required = true, paramLabel = "DIR", description = "The lesson folder.")
  Path lessonDir;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--transcript", paramLabel = "FILE", description = "One transcript: commands, a '$ CMD' transcript, or a history file.")
    Path transcript;

    @Option(names = "--transcripts", paramLabel = "DIR", description = "A folder of transcripts, graded in one run.")
    Path transcripts;
  }

  @Option(names = "--format", defaultValue = "text", description = "text, json, gradescope, prairielearn or junit (default text).")
  String format;

  @Option(names = "--out", paramLabel = "PATH", description = "Write the report to FILE (batch: reports and summary.csv into DIR).")
  Path out;

  @Option(names = "--workspace", paramLabel = "DIR", description = "The student's files (copied; never changed).")
  Path workspace;

  @Option(names = "--jobs", paramLabel = "N", description = "Transcripts graded at once (default: one per core).")
  Integer jobs;

  PrintStream stdout = System.out;
  PrintStream stderr = System.err;

  @Override
  public Integer call() {
    ReportFormat fmt;
    try {
      fmt = ReportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      stderr.println("error: " + e.getMessage());
      return 2;
    }
    Lesson lesson;
    try {
      lesson = LessonLoader.load(lessonDir);
    } catch (LessonException e) {
      stderr.println("error: " + e.located());
      return 1;
    }
    if (workspace != null && !Files.isDirectory(workspace)) {
      stderr.println("error: the workspace \"" + workspace + "\" is not a directory");
      return 1;
    }
    try {
      return input.transcript != null ? single(lesson, fmt) : batch(lesson, fmt);
    } catch (IOException e) {
      stderr.println("error: " + e.getMessage());
      return 1;
    }
  }

  private int single(Lesson lesson, ReportFormat fmt) throws IOException {
    if (!Files.isRegularFile(input.transcript)) {
      stderr.println("error: the path \"" + input.transcript + "\" does not exist");
      return 1;
    }
    GradeReport report = new Grader().grade(lesson, Transcript.read(input.transcript),
        input.transcript.getFileName().toString(), workspace);
    String text = fmt.write(report);
    if (out != null) AtomicFiles.writeString(out, text);
    else stdout.print(text);
    return 0;
  }

  private int batch(Lesson lesson, ReportFormat fmt) throws IOException {
    if (!Files.isDirectory(input.transcripts)) {
      stderr.println("error: the transcripts folder \"" + input.transcripts + "\" is not a directory");
      return 1;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(input.transcripts)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    boolean terminal = System.console() != null;
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (threads < 1) {
      stderr.println("error: --jobs must be at least 1");
      return 2;
    }
    Grader grader = new Grader();
    List<GradeReport> reports = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    if (out != null) Files.createDirectories(out);
    // Each transcript gets its own simulator, session and workspace, so transcripts may run side by
    // side; results are collected in file order, so the summary is the same whatever the thread count.
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, files.size())), r -> {
      Thread t = new Thread(r, "grader");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<GradeReport>> pending = new ArrayList<>();
      for (Path f : files) {
        pending.add(pool.submit(() -> {
          GradeReport r = grader.grade(lesson, Transcript.read(f), f.getFileName().toString(), workspace);
          if (out != null) AtomicFiles.writeString(out.resolve(stem(r.transcript()) + extension(fmt)), fmt.write(r));
          return r;
        }));
      }
      for (int i = 0; i < files.size(); i++) {
        String name = files.get(i).getFileName().toString();
        try {
          reports.add(pending.get(i).get());
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          failures.add(name + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failures.add(name + ": interrupted");
          break;
        }
        if (terminal) progress(i + 1, files.size());
      }
    } finally {
      pool.shutdownNow();
    }
    if (terminal) stderr.println();
    String csv = csv(reports);
    stdout.print(table(reports));
    if (out != null) AtomicFiles.writeString(out.resolve("summary.csv"), csv);
    for (String f : failures) stderr.println("error: " + f);
    return 0;
  }

  private void progress(int done, int total) {
    int width = 30;
    int filled = total == 0 ? width : done * width / total;
    stderr.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
    stderr.flush();
  }

  static String table(List<GradeReport> reports) {
    int w = Math.max("TRANSCRIPT".length(), reports.stream().mapToInt(r -> r.transcript().length()).max().orElse(0));
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-" + w + "s   %s%n", "TRANSCRIPT", "SCORE"));
    for (GradeReport r : reports) {
      sb.append(String.format(Locale.ROOT, "%-" + w + "s   %s/%d%n", r.transcript(), fmt(r.score()), r.maxScore()));
    }
    if (!reports.isEmpty()) {
      double mean = reports.stream().mapToDouble(GradeReport::score).average().orElse(0);
      sb.append(String.format(Locale.ROOT, "%d transcripts, mean score %s/%d%n", reports.size(), fmt(mean),
          reports.get(0).maxScore()));
    }
    return sb.toString();
  }

  static String csv(List<GradeReport> reports) {
    StringBuilder sb = new StringBuilder("transcript,score,max_score,transcript_sha256,lesson,lesson_sha256\n");
    for (GradeReport r : reports) {
      sb.append(csvCell(r.transcript())).append(',').append(fmt(r.score())).append(',').append(r.maxScore()).append(',')
          .append(r.transcriptSha256()).append(',').append(csvCell(r.lessonId())).append(',').append(r.lessonSha256())
          .append('\n');
    }
    return sb.toString();
  }

  private static String csvCell(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String extension(ReportFormat fmt) {
    return switch (fmt) {
      case TEXT -> ".txt";
      case JUNIT -> ".xml";
      default -> ".json";
    };
  }
}
