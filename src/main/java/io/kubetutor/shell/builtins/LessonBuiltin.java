package io.kubetutor.shell.builtins;

import io.kubetutor.lesson.Lesson;
import io.kubetutor.lesson.LessonException;
import io.kubetutor.lesson.LessonLibrary;
import io.kubetutor.lesson.LessonLoader;
import io.kubetutor.lesson.LessonRunner;
import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.nio.file.Path;
import java.util.List;

/** {@code lesson [list|start NAME|status|reset|files [--force]|answer TEXT]}: follow a guided lesson. */
public final class LessonBuiltin implements Builtin {

  @Override public String name() { return "lesson"; }
  @Override public String summary() { return "Guided lessons: lesson list | start NAME | status | reset | files | answer TEXT"; }

  @Override
  public int run(List<String> args, Session session) throws Exception {
    LessonRunner runner = LessonRunner.of(session);
    String sub = args.isEmpty() ? "show" : args.get(0);
    switch (sub) {
      case "list" -> {
        Path root = LessonLibrary.root();
        List<Path> dirs = LessonLibrary.lessonDirs(root);
        if (dirs.isEmpty()) {
          session.err().println("error: no lessons found in " + root.toAbsolutePath());
          return 1;
        }
        for (Path d : dirs) {
          try {
            Lesson l = LessonLoader.load(d);
            String mark = runner.lesson() != null && runner.lesson().id().equals(l.id()) ? "▶" : " ";
            session.out().printf("%s %-16s %s (%d steps)%n", mark, d.getFileName(), l.title(), l.steps().size());
          } catch (LessonException e) {
            session.out().printf("  %-16s (invalid: %s)%n", d.getFileName(), e.getMessage().lines().findFirst().orElse(""));
          }
        }
        return 0;
      }
      case "start" -> {
        if (args.size() != 2) return usage(session);
        Path dir = resolve(args.get(1));
        if (dir == null) {
          session.err().println("error: lesson \"" + args.get(1) + "\" not found (try: lesson list)");
          return 1;
        }
        runner.start(LessonLoader.load(dir));
        runner.show(session.out());
        return 0;
      }
      case "show", "status", "reset", "files", "answer" -> {
        if (runner.lesson() == null) {
          session.err().println("error: no lesson started (try: lesson list, then lesson start NAME)");
          return 1;
        }
        return current(sub, args, runner, session);
      }
      default -> {
        return usage(session);
      }
    }
  }

  private int current(String sub, List<String> args, LessonRunner runner, Session session) throws Exception {
    switch (sub) {
      case "show" -> runner.show(session.out());
      case "status" -> {
        long passed = runner.evaluate().stream().filter(r -> r.passed()).count();
        session.out().printf("%s: step %d/%d \"%s\", %d/%d checks passing, %d hints used%n", runner.lesson().id(),
            runner.stepIndex() + 1, runner.lesson().steps().size(), runner.currentStep().title(), passed,
            runner.currentStep().checks().size(), runner.hintsUsed());
      }
      case "reset" -> {
        int keep = runner.stepIndex();
        runner.start(runner.lesson());
        runner.goTo(keep);
        session.out().println("Lesson reset to its start state; you are at step " + (keep + 1) + ".");
      }
      case "files" -> {
        boolean force = args.contains("--force");
        List<String> kept = runner.handOutFiles(force);
        for (String k : kept) session.out().println("kept your changed " + k + " (lesson files --force replaces it)");
        session.out().println("Files written: " + runner.currentStep().files().keySet());
      }
      case "answer" -> {
        if (runner.currentStep().question() == null) {
          session.err().println("error: this step has no question");
          return 1;
        }
        if (args.size() < 2) return usage(session);
        runner.answer(String.join(" ", args.subList(1, args.size())));
        session.out().println("Answer recorded; type \"check\".");
      }
      default -> throw new IllegalStateException(sub);
    }
    return 0;
  }

  private static Path resolve(String name) throws Exception {
    Path direct = Path.of(name);
    if (java.nio.file.Files.isRegularFile(direct.resolve("lesson.yaml"))) return direct;
    for (Path d : LessonLibrary.lessonDirs(LessonLibrary.root())) {
      String n = d.getFileName().toString();
      if (n.equals(name) || n.replaceFirst("^\\d+-", "").equals(name)) return d;
    }
    return null;
  }

  private int usage(Session session) {
    session.err().println("error: usage: " + summary().substring(summary().indexOf(':') + 2));
    return 2;
  }
}
