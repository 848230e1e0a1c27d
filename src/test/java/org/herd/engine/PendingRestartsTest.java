package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PendingRestartsTest {

  @Test
  void theFileRoundTripsAndIgnoresLinesHerdDidNotWrite() {
    List<PendingRestarts.Entry> entries =
        List.of(
            new PendingRestarts.Entry("pg.service", RestartWhen.NEVER, "r1"),
            new PendingRestarts.Entry("app.service", RestartWhen.AFTER_RUN, "r2"));
    String text = PendingRestarts.format(entries);

    assertThat(text).isEqualTo("pg.service\tnever\tr1\napp.service\tafter-run\tr2\n");
    assertThat(PendingRestarts.parse(text + "garbage\nx\tlater\tr3\n")).isEqualTo(entries);
    assertThat(PendingRestarts.without(entries, List.of("pg.service")))
        .containsExactly(entries.get(1));
    assertThat(entries.get(0).describe()).isEqualTo("pending (never): pg.service");
  }
}
