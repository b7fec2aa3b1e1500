package io.kubetutor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {

  @TempDir Path dir;

  @Test
  void kubectlAndItsAliasRunTheSameVerb() {
    try (SessionHarness h = new SessionHarness(dir)) {
      SessionHarness.Result a = h.run("kubectl version --client");
      SessionHarness.Result b = h.run("k version --client");
      assertThat(a.exit()).isZero();
      assertThat(a.out()).isEqualTo("Client Version: v1.31.0\nKustomize Version: v5.4.2\n");
      assertThat(b.out()).isEqualTo(a.out());
    }
  }

  @Test
  void unknownCommandSuggestsTheClosestOne() {
    try (SessionHarness h = new SessionHarness(dir)) {
      SessionHarness.Result r = h.run("kubeclt get pods");
      assertThat(r.exit()).isNotZero();
      assertThat(r.err()).isEqualTo("error: unknown command \"kubeclt\"\nDid you mean \"kubectl\"?\n");
    }
  }

  @Test
  void unknownVerbIsReportedLikeKubectl() {
    try (SessionHarness h = new SessionHarness(dir)) {
      SessionHarness.Result r = h.run("kubectl verison");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).isEqualTo("error: unknown command \"verison\" for \"kubectl\"\n\nDid you mean this?\n\tversion\n"
          + "Run 'kubectl --help' for usage.\n");
    }
  }

  @Test
  void unknownFlagIsReportedLikePflag() {
    try (SessionHarness h = new SessionHarness(dir)) {
      SessionHarness.Result r = h.run("kubectl version --clinet");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).isEqualTo("error: unknown flag: --clinet\nSee 'kubectl version --help' for usage.\n");
    }
  }

  @Test
  void blankAndCommentLinesDoNothing() {
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(h.run("   ")).isEqualTo(new SessionHarness.Result(0, "", ""));
      assertThat(h.run("# a comment")).isEqualTo(new SessionHarness.Result(0, "", ""));
      assertThat(h.session().history()).isEmpty();
    }
  }

  @Test
  void quotesAreHonouredAndUnterminatedQuotesAreErrors() {
    assertThat(CommandLineSplitter.split("kubectl get pods -o jsonpath='{.items[*].metadata.name}'"))
        .containsExactly("kubectl", "get", "pods", "-o", "jsonpath={.items[*].metadata.name}");
    assertThat(CommandLineSplitter.split("echo \"a \\\"b\\\" c\" d\\ e"))
        .containsExactly("echo", "a \"b\" c", "d e");
    try (SessionHarness h = new SessionHarness(dir)) {
      SessionHarness.Result r = h.run("kubectl get 'pods");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("error: unexpected EOF while looking for matching `''\n");
    }
  }

  @Test
  void helpListsVerbsAndBuiltins() {
    try (SessionHarness h = new SessionHarness(dir)) {
      SessionHarness.Result r = h.run("help");
      assertThat(r.out()).contains("  version ", "  exit, quit ", "  help ");
      assertThat(h.run("help version").out()).contains("Print the client and server version information");
    }
  }

  @Test
  void exitRequestsTheEndOfTheSession() {
    try (SessionHarness h = new SessionHarness(dir)) {
      h.run("exit");
      assertThat(h.session().exitRequested()).isTrue();
    }
  }

  @Test
  void promptShowsContextAndNamespace() {
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(h.session().prompt()).isEqualTo("kubetutor [sim:default] $ ");
    }
  }
}
