package io.kubetutor.instructor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Batch grading gives the same reports, byte for byte, whether transcripts run one at a time or side by side. */
class GradeCommandBatchTest {

  @TempDir Path dir;

  private record Run(int exit, String stdout, String stderr, Map<String, String> files) {}

  private Run grade(Path transcripts, String jobs, Path out) throws Exception {
    GradeCommand command = new GradeCommand();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    command.stdout = new PrintStream(stdout, true, StandardCharsets.UTF_8);
    command.stderr = new PrintStream(stderr, true, StandardCharsets.UTF_8);
    int exit = new CommandLine(command).execute("--lesson", "lessons/02-deployments", "--transcripts",
        transcripts.toString(), "--format", "json", "--jobs", jobs, "--out", out.toString());
    Map<String, String> files = new TreeMap<>();
    if (Files.isDirectory(out)) {
      try (Stream<Path> s = Files.list(out)) {
        for (Path f : s.toList()) files.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8), files);
  }

  @Test
  void parallelGradingMatchesSerialGrading() throws Exception {
    Path transcripts = Files.createDirectory(dir.resolve("transcripts"));
    List<String> solution = Files.readAllLines(Path.of("bench/grading-transcript.txt"));
    Files.write(transcripts.resolve("a-full.txt"), solution);
    Files.write(transcripts.resolve("b-half.txt"), solution.subList(0, 15));
    Files.writeString(transcripts.resolve("c-empty.txt"), "");
    Files.writeString(transcripts.resolve("d-noise.txt"), "kubectl get nothing\nsim advance 1000000h\n!ls\n");
    Files.write(transcripts.resolve("e-full.txt"), solution);

    Run serial = grade(transcripts, "1", dir.resolve("serial"));
    Run parallel = grade(transcripts, "3", dir.resolve("parallel"));

    assertThat(serial.exit()).isZero();
    assertThat(serial.stderr()).isEmpty();
    assertThat(serial.stdout()).isEqualTo("""
        TRANSCRIPT    SCORE
        a-full.txt    23/23
        b-half.txt    9/23
        c-empty.txt   0/23
        d-noise.txt   0/23
        e-full.txt    23/23
        5 transcripts, mean score 11/23
        """);
    assertThat(serial.files()).containsKeys("a-full.json", "d-noise.json", "summary.csv");
    assertThat(serial.files().get("d-noise.json")).contains("\"stopped_by\" : \"\\\"sim advance 1000000h\\\" would pass");
    assertThat(parallel).isEqualTo(serial);
  }

  @Test
  void jobsMustBePositive() throws Exception {
    Path transcripts = Files.createDirectory(dir.resolve("transcripts"));
    Files.writeString(transcripts.resolve("a.txt"), "");
    Run r = grade(transcripts, "0", dir.resolve("out"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr()).isEqualTo("error: --jobs must be at least 1\n");
  }
}
