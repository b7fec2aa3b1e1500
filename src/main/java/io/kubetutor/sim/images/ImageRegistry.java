package io.kubetutor.sim.images;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The simulated remote registry (Docker Hub and friends): which repositories and tags exist and what
 * each tag currently points to. Digests are derived from the reference and a build number, so they
 * are the same on every run; publishing a tag again (a {@code docker push} of a new build) moves it
 * to a new digest, which is what the course's {@code :dev} + {@code imagePullPolicy: Always} lesson
 * is about. Nothing is downloaded or run.
 */
public final class ImageRegistry {

  private final Map<String, ImageConfig> tags = new TreeMap<>();
  private final Map<String, Integer> builds = new LinkedHashMap<>();

  /** A registry holding the standard catalogue. */
  public static ImageRegistry withCatalogue() {
    ImageRegistry registry = new ImageRegistry();
    ImageCatalogue.load(registry);
    return registry;
  }

  /** Adds (or replaces) a tag with a given config template; the digest is computed here. */
  public synchronized ImageConfig publish(String image, long sizeBytes, List<String> entrypoint, List<String> cmd,
                                          List<Integer> ports, Map<String, String> env, String workingDir) {
    ImageReference ref = ImageReference.parse(image);
    String key = ref.canonical();
    int build = builds.merge(key, 1, Integer::sum);
    ImageConfig config = new ImageConfig(digestOf(key, build), sizeBytes, entrypoint, cmd, ports, env, workingDir);
    tags.put(key, config);
    return config;
  }

  /** Publishes a new build of a tag, keeping the config of {@code template}; returns the new build. */
  public synchronized ImageConfig publish(String image, ImageConfig template) {
    return publish(image, template.sizeBytes(),
        template.entrypoint(), template.cmd(), template.exposedPorts(), template.env(), template.workingDir());
  }

  /** What the tag points to now, without the error text (for {@code docker} and lessons). */
  public synchronized Optional<ImageConfig> find(String image) {
    return Optional.ofNullable(tags.get(ImageReference.parse(image).canonical()));
  }

  /**
   * Resolves a reference as a pull would, failing with containerd's texts: an unknown repository
   * is "pull access denied", an unknown tag of a known repository is "not found", and an unknown
   * registry host fails its DNS lookup. A digest reference must match a build the registry served.
   */
  public synchronized ImageConfig resolve(String image) throws ImagePullException {
    ImageReference ref;
    try {
      ref = ImageReference.parse(image);
    } catch (IllegalArgumentException e) {
      throw new ImagePullException("rpc error: code = Unknown desc = failed to pull and unpack image \"" + image
          + "\": invalid reference format");
    }
    String name = ref.canonical();
    String prefix = "failed to pull and unpack image \"" + name + "\": failed to resolve reference \"" + name + "\": ";
    if (!knownRegistry(ref.registry())) {
      throw new ImagePullException("rpc error: code = Unknown desc = " + prefix + "failed to do request: Head \"https://"
          + ref.registry() + "/v2/" + ref.repository() + "/manifests/" + (ref.digest() != null ? ref.digest() : ref.tag())
          + "\": dial tcp: lookup " + ref.registry() + ": no such host");
    }
    String repositoryPrefix = ref.fullRepository() + ":";
    boolean repositoryExists = tags.keySet().stream().anyMatch(k -> k.startsWith(repositoryPrefix));
    if (!repositoryExists) {
      throw new ImagePullException("rpc error: code = Unknown desc = " + prefix
          + "pull access denied, repository does not exist or may require authorization: server message: "
          + "insufficient_scope: authorization failed");
    }
    if (ref.digest() != null) {
      for (Map.Entry<String, ImageConfig> e : tags.entrySet()) {
        if (e.getKey().startsWith(repositoryPrefix) && e.getValue().digest().equals(ref.digest())) {
          return e.getValue();
        }
      }
      throw new ImagePullException("rpc error: code = NotFound desc = " + prefix + name + ": not found");
    }
    ImageConfig config = tags.get(name);
    if (config == null) {
      throw new ImagePullException("rpc error: code = NotFound desc = " + prefix + name + ": not found");
    }
    return config;
  }

  /** Every tag, canonical name to current build, in name order. */
  public synchronized Map<String, ImageConfig> tags() {
    return Map.copyOf(tags);
  }

  /** How many builds each tag has had (for saving the simulator: the next push's digest depends on it). */
  public synchronized Map<String, Integer> builds() {
    return Map.copyOf(builds);
  }

  /** Replaces every tag and build count with saved ones (loading a saved simulator). */
  public synchronized void restore(Map<String, ImageConfig> savedTags, Map<String, Integer> savedBuilds) {
    tags.clear();
    tags.putAll(savedTags);
    builds.clear();
    builds.putAll(new TreeMap<>(savedBuilds));
  }

  /** Tags of one repository ({@code ubuntu}, {@code username/hello-fastapi}), sorted. */
  public synchronized List<String> tagsOf(String repository) {
    String full = ImageReference.parse(repository).fullRepository() + ":";
    List<String> result = new ArrayList<>();
    for (String k : tags.keySet()) if (k.startsWith(full)) result.add(k.substring(full.length()));
    return result;
  }

  private boolean knownRegistry(String host) {
    return tags.keySet().stream().anyMatch(k -> k.startsWith(host + "/"));
  }

  static String digestOf(String canonical, int build) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] hash = sha.digest((canonical + "#build-" + build).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
