package io.kubetutor.sim.images;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The student's own Docker engine: images built with {@code docker build -t} live here until
 * {@code docker push} publishes them to the simulated registry. A build starts from the config of
 * its FROM image (resolved in the registry) and applies the Dockerfile's ENTRYPOINT/CMD/EXPOSE/ENV/
 * WORKDIR; its size grows with the steps.
 */
public final class LocalImages {

  private final Map<String, ImageConfig> byTag = new TreeMap<>();
  private int builds;

  /** Builds {@code tag} from {@code dockerfile}; fails with the pull error of a missing base image. */
  public synchronized ImageConfig build(String tag, Dockerfile dockerfile, ImageRegistry registry) throws ImagePullException {
    ImageConfig base = byTag.get(ImageReference.parse(dockerfile.from()).canonical());
    if (base == null) base = registry.resolve(dockerfile.from());
    List<String> entrypoint = dockerfile.entrypoint() != null ? dockerfile.entrypoint() : base.entrypoint();
    // A new ENTRYPOINT resets the base image's CMD, as in Docker.
    List<String> cmd = dockerfile.cmd() != null ? dockerfile.cmd() : dockerfile.entrypoint() != null ? List.of() : base.cmd();
    var ports = new java.util.ArrayList<>(base.exposedPorts());
    for (Integer p : dockerfile.exposedPorts()) if (!ports.contains(p)) ports.add(p);
    Map<String, String> env = new LinkedHashMap<>(base.env());
    env.putAll(dockerfile.env());
    builds++;
    String canonical = ImageReference.parse(tag).canonical();
    ImageConfig built = new ImageConfig(ImageRegistry.digestOf("local:" + canonical + ":" + String.join("\n", dockerfile.steps()), builds),
        base.sizeBytes() + 4096L * dockerfile.steps().size() + 131_072L * builds,
        entrypoint, cmd, ports, env, dockerfile.workingDir() != null ? dockerfile.workingDir() : base.workingDir());
    byTag.put(canonical, built);
    return built;
  }

  public synchronized java.util.Optional<ImageConfig> find(String tag) {
    return java.util.Optional.ofNullable(byTag.get(ImageReference.parse(tag).canonical()));
  }

  public synchronized Map<String, ImageConfig> images() {
    return Map.copyOf(byTag);
  }
}
