package io.kubetutor.sim.container;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a process sees when the simulated runtime starts it: its environment (image env, then the
 * container's {@code env}, Downward API values already resolved), hostname (the pod name), IP,
 * working directory, filesystem and the start time (for {@code date} and log timestamps).
 */
public record ContainerContext(Map<String, String> env, String hostname, String podIP, String workingDir,
                               ContainerFilesystem filesystem, Instant startedAt) {

  public ContainerContext {
    env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    workingDir = workingDir == null || workingDir.isEmpty() ? "/" : workingDir;
  }
}
