package io.kubetutor.sim.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The small in-memory filesystem a simulated container writes to. Paths under a mounted volume live
 * in the volume's own file map, so they survive the container and are seen by the next pod that
 * mounts the same volume (a PVC); everything else is the container's writable layer and is lost
 * with it.
 */
public final class ContainerFilesystem {

  /** The files of one volume, keyed by path relative to the mount point. Shared between pods. */
  public static final class Volume {
    private final Map<String, StringBuilder> files = new TreeMap<>();

    public synchronized Optional<String> read(String relative) {
      StringBuilder b = files.get(relative);
      return b == null ? Optional.empty() : Optional.of(b.toString());
    }

    /** Every file, by path relative to the mount point (for saving the simulator). */
    public synchronized Map<String, String> files() {
      Map<String, String> out = new TreeMap<>();
      files.forEach((k, v) -> out.put(k, v.toString()));
      return out;
    }

    /** Puts back a file {@link #files} returned. */
    public synchronized void restore(String relative, String text) {
      files.put(relative, new StringBuilder(text));
    }

    synchronized void write(String relative, String text, boolean append) {
      StringBuilder b = files.computeIfAbsent(relative, k -> new StringBuilder());
      if (!append) b.setLength(0);
      b.append(text);
    }
  }

  private record Mount(String path, Volume volume) {}

  private final Volume rootLayer = new Volume();
  private final List<Mount> mounts = new ArrayList<>();

  /** Mounts {@code volume} at an absolute path ({@code /data}). */
  public ContainerFilesystem mount(String mountPath, Volume volume) {
    String p = normalise(mountPath, "/");
    mounts.add(new Mount(p.equals("/") ? "" : p, volume));
    mounts.sort((a, b) -> b.path.length() - a.path.length());
    return this;
  }

  public Optional<String> read(String path) {
    Target t = target(path);
    return t.volume.read(t.relative);
  }

  public void write(String path, String text, boolean append) {
    Target t = target(path);
    t.volume.write(t.relative, text, append);
  }

  /** The top-level directories every Linux image has, so {@code ls /} looks like a real root. */
  private static final List<String> IMAGE_ROOT = List.of("bin", "dev", "etc", "home", "lib", "media", "mnt", "opt",
      "proc", "root", "run", "sbin", "srv", "sys", "tmp", "usr", "var");

  /**
   * The names directly under directory {@code dir} (sorted), or empty when nothing is known there:
   * files written anywhere below it, mount points, and the image's top-level directories.
   */
  public Optional<List<String>> list(String dir) {
    String d = normalise(dir, "/");
    String prefix = d.equals("/") ? "/" : d + "/";
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    if (d.equals("/")) names.addAll(IMAGE_ROOT);
    boolean known = d.equals("/") || IMAGE_ROOT.contains(d.substring(1));
    for (String path : allPaths()) {
      if (path.startsWith(prefix)) {
        String rest = path.substring(prefix.length());
        names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
        known = true;
      }
    }
    for (Mount m : mounts) {
      String mp = m.path.isEmpty() ? "/" : m.path;
      if (mp.equals(d)) known = true;
      else if (mp.startsWith(prefix)) {
        String rest = mp.substring(prefix.length());
        names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
        known = true;
      }
    }
    return known ? Optional.of(new ArrayList<>(names)) : Optional.empty();
  }

  private List<String> allPaths() {
    List<String> paths = new ArrayList<>();
    synchronized (rootLayer) {
      paths.addAll(rootLayer.files.keySet());
    }
    for (Mount m : mounts) {
      synchronized (m.volume) {
        for (String rel : m.volume.files.keySet()) paths.add(m.path + rel);
      }
    }
    return paths;
  }

  private record Target(Volume volume, String relative) {}

  private Target target(String path) {
    String p = normalise(path, "/");
    for (Mount m : mounts) {
      if (p.startsWith(m.path + "/")) return new Target(m.volume, p.substring(m.path.length()));
    }
    return new Target(rootLayer, p);
  }

  /** Absolute, with {@code .} and {@code ..} resolved; relative paths start at {@code workdir}. */
  static String normalise(String path, String workdir) {
    // Most paths are already absolute and clean (/etc/hosts, written at every container start).
    if (isClean(path)) return path;
    String full = path.startsWith("/") ? path : (workdir.endsWith("/") ? workdir : workdir + "/") + path;
    List<String> parts = new ArrayList<>();
    for (String part : full.split("/")) {
      if (part.isEmpty() || part.equals(".")) continue;
      if (part.equals("..")) {
        if (!parts.isEmpty()) parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return "/" + String.join("/", parts);
  }

  /** Absolute with no empty, {@code .} or {@code ..} part: what {@link #normalise} would return unchanged. */
  private static boolean isClean(String path) {
    if (path.equals("/")) return true;
    if (!path.startsWith("/") || path.endsWith("/")) return false;
    return !path.contains("//") && !path.contains("/./") && !path.contains("/../") && !path.endsWith("/.")
        && !path.endsWith("/..");
  }
}
