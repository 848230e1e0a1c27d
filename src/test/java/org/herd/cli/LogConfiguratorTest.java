package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogConfiguratorTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "none",
      value = {
        "none, WARN, ERROR",
        "trace, TRACE, DEBUG",
        "all, ALL, DEBUG",
        "debug, DEBUG, DEBUG",
        "info, INFO, INFO",
        "nonsense, WARN, ERROR",
      })
  void noLevelLetsMinaDumpPackets(String asked, String herd, String mina) {
    LoggerContext context = new LoggerContext();

    LogConfigurator.configure(context, asked);

    assertThat(context.getLogger("org.herd.transport").getEffectiveLevel())
        .isEqualTo(Level.toLevel(herd));
    assertThat(context.getLogger("org.apache.sshd.common.session").getEffectiveLevel())
        .isEqualTo(Level.toLevel(mina));
    assertThat(context.getLogger("org.apache.sshd.common.session").isTraceEnabled()).isFalse();
  }
}
