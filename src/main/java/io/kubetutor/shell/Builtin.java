package io.kubetutor.shell;

import java.util.List;

/**
 * A shell command that is not kubectl: {@code help}, {@code exit}, {@code sim}, {@code lesson},
 * {@code ls}, ... One class per built-in, registered in {@link Builtins}.
 */
public interface Builtin {

  /** The word that invokes it; aliases come from {@link #aliases()}. */
  String name();

  default List<String> aliases() { return List.of(); }

  /** One line for {@code help}. */
  String summary();

  /** Full usage for {@code help NAME}; defaults to the summary. */
  default String usage() { return summary(); }

  /** Runs with the words after the name; returns the exit status. */
  int run(List<String> args, Session session) throws Exception;

  /**
   * Completion candidates for the word being typed, given the words before it plus the partial word
   * as the last element ({@code lesson start } offers lesson names). Directories end with {@code /}.
   */
  default List<String> complete(List<String> args, Session session) { return List.of(); }

  /** False for built-ins that reach the host (files outside the workspace, host commands, editors): refused in grading. */
  default boolean allowedInGrading() { return true; }
}
