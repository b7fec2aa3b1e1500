package io.kubetutor.shell;

import io.kubetutor.sim.SimCluster;
import io.kubetutor.sim.SimState;
import io.kubetutor.util.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * The simulator an interactive session leaves behind ({@code sim-state.json} in the state
 * directory): saved when the shell exits, offered back when the next one starts. Only interactive
 * sessions take part; scripts and graders always start from the seed.
 */
public final class SimSessionState {

  public static final String FILE = "sim-state.json";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private SimSessionState() {}

  /** Where the session's simulator is kept, or null when it is not kept. */
  static Path file(SessionOptions options) {
    if (!options.interactive() || options.stateDir() == null) return null;
    return options.stateDir().resolve(FILE);
  }

  /**
   * At start: if a saved simulator exists, asks whether to restore it ({@code ask} shows the question
   * and returns the answer, null if the student gave none). A file that cannot be read is reported and
   * set aside; the session then starts fresh.
   */
  public static void offerRestore(Session session, Function<String, String> ask, ZoneId zone) {
    Path file = file(session.options());
    if (file == null || !Files.isRegularFile(file)) return;
    PrintWriter err = session.err();
    SimCluster saved;
    try {
      saved = SimState.load(file, session.options().realtime());
    } catch (SimState.StateException e) {
      String where;
      try {
        where = "; it was moved to " + AtomicFiles.setAside(file);
      } catch (IOException moveFailed) {
        where = "";
      }
      err.println("warning: cannot restore the simulator from your last session: " + e.getMessage() + where);
      err.println("Starting with a fresh simulator.");
      err.flush();
      return;
    }
    Instant at = SimState.savedAt(file);
    String when = at == null ? "" : " (saved " + SHOWN.format(at.atZone(zone)) + ")";
    String answer = ask.apply("Restore the simulator from your last session" + when + "? [Y/n] ");
    if (answer != null && isYes(answer)) {
      session.contextManager().replaceSimulator(saved);
    } else {
      saved.close();
    }
  }

  static boolean isYes(String answer) {
    String a = answer.trim().toLowerCase(Locale.ROOT);
    return a.isEmpty() || a.equals("y") || a.equals("yes");
  }

  /**
   * At exit: writes the session's simulator if this session used it (a session that only talked to a
   * real cluster leaves the last saved simulator alone). A failure is a warning, never a failed exit.
   */
  public static void saveAtExit(Session session) {
    Path file = file(session.options());
    if (file == null) return;
    SimCluster sim = session.contextManager().startedSimulator();
    if (sim == null) return;
    int objects = SimState.objectCount(sim);
    if (objects > SimState.MAX_SAVED_OBJECTS) {
      // An older save would be offered as "your last session": it is not, so it goes too.
      boolean removed;
      try {
        removed = Files.deleteIfExists(file);
      } catch (IOException e) {
        removed = false;
      }
      session.err().println("note: the simulator was not saved: it holds " + objects + " objects, more than "
          + SimState.MAX_SAVED_OBJECTS + " (a large scale-up?)" + (removed ? "; the previous save was removed" : "")
          + ". Your next session starts with a fresh simulator.");
      session.err().flush();
      return;
    }
    try {
      SimState.save(sim, file);
    } catch (IOException | RuntimeException e) {
      session.err().println("warning: the simulator was not saved: " + e.getMessage());
      session.err().flush();
    }
  }
}
