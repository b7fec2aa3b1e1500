package io.kubetutor.shell.builtins;

import io.kubetutor.lesson.LessonRunner;
import io.kubetutor.shell.Session;

/** The open lesson of a session, or an error for built-ins that need one. */
final class LessonRequired {

  private LessonRequired() {}

  /** The session's runner when a lesson is open; otherwise prints the error and returns null. */
  static LessonRunner runner(Session session, String command) {
    LessonRunner runner = LessonRunner.of(session);
    if (runner.lesson() == null) {
      session.err().println("error: \"" + command + "\" needs an open lesson; \"lesson list\" shows the lessons");
      return null;
    }
    return runner;
  }
}
