package io.kubetutor.shell;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test that runs command lines in one fresh session per test, working in its own temporary folder. */
public abstract class SessionFixture {

  @TempDir protected Path dir;
  protected SessionHarness sh;

  @BeforeEach
  void startSession() {
    sh = new SessionHarness(dir);
  }

  @AfterEach
  void closeSession() {
    sh.close();
  }
}
