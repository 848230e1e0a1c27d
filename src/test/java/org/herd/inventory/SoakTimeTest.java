package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoakTimeTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0,     0,     0s",
    "0s,    0,     0s",
    "30s,   30,    30s",
    "10m,   600,   10m",
    "1h,    3600,  1h",
    "1h30m, 5400,  1h30m",
    "90m,   5400,  1h30m",
    "2d,    172800, 2d",
  })
  void parsesAndFormats(String text, long seconds, String formatted) {
    Duration duration = SoakTime.parse(text).orElseThrow();
    assertThat(duration).isEqualTo(Duration.ofSeconds(seconds));
    assertThat(SoakTime.format(duration)).isEqualTo(formatted);
  }

  @ParameterizedTest
  @CsvSource({"30", "1x", "h", "-1m", "1.5h", "''", "10 m"})
  void rejectsTextWithoutAUnit(String text) {
    assertThat(SoakTime.parse(text)).isEmpty();
  }
}
