package io.kubetutor.kubectl;

import io.kubetutor.cluster.Cluster;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What a verb may use of the session that runs it. The shell implements it; tests implement it
 * with in-memory streams. Verbs never reach the shell, the terminal or the host directly.
 */
public interface KubectlEnv {

  /** The active backend. */
  Cluster cluster();

  /** The namespace used when a command has no {@code -n}: the global option, else the context's. */
  String namespace();

  /** The student's working directory: relative paths ({@code -f deployment.yml}) resolve against it. */
  Path workdir();

  /**
   * The file a verb is about to read ({@code -f}, {@code --from-file}, {@code --patch-file} ...),
   * already resolved; throws {@link KubectlException} when the session may not read it (grading
   * keeps transcripts inside the lesson's workspace).
   */
  default Path readable(Path path) { return path; }

  /** Standard output and error, kept apart as kubectl keeps them. */
  PrintWriter out();

  PrintWriter err();

  /** Standard input, for {@code apply -f -}. */
  InputStream in();

  /** Whether colour may be used (a terminal, no {@code --no-color}, no {@code NO_COLOR}). */
  default boolean color() { return false; }

  /** Terminal width in columns, for wrapping help; 80 when unknown. */
  default int width() { return 80; }

  /** Opens text in an editor ({@code kubectl edit}); returns the edited text, or null when aborted. */
  default String edit(String fileName, String text) {
    throw new KubectlException("editing is not available in this session");
  }

  /** The contexts a student can switch to, and switching ({@code kubectl config ...}). */
  default Contexts contexts() { return Contexts.SIM_ONLY; }

  /** Thrown-away by tests; true when a person is watching (realtime waits are shown). */
  default boolean interactive() { return false; }

  /** The kubeconfig contexts plus {@code sim}, as {@code kubectl config} shows and switches them. */
  interface Contexts {
    /** Rows of {@code config get-contexts}: name, cluster, authinfo, namespace. */
    List<ContextInfo> list();

    String current();

    /** Switches the session's backend; {@code persist} also writes current-context to the kubeconfig. */
    void use(String name, boolean persist);

    /** {@code kubectl config view} text, secrets redacted. */
    String view(boolean minify, boolean raw);

    Contexts SIM_ONLY = new Contexts() {
      @Override public List<ContextInfo> list() { return List.of(new ContextInfo("sim", "sim", "student", "default")); }
      @Override public String current() { return "sim"; }
      @Override public void use(String name, boolean persist) {
        if (!name.equals("sim")) throw new KubectlException("no context exists with the name: \"" + name + "\"");
      }
      @Override public String view(boolean minify, boolean raw) { return ""; }
    };
  }

  record ContextInfo(String name, String cluster, String authInfo, String namespace) {}
}
