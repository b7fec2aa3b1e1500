package io.kubetutor.kubectl.verbs;

import io.kubetutor.kubectl.KubectlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The data of {@code create configmap|secret generic}: {@code --from-literal=k=v},
 * {@code --from-file=[k=]path} (a directory adds each regular file) and {@code --from-env-file},
 * with kubectl's messages for malformed sources and repeated keys.
 */
final class KeyValueSources {

  private final String kind;
  private final String name;
  private final Map<String, String> data = new TreeMap<>();

  KeyValueSources(String kind, String name) {
    this.kind = kind;
    this.name = name;
  }

  Map<String, String> data() { return data; }

  KeyValueSources literals(List<String> literals) {
    for (String l : literals) {
      int eq = l.indexOf('=');
      if (eq <= 0) throw new KubectlException("invalid literal source " + l + ", expected key=value");
      put(l.substring(0, eq), l.substring(eq + 1));
    }
    return this;
  }

  KeyValueSources files(io.kubetutor.kubectl.KubectlEnv env, List<String> sources) {
    for (String source : sources) {
      String key = null;
      String file = source;
      int eq = source.indexOf('=');
      if (eq == 0) throw new KubectlException("key names or file paths cannot contain '='");
      if (eq > 0) {
        key = source.substring(0, eq);
        file = source.substring(eq + 1);
        if (file.isEmpty()) throw new KubectlException("key names or file paths cannot contain '='");
      }
      Path path = env.readable(env.workdir().resolve(file));
      if (Files.isDirectory(path)) {
        if (key != null) throw new KubectlException("cannot give a key name for a directory path");
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> s = Files.list(path)) {
          s.filter(Files::isRegularFile).sorted().forEach(entries::add);
        } catch (IOException e) {
          throw new KubectlException("error reading " + file + ": " + e.getMessage());
        }
        for (Path p : entries) put(p.getFileName().toString(), read(env.readable(p), file));
      } else {
        if (!Files.exists(path)) throw new KubectlException("error reading " + file + ": no such file or directory");
        put(key != null ? key : path.getFileName().toString(), read(path, file));
      }
    }
    return this;
  }

  KeyValueSources envFiles(io.kubetutor.kubectl.KubectlEnv env, List<String> files) {
    for (String file : files) {
      Path path = env.readable(env.workdir().resolve(file));
      if (!Files.isRegularFile(path)) throw new KubectlException("error reading " + file + ": no such file or directory");
      int lineNo = 0;
      for (String line : read(path, file).split("\n", -1)) {
        lineNo++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) continue;
        int eq = line.indexOf('=');
        if (eq < 0) {
          throw new KubectlException("\"" + t + "\" is not a valid key name: a valid environment variable name must "
              + "consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit");
        }
        put(line.substring(0, eq).stripLeading(), line.substring(eq + 1));
      }
    }
    return this;
  }

  private static String read(Path p, String shown) {
    try {
      return io.kubetutor.kubectl.manifest.BoundedFiles.readString(p, shown);
    } catch (IOException e) {
      throw new KubectlException("error reading " + shown + ": " + e.getMessage());
    }
  }

  private void put(String key, String value) {
    if (data.containsKey(key)) {
      throw new KubectlException("cannot add key " + key + ", another key by that name already exists in Data for "
          + kind + " \"" + name + "\"");
    }
    data.put(key, value);
  }
}
