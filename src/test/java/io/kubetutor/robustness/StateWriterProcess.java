package io.kubetutor.robustness;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kubetutor.cluster.Cluster;
import io.kubetutor.cluster.ResourceKind;
import io.kubetutor.lesson.ProgressStore;
import io.kubetutor.shell.HistoryFiles;
import io.kubetutor.sim.SimCluster;
import io.kubetutor.sim.SimOptions;
import io.kubetutor.sim.SimState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The child process of {@link CrashSafetyTest}: saves the three kinds of user state over and over,
 * each save a new self-consistent version, until it is killed. Prints {@code ready} once every file
 * has been written whole once, so the parent knows there is an old version to fall back on.
 *
 * <p>Version {@code n} of each file: history holds the entries {@code kubectl get pods # 0 .. # PREFILL+n};
 * progress has {@code LESSONS} lessons all on step {@code n}; the simulator has a ConfigMap
 * {@code counter} whose {@code KEYS} values all equal {@code n}. A torn write breaks these equalities.
 */
public final class StateWriterProcess {

  static final int PREFILL = 3000;
  static final int LESSONS = 400;
  static final int KEYS = 300;
  static final String HISTORY = "history";
  static final String PROGRESS = "progress.json";

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    PrintWriter quiet = new PrintWriter(System.err, true);
    try (HistoryFiles files = new HistoryFiles(dir.resolve(HISTORY), quiet);
         SimCluster sim = new SimCluster(SimOptions.virtual(1))) {
      var history = files.history();
      for (int i = 0; i < PREFILL; i++) history.add("kubectl get pods # " + i);
      ProgressStore progress = new ProgressStore(dir.resolve(PROGRESS), quiet);
      sim.create(counter(0), Cluster.DryRun.NONE);
      for (int n = 0; ; n++) {
        history.add("kubectl get pods # " + (PREFILL + n));  // jline saves on every add
        history.save();
        for (int l = 0; l < LESSONS; l++) {
          var lesson = progress.get().of("lesson-" + l);
          lesson.step = n;
          lesson.answers.put("q", "answer " + n);
        }
        progress.save();
        ConfigMap cm = (ConfigMap) sim.get(ResourceKind.CONFIGMAP, "default", "counter");
        cm.setData(counter(n).getData());
        sim.update(cm, Cluster.DryRun.NONE);
        SimState.save(sim, dir.resolve(io.kubetutor.shell.SimSessionState.FILE));
        if (n == 0) {
          System.out.println("ready");
          System.out.flush();
        }
      }
    }
  }

  static ConfigMap counter(int n) {
    Map<String, String> data = new TreeMap<>();
    for (int k = 0; k < KEYS; k++) data.put("key-" + k, String.valueOf(n));
    return new ConfigMapBuilder().withNewMetadata().withName("counter").withNamespace("default").endMetadata()
        .withData(data).build();
  }
}
