package io.kubetutor.lesson;

import io.kubetutor.cluster.Cluster;
import io.kubetutor.sim.SimCluster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a lesson needs from the session it runs in: the cluster and namespace, the workspace, the
 * command history, somewhere to print, and a hook after every command. The shell's session
 * provides it; lessons never see the shell itself.
 */
public interface LessonHost {

  Cluster cluster();

  String namespace();

  /** The simulator when the session works on one, else null. */
  SimCluster simulator();

  /** Whether the session's context is the simulator, asked without booting one. */
  boolean onSimulatorContext();

  /** Puts {@code sim} in place of the session's simulator (a lesson's seeded start state). */
  void replaceSimulator(SimCluster sim);

  /** Whether a new simulator should follow the wall clock. */
  boolean realtime();

  Path workdir();

  /** Where per-user state (progress) is kept, or null for none. */
  Path stateDir();

  /** True while grading a transcript: nothing is saved, and some commands are refused. */
  boolean grading();

  PrintWriter out();

  PrintWriter err();

  int width();

  boolean color();

  List<HistoryEntry> history();

  /** Calls {@code listener} after every command the session runs. */
  void afterEachCommand(Consumer<HistoryEntry> listener);

  /** Adds text to the prompt ({@code deployments 3/11}). */
  void addPromptPart(Supplier<String> part);

  /** Per-session state of an extension (the lesson runner), created on first use. */
  <T> T extension(Class<T> type, Supplier<T> create);
}
