package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.herd.transport.TransportException;
import org.junit.jupiter.api.Test;

class ErrorReporterTransportTest {

  @Test
  void reportsATransportFailureWithItsHost() {
    ErrorReporter.Report report =
        ErrorReporter.classify(
            new TransportException.HostKeyChanged(
                "n4", "ssh-ed25519", "SHA256:abc", "ecdsa-sha2-nistp256", Path.of("/kh"), 7));

    assertThat(report.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(report.lines())
        .singleElement()
        .asString()
        .startsWith("n4: HOST KEY CHANGED")
        .contains("/kh:7");
    assertThat(report.bug()).isFalse();
  }

  @Test
  void reportsABadSshConfigAsBadInput() {
    ErrorReporter.Report report =
        ErrorReporter.classify(
            new TransportException.Failed("n1", "bad ssh config", "/cfg:3: bad port 'x'", null));

    assertThat(report.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(report.lines()).containsExactly("n1: /cfg:3: bad port 'x'");
  }
}
