package org.herd.transport;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The set-up of the tests that reach a target through a bastion: one {@link Bastion} (two sshd on
 * loopback) for the whole class, started before its tests and stopped after them, and transport
 * options that read only the test's own ssh_config.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BastionFixture {

  /** The bastion and the target, while the class's tests run. */
  Bastion lab;

  @BeforeAll
  void startBastion() throws Exception {
    lab = Bastion.start();
  }

  @AfterAll
  void stopBastion() throws Exception {
    if (lab != null) {
      lab.close();
    }
  }

  /** Options that read {@code config} and nothing of the user running the test. */
  static TransportOptions options(Path config) {
    return TransportOptions.defaults(Path.of("/nonexistent"), Map.of()).withSshConfig(config);
  }
}
