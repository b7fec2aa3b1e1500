package io.kubetutor.shell;

import java.io.IOException;
import java.util.Set;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * Opens the student's terminal without starting helper processes. Left to its defaults, jline 3.30
 * vets every terminal provider it knows, and the exec provider's check runs {@code test -t} in a
 * child process; then it runs {@code infocmp} for the terminal's capabilities. Each child costs
 * about 50-100 ms of a cold start. Here the JNI provider (a native library inside jline, usable on
 * Java 17) is asked for alone, and the capabilities of the common terminal types come from the
 * descriptions jline bundles. Any other type still asks {@code infocmp}, and when the native
 * provider cannot load (an unusual platform, a temp directory mounted noexec) jline's own search
 * takes over, so the fast path never costs a working terminal.
 */
public final class SystemTerminal {

  /** The terminal types jline ships descriptions for (its {@code org/jline/utils/*.caps}). */
  static final Set<String> BUNDLED_TYPES = Set.of("ansi", "dumb", "dumb-color", "xterm", "xterm-256color",
      "screen", "screen-256color", "rxvt", "rxvt-basic", "rxvt-unicode", "rxvt-unicode-256color");

  private SystemTerminal() {}

  /** The terminal on the process's standard streams. */
  public static Terminal open() throws IOException {
    preloadCapabilities(System.getenv("TERM"));
    try {
      // dumb(false): fail instead of quietly degrading, so the fallback below gets its chance.
      return TerminalBuilder.builder().system(true).provider(TerminalBuilder.PROP_PROVIDER_JNI).dumb(false).build();
    } catch (IOException | RuntimeException | LinkageError e) {
      return TerminalBuilder.builder().system(true).build();
    }
  }

  /** Makes jline use its bundled description of {@code type} instead of running {@code infocmp}. */
  static boolean preloadCapabilities(String type) {
    if (type == null || !BUNDLED_TYPES.contains(type) || InfoCmp.getLoadedInfoCmp(type) != null) return false;
    String bundled = InfoCmp.getDefaultInfoCmp(type);
    if (bundled == null) return false;
    InfoCmp.setLoadedInfoCmp(type, bundled);
    return true;
  }
}
