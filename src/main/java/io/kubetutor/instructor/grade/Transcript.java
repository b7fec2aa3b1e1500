package io.kubetutor.instructor.grade;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands of a student's transcript. Three shapes are read: plain commands one per line; a
 * {@code $ CMD} transcript as {@code run --echo} writes it (lines without {@code $ } are output and
 * skipped); a shell history file ({@code #timestamp} lines skipped). At most {@link #MAX_LINES}
 * lines are read, so a huge file cannot stall the grader.
 */
public record Transcript(List<String> commands, String sha256, boolean truncated) {

  public static final int MAX_LINES = 100_000;

  public static Transcript read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    boolean truncated = false;
    try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (lines.size() >= MAX_LINES) {
          truncated = true;
          break;
        }
        lines.add(line);
      }
    }
    boolean dollar = lines.stream().anyMatch(l -> l.startsWith("$ "));
    List<String> commands = new ArrayList<>();
    for (String l : lines) {
      if (dollar) {
        if (l.startsWith("$ ")) commands.add(l.substring(2));
      } else if (!l.isBlank() && !l.startsWith("#")) {
        commands.add(l);
      }
    }
    return new Transcript(commands, io.kubetutor.lesson.Hashes.sha256(bytes), truncated);
  }
}
