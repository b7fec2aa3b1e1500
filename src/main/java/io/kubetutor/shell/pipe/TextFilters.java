package io.kubetutor.shell.pipe;

import java.util.List;
import java.util.function.Consumer;

/**
 * The commands a kubetutor pipe can feed. They are re-implemented text filters, never programs of
 * the host: {@code grep}, {@code head}, {@code tail}, {@code wc}, {@code sort}, {@code uniq}, and
 * {@code less}, {@code more}, {@code cat}, which just print.
 */
public final class TextFilters {

  private TextFilters() {}

  public static final List<String> NAMES = List.of("grep", "head", "tail", "wc", "sort", "uniq", "less", "more", "cat");

  public static LineFilter of(List<String> words) throws FilterException {
    List<String> args = new java.util.ArrayList<>(words.subList(1, words.size()));
    return switch (words.get(0)) {
      case "grep", "egrep" -> new Grep(words.get(0).equals("egrep") ? prepend("-E", args) : args);
      case "head" -> new Head(args);
      case "tail" -> new Tail(args);
      case "wc" -> new WordCount(args);
      case "sort" -> new Sort(args);
      case "uniq" -> new Uniq(args);
      case "less", "more", "cat" -> new PassThrough();
      default -> throw new FilterException("kubetutor: " + words.get(0) + ": cannot be used after | here (a pipe can"
          + " feed " + String.join(", ", NAMES) + ")");
    };
  }

  private static List<String> prepend(String first, List<String> rest) {
    rest.add(0, first);
    return rest;
  }

  private static final class PassThrough implements LineFilter {
    @Override
    public void line(String line, Consumer<String> emit) {
      emit.accept(line);
    }
  }
}
