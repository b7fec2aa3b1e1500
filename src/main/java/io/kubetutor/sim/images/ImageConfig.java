package io.kubetutor.sim.images;

import java.util.List;
import java.util.Map;

/**
 * One published build of a tag: its content digest, compressed size and the image config a
 * container starts from (entrypoint, cmd, exposed ports, env, working dir). {@code program} names
 * the behaviour the container interpreter gives the image's own binaries (see
 * {@code container.Programs}); an entrypoint/cmd that a pod overrides is interpreted instead.
 */
public record ImageConfig(
    String digest,
    long sizeBytes,
    List<String> entrypoint,
    List<String> cmd,
    List<Integer> exposedPorts,
    Map<String, String> env,
    String workingDir) {

  public ImageConfig {
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    exposedPorts = List.copyOf(exposedPorts);
    env = Map.copyOf(env);
  }

  /** The process the image runs by default: entrypoint followed by cmd. */
  public List<String> defaultCommandLine() {
    var all = new java.util.ArrayList<String>(entrypoint);
    all.addAll(cmd);
    return all;
  }
}
