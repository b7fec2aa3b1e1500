package io.kubetutor.sim.images;

/**
 * A parsed image reference, normalised the way containerd does for Docker Hub: {@code ubuntu}
 * becomes {@code docker.io/library/ubuntu:latest}, {@code user/app:dev} becomes
 * {@code docker.io/user/app:dev}. A reference pinned by digest ({@code name@sha256:...}) keeps it.
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

  public static final String DOCKER_HUB = "docker.io";

  private static final java.util.Map<String, ImageReference> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

  /** Parses what a pod spec or {@code docker build -t} says; throws on a malformed reference. */
  public static ImageReference parse(String image) {
    // The kubelet parses the same few references for every pod and status write: remember them.
    ImageReference known = image == null ? null : PARSED.get(image);
    if (known != null) return known;
    ImageReference parsed = parseUncached(image);
    if (PARSED.size() >= 1024) PARSED.clear();
    PARSED.put(image, parsed);
    return parsed;
  }

  private static ImageReference parseUncached(String image) {
    if (image == null || image.isBlank() || !image.equals(image.strip()) || image.contains(" ")) {
      throw new IllegalArgumentException("invalid reference format");
    }
    String rest = image;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!digest.matches("sha256:[0-9a-f]{64}")) throw new IllegalArgumentException("invalid reference format");
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) throw new IllegalArgumentException("invalid reference format");
    }
    String registry = DOCKER_HUB;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      // Only a first component that looks like a host names a registry (docker's rule).
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        rest = rest.substring(slash + 1);
      }
    }
    if (!rest.matches("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*")) {
      throw new IllegalArgumentException("invalid reference format");
    }
    if (registry.equals(DOCKER_HUB) && !rest.contains("/")) rest = "library/" + rest;
    if (tag == null && digest == null) tag = "latest";
    return new ImageReference(registry, rest, tag, digest);
  }

  /** {@code docker.io/library/ubuntu:22.04}, as containerd names it in errors and image lists. */
  public String canonical() {
    String base = registry + "/" + repository;
    if (digest != null) return (tag != null ? base + ":" + tag : base) + "@" + digest;
    return base + ":" + tag;
  }

  /** The repository with its registry, without tag: {@code docker.io/library/ubuntu}. */
  public String fullRepository() {
    return registry + "/" + repository;
  }
}
