package io.kubetutor.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** DESIGN.md's picture: the packages form layers, and nothing below imports anything above. */
class LayeringTest {

  /** Top to bottom, as in DESIGN.md. */
  static final List<String> LAYERS = List.of("instructor", "shell", "lesson", "kubectl", "print", "sim", "cluster", "util");

  private static final Pattern REFERENCE = Pattern.compile("io\\.kubetutor\\.([a-z]+)\\b");

  @Test
  void noPackageReachesUpToALayerAboveIt() throws IOException {
    Path root = Path.of("src/main/java/io/kubetutor");
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = root.relativize(file);
        if (relative.getNameCount() < 2) continue;  // Main and friends sit on top of everything
        int own = LAYERS.indexOf(relative.getName(0).toString());
        if (own < 0) continue;
        Matcher m = REFERENCE.matcher(Files.readString(file));
        while (m.find()) {
          int used = LAYERS.indexOf(m.group(1));
          if (used >= 0 && used < own) violations.add(relative + " uses io.kubetutor." + m.group(1));
        }
      }
    }
    assertThat(violations).isEmpty();
  }
}
