package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.herd.journal.JournalException;
import org.junit.jupiter.api.Test;

class JournalErrorsTest {

  @Test
  void anUnavailableJournalIsOneLineAndExitCodeThree() {
    var report =
        ErrorReporter.classify(
            new JournalException("journal jdbc:postgresql://db/herd: cannot connect: refused"));

    assertThat(report.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(report.bug()).isFalse();
    assertThat(report.lines())
        .containsExactly("journal jdbc:postgresql://db/herd: cannot connect: refused");
  }
}
