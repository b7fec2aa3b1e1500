package io.kubetutor.shell.pipe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code wc [-l] [-w] [-c]}: lines, words and bytes of the input. One count prints bare; several
 * print right-aligned in 7 columns, as GNU wc does for standard input.
 */
final class WordCount implements LineFilter {

  private final boolean lines;
  private final boolean words;
  private final boolean bytes;
  private long lineCount;
  private long wordCount;
  private long byteCount;

  WordCount(List<String> args) throws FilterException {
    FilterArgs a = new FilterArgs("wc", args, "lwcm", "");
    a.noFiles();
    boolean any = a.has('l') || a.has('w') || a.has('c') || a.has('m');
    lines = !any || a.has('l');
    words = !any || a.has('w');
    bytes = !any || a.has('c') || a.has('m');
  }

  @Override
  public void line(String line, Consumer<String> emit) {
    lineCount++;
    byteCount += line.getBytes(StandardCharsets.UTF_8).length + 1;
    String trimmed = line.strip();
    if (!trimmed.isEmpty()) wordCount += trimmed.split("\\s+").length;
  }

  @Override
  public void end(Consumer<String> emit) {
    List<Long> counts = new ArrayList<>();
    if (lines) counts.add(lineCount);
    if (words) counts.add(wordCount);
    if (bytes) counts.add(byteCount);
    if (counts.size() == 1) {
      emit.accept(String.valueOf(counts.get(0)));
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < counts.size(); i++) sb.append(i == 0 ? "" : " ").append(String.format("%7d", counts.get(i)));
    emit.accept(sb.toString());
  }
}
