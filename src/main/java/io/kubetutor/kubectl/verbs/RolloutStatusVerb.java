package io.kubetutor.kubectl.verbs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetutor.cluster.ClusterClock;
import io.kubetutor.cluster.Selector;
import io.kubetutor.cluster.WatchEvent;
import io.kubetutor.kubectl.KubectlException;
import io.kubetutor.kubectl.Verb;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl rollout status deployment/x}: like kubectl (watchtools.UntilWithSync), it takes the
 * object's current state as a first event, then watches it, and prints the status viewer's line for
 * every ADDED or MODIFIED event (repeats included) until the rollout is done; a DELETED event ends it
 * with an error. Waiting goes through the cluster clock, so a virtual simulator advances instead of
 * blocking, and every change made while it advances still arrives as its own event.
 */
@Command(name = "status", description = "Show the status of the rollout")
public final class RolloutStatusVerb extends Verb {

  /**
   * The longest single wait between looks at the event queue: it bounds how late a realtime change is
   * printed and how far past {@code --timeout} a virtual clock may run; no event is ever lost to it.
   */
  private static final Duration STEP = Duration.ofMillis(100);

  @Parameters(arity = "0..*", paramLabel = "RESOURCE") List<String> args = new ArrayList<>();

  @Option(names = {"-w", "--watch"}, arity = "0..1", defaultValue = "true", fallbackValue = "true",
      description = "Watch the status of the rollout until it's done.")
  boolean watch;

  @Option(names = "--timeout", defaultValue = "0s",
      description = "The length of time to wait before ending watch, zero means never.")
  String timeout;

  @Option(names = "--revision", defaultValue = "0", description = "Pin to a specific revision for showing its status.")
  long revision;

  @Override
  protected int run() throws Exception {
    if (revision < 0) throw new KubectlException("revision must be a positive integer: " + revision);
    Duration limit = DeleteVerb.goDuration(timeout);
    RolloutTarget target = RolloutTarget.parse("status", args);
    String ns = namespace();
    // kubectl resolves the object (NotFound comes first) before choosing its status viewer.
    cluster().get(target.kind(), ns, target.name());
    RolloutStatusViewer viewer = RolloutStatusViewer.forKind(target.kind());
    ClusterClock clock = cluster().clock();
    Instant deadline = limit.isZero() ? null : clock.now().plus(limit);

    LinkedBlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    try (AutoCloseable handle = cluster().watch(target.kind(), ns, Selector.EVERYTHING, e -> {
      if (target.name().equals(e.object().getMetadata().getName())) events.add(e);
    })) {
      // The sync: the state as it is now, taken after the watch started so no later change is missed;
      // changes the watch saw before this read are older than it and are skipped.
      HasMetadata synced = cluster().get(target.kind(), ns, target.name());
      WatchEvent event = new WatchEvent(WatchEvent.Type.ADDED, synced);
      while (true) {
        if (event != null) {
          if (event.type() == WatchEvent.Type.DELETED) throw new KubectlException("object has been deleted");
          RolloutStatusViewer.State state = viewer.status(event.object(), revision);
          out().print(state.message());
          out().flush();
          if (state.done() || !watch) return 0;
        } else {
          if (Thread.currentThread().isInterrupted()) return 130;
          Duration left = deadline == null ? STEP : Duration.between(clock.now(), deadline);
          // A virtual clock with nothing scheduled will never change the object again: waiting ends.
          if (left.isNegative() || left.isZero() || clock.quiescent()) {
            throw new KubectlException("timed out waiting for the condition");
          }
          clock.sleep(left.compareTo(STEP) < 0 ? left : STEP);
        }
        event = next(events, synced);
      }
    }
  }

  /** The next watch event newer than the synced state, or null when none has arrived yet. */
  private static WatchEvent next(LinkedBlockingQueue<WatchEvent> events, HasMetadata synced) {
    WatchEvent e;
    while ((e = events.poll()) != null) {
      if (!olderOrSame(e.object(), synced)) return e;
    }
    return null;
  }

  /**
   * True when an event shows the synced state or one before it. Resource versions are opaque to
   * clients, but both backends issue increasing integers; any other form is never treated as stale.
   */
  private static boolean olderOrSame(HasMetadata seen, HasMetadata synced) {
    try {
      return Long.parseLong(seen.getMetadata().getResourceVersion())
          <= Long.parseLong(synced.getMetadata().getResourceVersion());
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }
}
