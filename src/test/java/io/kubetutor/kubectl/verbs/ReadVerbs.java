package io.kubetutor.kubectl.verbs;

import io.kubetutor.cluster.Cluster;
import io.kubetutor.kubectl.Kubectl;
import io.kubetutor.kubectl.KubectlEnv;
import io.kubetutor.shell.CommandLineSplitter;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs kubectl command lines against a {@link ReadFakeCluster}, capturing stdout and stderr. */
final class ReadVerbs {

  record Result(int exit, String out, String err) {}

  private final Cluster cluster;
  private final Path workdir;

  ReadVerbs(Cluster cluster, Path workdir) {
    this.cluster = cluster;
    this.workdir = workdir;
  }

  Result run(String line) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    KubectlEnv env = new KubectlEnv() {
      @Override public Cluster cluster() { return cluster; }
      @Override public String namespace() { return "default"; }
      @Override public Path workdir() { return workdir; }
      @Override public PrintWriter out() { return outWriter; }
      @Override public PrintWriter err() { return errWriter; }
      @Override public InputStream in() { return new ByteArrayInputStream(new byte[0]); }
    };
    var words = CommandLineSplitter.split(line);
    int code = new Kubectl(env).execute(words.subList(1, words.size()));
    return new Result(code, out.toString(), err.toString());
  }
}
