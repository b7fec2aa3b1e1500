package io.kubetutor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command trees lent to non-interactive sessions: never two live sessions on one tree, and none reused after close. */
class KubectlPoolTest {

  @TempDir Path dir;

  @Test
  void liveSessionsHaveTheirOwnTreeAndAClosedOneIsLentAgain() {
    SessionHarness a = new SessionHarness(dir);
    SessionHarness b = new SessionHarness(dir);
    var treeA = a.session().kubectl();
    assertThat(b.session().kubectl()).isNotSameAs(treeA);
    a.run("kubectl create namespace one");
    b.run("kubectl create namespace two");
    // Each tree prints to the session that holds it.
    assertThat(a.run("kubectl get namespace one -o name").out()).isEqualTo("namespace/one\n");
    assertThat(b.run("kubectl get namespace one -o name").err()).contains("\"one\" not found");
    a.close();
    SessionHarness c = new SessionHarness(dir);
    assertThat(c.session().kubectl()).isSameAs(treeA);
    assertThat(c.run("kubectl get namespace one -o name").err()).contains("\"one\" not found");
    assertThat(c.run("kubectl get namespace default -o name").out()).isEqualTo("namespace/default\n");
    // Used after close, a session builds a tree of its own rather than use the one c now holds.
    assertThat(a.session().kubectl()).isNotSameAs(treeA);
    assertThat(a.run("kubectl get namespace one -o name").out()).isEqualTo("namespace/one\n");
    b.close();
    c.close();
  }

  @Test
  void optionsOfOneSessionDoNotLeakIntoTheNext() {
    try (SessionHarness a = new SessionHarness(dir)) {
      a.run("kubectl create namespace other");
      a.run("kubectl run web --image=nginx:1.27 -n other");
      assertThat(a.run("kubectl get pods -n other -o name").out()).isEqualTo("pod/web\n");
    }
    try (SessionHarness b = new SessionHarness(dir)) {
      assertThat(b.run("kubectl get pods").err()).isEqualTo("No resources found in default namespace.\n");
    }
  }
}
