package org.herd.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HolderIdentityTest {

  @Test
  void readsAsUserAtHostWithPidAndRun() {
    HolderIdentity holder =
        new HolderIdentity("alice", "ops1", 4242, Optional.of(RunId.of("20250314-091502-3fa9c1")));

    assertThat(holder.text()).isEqualTo("alice@ops1 pid=4242 run=20250314-091502-3fa9c1");
    assertThat(new HolderIdentity("bob", "ops2", 7, Optional.empty()).text())
        .isEqualTo("bob@ops2 pid=7");
  }

  @Test
  void thisProcessIsNamedByItsUserAndPid() {
    HolderIdentity holder = HolderIdentity.ofThisProcess(Map.of("USER", "carol"), Optional.empty());

    assertThat(holder.user()).isEqualTo("carol");
    assertThat(holder.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(holder.hostname()).isNotBlank();
  }

  @Test
  void itsTextReadsBackWithStartTimeAndRun() {
    HolderIdentity holder =
        new HolderIdentity(
            "alice",
            "ops1",
            4242,
            Optional.of(java.time.Instant.parse("2026-12-03T16:24:33.120Z")),
            ProcessStart.parse("1a2b3c4d+123456"),
            Optional.of(RunId.of("20250314-091502-3fa9c1")));

    assertThat(holder.text())
        .isEqualTo(
            "alice@ops1 pid=4242 started=2026-12-03T16:24:33.120Z proc=1a2b3c4d+123456"
                + " run=20250314-091502-3fa9c1");
    assertThat(HolderIdentity.parse(holder.text())).contains(holder);
    HolderIdentity old = new HolderIdentity("bob", "ops2", 7, Optional.empty());
    assertThat(HolderIdentity.parse(old.text())).contains(old);
    assertThat(HolderIdentity.parse("a lock someone else wrote")).isEmpty();
    assertThat(HolderIdentity.parse("al@ops1 pid=1 started=yesterday")).isEmpty();
    assertThat(HolderIdentity.parse("al@ops1 pid=1 proc=boot")).isEmpty();
  }

  @Test
  void thisProcessRecordsItsStartTime() {
    HolderIdentity holder = HolderIdentity.ofThisProcess(Map.of("USER", "carol"), Optional.empty());

    assertThat(holder.started()).isEqualTo(ProcessHandle.current().info().startInstant());
    assertThat(holder.process())
        .isPresent()
        .isEqualTo(ProcessStart.of(ProcessHandle.current().pid()));
  }
}
