package org.herd.debian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Telling a live guard of herd from a stale one, from what a probe read. */
class HerdGuardTest {

  private static final String GUARD = "#!/bin/sh\n# herd-guard: herd's service guard\nexit 0\n";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        // policy-rc.d content | 00-herd.pol | lease | run | now | state | lease until
        "null|false|1000|r|999|NONE|null",
        "'#!/bin/sh\nexit 101\n'|false|1000|r|999|NONE|null",
        "GUARD|false|1000|r|999|ACTIVE|1000",
        "GUARD|false|'1000\n'|r|1000|STALE|1000",
        "GUARD|false|1000|r|5000|STALE|1000",
        "GUARD|false|null|null|999|BROKEN|null",
        "GUARD|false|soon|r|999|BROKEN|null",
        "null|true|1000|r|999|ACTIVE|1000",
        "null|true|1000|r|1001|STALE|1000",
      })
  void classifies(
      String content,
      boolean rules,
      String lease,
      String run,
      long now,
      HerdGuard.State state,
      Long until) {
    String text = "GUARD".equals(content) ? GUARD : content;
    PolicyRcd rcd = PolicyRcd.classify(text != null, "/usr/sbin/policy-rc.d", text);

    HerdGuard guard = rcd.guard(rules, lease, run, Instant.ofEpochSecond(now));

    assertThat(guard.state()).isEqualTo(state);
    assertThat(guard.leaseUntil()).isEqualTo(until == null ? null : Instant.ofEpochSecond(until));
  }
}
