package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.herd.journal.HolderIdentity;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.journal.LeaseResult;
import org.herd.journal.ProcessStart;
import org.herd.journal.RunId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming a run takes over the lease of a crashed herd of that run, and nobody else's. */
class RunLeaseTest {

  private static final RunId RUN = RunId.of("20261203-160000-abc123");
  private static final Instant STARTED = Instant.parse("2026-12-03T16:00:00Z");
  private static final ProcessStart PROC = ProcessStart.parse("1a2b3c4d+4000").orElseThrow();
  private static final ProcessTable NOTHING_RUNS = pid -> Optional.empty();

  @TempDir Path dir;

  private Journal journal() {
    return Journal.open(
        JournalLocation.parse(dir.resolve("journal.db").toString()), Clock.systemUTC());
  }

  private static HolderIdentity holder(String host, long pid, RunId run) {
    return new HolderIdentity(
        "al", host, pid, Optional.of(STARTED), Optional.of(PROC), Optional.of(run));
  }

  @Test
  void aCrashedHolderOfTheSameRunHereIsTakenOverAndTold() throws Exception {
    List<String> told = new ArrayList<>();
    try (Journal journal = journal()) {
      RunLease.acquire(journal, List.of("web1", "web2"), holder("ops1", 999, RUN));
      // No close: the holder died without releasing its lease.

      try (RunLease resumed =
          RunLease.resume(
              journal,
              List.of("web1", "web2"),
              holder("ops1", 1000, RUN),
              NOTHING_RUNS,
              told::add)) {
        assertThat(journal.leases())
            .extracting(LeaseResult.HeldBy::holder)
            .containsOnly(holder("ops1", 1000, RUN).text());
      }
      assertThat(told).singleElement().asString().contains("pid=999").contains("is gone");
      assertThat(journal.leases()).isEmpty();
    }
  }

  @Test
  void aLiveHolderAHolderElsewhereOrOfAnotherRunIsStillRefused() throws Exception {
    RunId other = RunId.of("20261203-150000-ffffff");
    ProcessTable holderRuns = pid -> pid == 999 ? Optional.of(Optional.of(PROC)) : Optional.empty();
    try (Journal journal = journal()) {
      for (HolderIdentity first :
          List.of(holder("ops1", 999, RUN), holder("ops2", 998, RUN), holder("ops1", 997, other))) {
        RunLease lease = RunLease.acquire(journal, List.of("web1"), first);
        List<String> told = new ArrayList<>();
        assertThatThrownBy(
                () ->
                    RunLease.resume(
                        journal, List.of("web1"), holder("ops1", 1000, RUN), holderRuns, told::add))
            .isInstanceOf(RunLease.HostsHeldException.class)
            .hasMessageContaining(first.text());
        assertThat(told).isEmpty();
        lease.close();
      }
    }
  }

  @Test
  void aTakeOverLeavesHostsOfALiveHolderAlone() throws Exception {
    ProcessTable onlyLive = pid -> pid == 5 ? Optional.of(Optional.of(PROC)) : Optional.empty();
    try (Journal journal = journal()) {
      RunLease.acquire(journal, List.of("web1"), holder("ops1", 999, RUN));
      try (RunLease live = RunLease.acquire(journal, List.of("web2"), holder("ops1", 5, RUN))) {
        assertThatThrownBy(
                () ->
                    RunLease.resume(
                        journal,
                        List.of("web1", "web2"),
                        holder("ops1", 1000, RUN),
                        onlyLive,
                        message -> {}))
            .isInstanceOf(RunLease.HostsHeldException.class)
            .hasMessageContaining("pid=5 ");
        assertThat(journal.leases())
            .extracting(LeaseResult.HeldBy::holder)
            .containsExactly(holder("ops1", 999, RUN).text(), holder("ops1", 5, RUN).text());
      }
    }
  }

  @Test
  void aRunWhoseLeaseIsTakenOverIsToldOnce() throws Exception {
    List<String> told = new ArrayList<>();
    try (Journal journal = journal();
        RunLease lease = RunLease.acquire(journal, List.of("web1"), holder("ops1", 999, RUN))) {
      lease.whenLost(told::add);
      lease.renewNow();
      assertThat(told).isEmpty();

      journal.takeOver(
          java.util.Set.of("host:web1"),
          "thief",
          RunLease.TTL,
          java.util.Set.of(holder("ops1", 999, RUN).text()));
      lease.renewNow();
      lease.renewNow();

      assertThat(told)
          .containsExactly("lost the lease on its hosts: host web1 was taken over by thief");
    }
  }
}
