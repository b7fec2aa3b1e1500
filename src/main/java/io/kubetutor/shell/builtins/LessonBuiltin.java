package io.kubetutor.shell.builtins;

import io.kubetutor.lesson.Lesson;
import io.kubetutor.lesson.LessonException;
import io.kubetutor.lesson.LessonLoader;
import io.kubetutor.lesson.LessonRunner;
import io.kubetutor.lesson.Progress;
import io.kubetutor.lesson.Step;
import io.kubetutor.shell.Builtin;
import io.kubetutor.shell.Session;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lesson}: the guided lessons. {@code lesson list}, {@code lesson start NAME},
 * {@code lesson} (the open step again), {@code lesson status}, {@code lesson reset},
 * {@code lesson files [--force]}, {@code lesson answer TEXT}.
 */
public final class LessonBuiltin implements Builtin {

  private static final List<String> SUBCOMMANDS = List.of("list", "start", "status", "reset", "files", "answer");

  @Override public String name() { return "lesson"; }

  @Override public String summary() { return "guided lessons: lesson list | start NAME | status | reset | files | answer TEXT"; }

  @Override
  public String usage() {
    return """
        lesson                 show the open step again
        lesson list            the lessons, with your progress
        lesson start NAME      open a lesson in its start state (resumes where you left off)
        lesson status          steps passed, hints used, answers given
        lesson reset           the open lesson's start state again, from its first step
        lesson files [--force] write the step's files into your folder (--force replaces changed ones)
        lesson answer TEXT     answer the step's question""";
  }

  @Override
  public int run(List<String> args, Session session) {
    LessonRunner runner = LessonRunner.of(session);
    PrintWriter out = session.out();
    PrintWriter err = session.err();
    if (args.isEmpty()) {
      if (runner.lesson() == null) {
        err.println("error: no lesson is open; \"lesson list\" shows the lessons, \"lesson start NAME\" opens one");
        return 1;
      }
      runner.show();
      return 0;
    }
    String sub = args.get(0);
    List<String> rest = args.subList(1, args.size());
    switch (sub) {
      case "list" -> {
        return list(runner, out);
      }
      case "start" -> {
        if (rest.size() != 1) {
          err.println("error: usage: lesson start NAME");
          return 1;
        }
        return start(runner, rest.get(0), true, session);
      }
      case "reset" -> {
        if (runner.lesson() == null) {
          err.println("error: no lesson is open");
          return 1;
        }
        return start(runner, runner.lesson().dir().toString(), false, session);
      }
      case "status" -> {
        return status(runner, session);
      }
      case "files" -> {
        if (runner.lesson() == null) {
          err.println("error: no lesson is open");
          return 1;
        }
        boolean force = rest.contains("--force");
        Step s = runner.step();
        if (s.files().isEmpty() && runner.lesson().setup().files().isEmpty()) {
          out.println("This step hands out no files.");
          return 0;
        }
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(runner.lesson().setup().files());
        all.putAll(s.files());
        for (String note : runner.writeFiles(all, force)) out.println(note);
        return 0;
      }
      case "answer" -> {
        if (runner.lesson() == null || runner.step().question() == null) {
          err.println("error: " + (runner.lesson() == null ? "no lesson is open" : "this step asks no question"));
          return 1;
        }
        if (rest.isEmpty()) {
          err.println("error: usage: lesson answer TEXT");
          return 1;
        }
        String answer = String.join(" ", rest);
        runner.answer(answer);
        out.println("Answer recorded: " + answer + ". Type \"check\" to see if it is right.");
        return 0;
      }
      default -> {
        err.println("error: unknown lesson command \"" + sub + "\"; try: " + String.join(", ", SUBCOMMANDS));
        return 1;
      }
    }
  }

  private static int list(LessonRunner runner, PrintWriter out) {
    List<Path> folders = runner.catalog().folders();
    if (folders.isEmpty()) {
      out.println("No lessons found in " + runner.catalog().root());
      return 0;
    }
    Progress progress = runner.store().get();
    for (Path dir : folders) {
      String name = dir.getFileName().toString();
      try {
        Lesson l = LessonLoader.load(dir);
        Progress.LessonProgress p = progress.lessons.get(l.id());
        String mark = p == null ? "[ ]" : p.completed ? "[x]" : "[~]";
        long graded = l.steps().stream().filter(s -> !s.readingOnly()).count();
        String detail = p == null ? "" : "  (" + p.passed.size() + "/" + graded + " steps)";
        out.println(mark + " " + name + "  " + l.title() + detail);
      } catch (LessonException e) {
        out.println("[!] " + name + "  (broken: " + e.getMessage() + ")");
      }
    }
    return 0;
  }

  private static int start(LessonRunner runner, String name, boolean resume, Session session) {
    Path dir = runner.catalog().find(name);
    if (dir == null) {
      session.err().println("error: lesson \"" + name + "\" not found; \"lesson list\" shows the lessons");
      return 1;
    }
    Lesson lesson;
    try {
      lesson = LessonLoader.load(dir);
    } catch (LessonException e) {
      session.err().println("error: " + e.located());
      return 1;
    }
    try {
      for (String note : runner.start(lesson, resume)) session.out().println(note);
    } catch (LessonException e) {
      session.err().println("error: " + e.located());
      return 1;
    }
    runner.show();
    return 0;
  }

  private static int status(LessonRunner runner, Session session) {
    if (runner.lesson() == null) {
      session.err().println("error: no lesson is open");
      return 1;
    }
    PrintWriter out = session.out();
    Lesson l = runner.lesson();
    Progress.LessonProgress p = runner.progress();
    out.println(l.title() + " (" + l.id() + ")");
    for (int i = 0; i < l.steps().size(); i++) {
      Step s = l.steps().get(i);
      String mark = p.passed.contains(s.id()) ? "[x]" : s.readingOnly() ? "[-]" : "[ ]";
      List<String> extra = new ArrayList<>();
      int hints = p.hints.getOrDefault(s.id(), 0);
      if (hints > 0) extra.add(hints + " hint" + (hints == 1 ? "" : "s"));
      if (p.answers.containsKey(s.id())) extra.add("answered " + p.answers.get(s.id()));
      if (p.solutionsShown.contains(s.id())) extra.add("solution shown");
      out.println((i == runner.stepIndex() ? "> " : "  ") + mark + " " + (i + 1) + ". " + s.title()
          + (extra.isEmpty() ? "" : "  (" + String.join(", ", extra) + ")"));
    }
    return 0;
  }

  @Override
  public List<String> complete(List<String> args, Session session) {
    if (args.size() == 1) return SUBCOMMANDS;
    if (args.size() == 2 && args.get(0).equals("start")) {
      List<String> names = new ArrayList<>();
      for (Path p : LessonRunner.of(session).catalog().folders()) names.add(p.getFileName().toString());
      return names;
    }
    return List.of();
  }
}
