package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An ssh option the ssh transport cannot honour is refused before any host is reached: an unknown
 * or unsupported keyword, and a known one whose value it cannot read (which every host would
 * otherwise report as "bad ssh config", one at a time).
 */
class TransportKindTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "Port=2222                | -",
        "User=deploy              | -",
        "StrictHostKeyChecking=no | -",
        "Foo=bar                  | option Foo is not known to the ssh transport",
        "Port=0                   | ssh option Port=0",
        "Port=abc                 | ssh option Port=abc",
        "ConnectTimeout=abc       | ssh option ConnectTimeout=abc",
      })
  void refusesWhatTheSshTransportCannotRead(String option, String refusal) {
    if (refusal == null) {
      assertThat(TransportKind.SSH.refusal(option)).isEmpty();
    } else {
      assertThat(TransportKind.SSH.refusal(option))
          .hasValueSatisfying(why -> assertThat(why).startsWith(refusal));
    }
    // The system ssh reads its options itself when it connects.
    assertThat(TransportKind.OPENSSH.refusal(option)).isEmpty();
  }
}
