package io.kubetutor.sim.images;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The images one node's container runtime holds: tag to the build it pulled last. A later push of
 * the tag does not change what a node has until it pulls again, so {@code IfNotPresent} keeps
 * running the old digest there.
 */
public final class NodeImageCache {

  private final Map<String, ImageConfig> byTag = new TreeMap<>();

  public synchronized Optional<ImageConfig> lookup(String image) {
    return Optional.ofNullable(byTag.get(ImageReference.parse(image).canonical()));
  }

  public synchronized void store(String image, ImageConfig config) {
    byTag.put(ImageReference.parse(image).canonical(), config);
  }

  /** Canonical tag names to builds, for a node's {@code status.images}. */
  public synchronized Map<String, ImageConfig> images() {
    return Map.copyOf(byTag);
  }
}
