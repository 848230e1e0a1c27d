package org.herd.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every journal database must do, written once and run against SQLite ({@code
 * SqliteJournalTest}) and a real PostgreSQL server ({@code JournalPostgresIT}). Each test gets a
 * new, empty journal; a second {@link Journal} opened on the same location stands for a second herd
 * process (its own connections).
 */
abstract class JournalContract {

  static final Instant T0 = Instant.parse("2025-03-14T09:15:02Z");
  static final Duration TTL = Duration.ofSeconds(30);

  final MutableClock clock = new MutableClock(T0);
  JournalLocation location;
  Journal journal;
  private final List<Journal> opened = Collections.synchronizedList(new ArrayList<>());

  /** The location of a new, empty journal. */
  abstract JournalLocation freshLocation() throws Exception;

  @BeforeEach
  void openJournal() throws Exception {
    location = freshLocation();
    journal = open(location);
  }

  @AfterEach
  void closeJournals() {
    opened.forEach(Journal::close);
  }

  Journal open(JournalLocation where) {
    Journal opened = Journal.open(where, clock);
    this.opened.add(opened);
    return opened;
  }

  int schemaHistoryRows(JournalLocation where) {
    try (ConnectionSource db = new ConnectionSource(where)) {
      return db.read(
          connection -> {
            try (Statement statement = connection.createStatement();
                ResultSet rows =
                    statement.executeQuery("SELECT COUNT(*) FROM " + Migrator.HISTORY)) {
              rows.next();
              return rows.getInt(1);
            }
          });
    }
  }

  void execute(JournalLocation where, String sql) {
    try (ConnectionSource db = new ConnectionSource(where)) {
      db.write(
          connection -> {
            try (Statement statement = connection.createStatement()) {
              return statement.executeUpdate(sql);
            }
          });
    }
  }

  static RunSpec spec(String... hosts) {
    return new RunSpec("herd apply plan.json", List.of(hosts), "{\"format\":1}", "alice@ops1");
  }

  // ---- migrations ----

  @Test
  void openingAgainFindsTheSchemaCurrentAndTheDataKept() {
    RunId run = journal.createRun(spec("web1"));

    Journal again = open(location);

    assertThat(again.run(run)).isPresent();
    assertThat(schemaHistoryRows(location)).isEqualTo(Migrator.BUILT_IN.size());
  }

  @Test
  void processesOpeningAFreshJournalAtOnceMigrateItOnce() throws Exception {
    JournalLocation fresh = freshLocation();
    List<Callable<Journal>> openers = Collections.nCopies(6, () -> open(fresh));

    List<Journal> journals = race(openers);

    assertThat(journals).hasSize(6);
    assertThat(schemaHistoryRows(fresh)).isEqualTo(Migrator.BUILT_IN.size());
    RunId run = journals.get(0).createRun(spec("web1"));
    assertThat(journals.get(5).run(run)).isPresent();
  }

  @Test
  void aSchemaMadeByANewerHerdIsRefused() {
    execute(location, "INSERT INTO " + Migrator.HISTORY + " VALUES (99, 'future', 'abc', 0)");

    assertThatThrownBy(() -> open(location))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("newer herd")
        .hasMessageContaining("upgrade herd");
  }

  @Test
  void aMigrationAppliedFromAnotherScriptIsRefused() {
    execute(location, "UPDATE " + Migrator.HISTORY + " SET checksum = 'edited' WHERE version = 1");

    assertThatThrownBy(() -> open(location))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("schema version 1 was applied from a different script");
  }

  // ---- runs ----

  @Test
  void aRunIsRecordedWithItsSpecAndState() {
    RunSpec spec = spec("web1", "web2", "db1");

    RunId id = journal.createRun(spec);

    assertThat(journal.spec(id)).contains(spec);
    RunSummary run = journal.run(id).orElseThrow();
    assertThat(run.id()).isEqualTo(id);
    assertThat(run.state()).isEqualTo(RunState.RUNNING);
    assertThat(run.startedAt()).isEqualTo(T0);
    assertThat(run.finishedAt()).isEmpty();
    assertThat(run.hosts()).isEqualTo(3);
    assertThat(run.command()).isEqualTo("herd apply plan.json");
    assertThat(run.startedBy()).isEqualTo("alice@ops1");
    assertThat(id.value()).startsWith("20250314-091502-");
  }

  @Test
  void runsAreListedNewestFirst() {
    RunId first = journal.createRun(spec("web1"));
    clock.advance(Duration.ofMinutes(5));
    RunId second = journal.createRun(spec("web2"));

    assertThat(journal.runs()).extracting(RunSummary::id).containsExactly(second, first);
  }

  @Test
  void aTerminalStateRecordsTheEndAndResumingClearsIt() {
    RunId id = journal.createRun(spec("web1"));
    clock.advance(Duration.ofMinutes(3));

    journal.setState(id, RunState.FAILED);
    assertThat(journal.run(id).orElseThrow().finishedAt()).contains(T0.plusSeconds(180));

    journal.setState(id, RunState.RUNNING);
    assertThat(journal.run(id).orElseThrow().finishedAt()).isEmpty();
    assertThat(journal.run(id).orElseThrow().state()).isEqualTo(RunState.RUNNING);
  }

  @Test
  void unknownRunsAreAbsentOrRefused() {
    RunId unknown = RunId.of("19990101-000000-000000");

    assertThat(journal.run(unknown)).isEmpty();
    assertThat(journal.spec(unknown)).isEmpty();
    assertThatThrownBy(() -> journal.setState(unknown, RunState.ABORTED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> journal.stepStarted(unknown, "web1", "install"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- steps ----

  @Test
  void stepsRoundTripWithTimesOutcomesAndOutput() {
    RunId run = journal.createRun(spec("web1", "web2"));
    journal.stepStarted(run, "web1", "download");
    clock.advance(Duration.ofSeconds(4));
    journal.stepFinished(run, "web1", "download", StepOutcome.OK, "Fetched 12 MB");
    journal.stepStarted(run, "web1", "install");

    List<StepRecord> steps = journal.steps(run);

    assertThat(steps)
        .containsExactly(
            new StepRecord(
                run,
                "web1",
                "download",
                1,
                T0,
                Optional.of(T0.plusSeconds(4)),
                Optional.of(StepOutcome.OK),
                "Fetched 12 MB"),
            new StepRecord(
                run,
                "web1",
                "install",
                1,
                T0.plusSeconds(4),
                Optional.empty(),
                Optional.empty(),
                ""));
    assertThat(steps.get(1).finished()).isFalse();
  }

  @Test
  void startingAStepAgainMakesANewAttemptAndClosesAnUnfinishedOne() {
    RunId run = journal.createRun(spec("web1"));
    journal.stepStarted(run, "web1", "precheck");
    clock.advance(Duration.ofSeconds(1));
    journal.stepStarted(run, "web1", "precheck"); // herd died during attempt 1
    journal.stepFinished(run, "web1", "precheck", StepOutcome.FAILED, "dpkg lock held");
    journal.stepStarted(run, "web1", "precheck"); // --retry
    journal.stepFinished(run, "web1", "precheck", StepOutcome.OK, "");

    assertThat(journal.steps(run))
        .extracting(StepRecord::attempt, record -> record.outcome().orElseThrow())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, StepOutcome.INTERRUPTED),
            org.assertj.core.groups.Tuple.tuple(2, StepOutcome.FAILED),
            org.assertj.core.groups.Tuple.tuple(3, StepOutcome.OK));
  }

  @Test
  void finishingAStepThatIsNotRunningIsRefused() {
    RunId run = journal.createRun(spec("web1"));

    assertThatThrownBy(
            () -> journal.stepFinished(run, "web1", "install", StepOutcome.OK, "never started"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not running");

    journal.stepStarted(run, "web1", "install");
    journal.stepFinished(run, "web1", "install", StepOutcome.CHANGED, "");
    assertThatThrownBy(() -> journal.stepFinished(run, "web1", "install", StepOutcome.OK, ""))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void onlyTheTailOfALongOutputIsKept() {
    RunId run = journal.createRun(spec("web1"));
    String output = "x".repeat(50_000) + "\ndpkg: error processing package foo (--configure)";
    journal.stepStarted(run, "web1", "install");

    journal.stepFinished(run, "web1", "install", StepOutcome.FAILED, output);

    String kept = journal.steps(run).get(0).output();
    assertThat(kept).hasSize(Journal.OUTPUT_EXCERPT_LIMIT).startsWith("…");
    assertThat(kept).endsWith("dpkg: error processing package foo (--configure)");
  }

  @Test
  void aRunCountsHostsWhoseLatestAttemptFailedOrWasUnreachable() {
    RunId run = journal.createRun(spec("web1", "web2", "web3", "web4"));
    finish(run, "web1", "install", StepOutcome.FAILED);
    finish(run, "web2", "install", StepOutcome.TIMED_OUT);
    finish(run, "web2", "install", StepOutcome.OK); // retried
    finish(run, "web3", "download", StepOutcome.UNREACHABLE);
    finish(run, "web4", "install", StepOutcome.CHANGED);

    RunSummary summary = journal.run(run).orElseThrow();

    assertThat(summary.failedHosts()).isEqualTo(1);
    assertThat(summary.unreachableHosts()).isEqualTo(1);
    assertThat(journal.runs().get(0)).isEqualTo(summary);
  }

  private void finish(RunId run, String host, String step, StepOutcome outcome) {
    journal.stepStarted(run, host, step);
    journal.stepFinished(run, host, step, outcome, "");
  }

  // ---- audit trail ----

  @Test
  void theAuditTrailShowsUpgradesInstallsAndRemovals() {
    RunId run = journal.createRun(spec("web1", "web2"));
    journal.recordVersions(
        run, "web1", VersionPhase.BEFORE, Map.of("nginx", "1.22.1-9", "libold1", "1.0-1"));
    journal.recordVersions(
        run, "web1", VersionPhase.AFTER, Map.of("nginx", "1.22.1-9+deb12u1", "libnew2", "2.0-1"));
    journal.recordVersions(run, "web2", VersionPhase.BEFORE, Map.of("nginx", "1.22.1-9"));

    assertThat(journal.versions(run))
        .containsExactly(
            new VersionChange("web1", "libnew2", Optional.empty(), Optional.of("2.0-1")),
            new VersionChange("web1", "libold1", Optional.of("1.0-1"), Optional.empty()),
            new VersionChange(
                "web1", "nginx", Optional.of("1.22.1-9"), Optional.of("1.22.1-9+deb12u1")),
            new VersionChange("web2", "nginx", Optional.of("1.22.1-9"), Optional.empty()));
  }

  @Test
  void recordingAPhaseAgainReplacesIt() {
    RunId run = journal.createRun(spec("web1"));
    journal.recordVersions(run, "web1", VersionPhase.BEFORE, Map.of("a", "1", "b", "1"));

    journal.recordVersions(run, "web1", VersionPhase.BEFORE, Map.of("a", "2"));

    assertThat(journal.versions(run))
        .containsExactly(new VersionChange("web1", "a", Optional.of("2"), Optional.empty()));
  }

  @Test
  void aHostsHistoryNamesEachRunWhenWhoAndTheChangedPackages() {
    RunId first = journal.createRun(spec("web1", "web2"));
    journal.recordVersions(first, "web1", VersionPhase.BEFORE, Map.of("nginx", "1", "curl", "7"));
    clock.advance(Duration.ofMinutes(3));
    journal.recordVersions(first, "web1", VersionPhase.AFTER, Map.of("nginx", "2", "curl", "7"));
    journal.recordVersions(first, "web2", VersionPhase.BEFORE, Map.of("nginx", "1"));
    journal.recordVersions(first, "web2", VersionPhase.AFTER, Map.of("nginx", "2"));
    clock.advance(Duration.ofHours(1));
    RunId second =
        journal.createRun(new RunSpec("herd apply p2.json", List.of("web1"), "{}", "bob@ops2"));
    journal.recordVersions(second, "web1", VersionPhase.BEFORE, Map.of("nginx", "2"));
    clock.advance(Duration.ofMinutes(1));
    journal.recordVersions(second, "web1", VersionPhase.AFTER, Map.of("nginx", "3", "lib", "1"));
    RunId unfinished = journal.createRun(spec("web1"));
    journal.recordVersions(unfinished, "web1", VersionPhase.BEFORE, Map.of("nginx", "3"));

    assertThat(journal.hostChanges("web1"))
        .containsExactly(
            new HostChange(
                first,
                T0.plus(Duration.ofMinutes(3)),
                "alice@ops1",
                "nginx",
                Optional.of("1"),
                Optional.of("2")),
            new HostChange(
                second,
                T0.plus(Duration.ofMinutes(64)),
                "bob@ops2",
                "lib",
                Optional.empty(),
                Optional.of("1")),
            new HostChange(
                second,
                T0.plus(Duration.ofMinutes(64)),
                "bob@ops2",
                "nginx",
                Optional.of("2"),
                Optional.of("3")));
    assertThat(journal.hostChanges("db1")).isEmpty();
  }

  // ---- following a run ----

  @Test
  void stepChangesSinceACursorGiveEachWriteOnceInOrder() {
    RunId run = journal.createRun(spec("web1", "web2"));
    RunId other = journal.createRun(spec("db1"));
    journal.stepStarted(run, "web1", "download");
    journal.stepStarted(other, "db1", "download");

    List<StepChange> all = journal.stepChanges(run, 0);
    assertThat(all).hasSize(1);
    long cursor = all.get(0).change();
    assertThat(all.get(0).step().finished()).isFalse();
    assertThat(journal.stepChanges(run, cursor)).isEmpty();

    clock.advance(Duration.ofSeconds(5));
    journal.stepFinished(run, "web1", "download", StepOutcome.CHANGED, "fetched");
    journal.stepStarted(run, "web2", "download");

    List<StepChange> next = journal.stepChanges(run, cursor);
    assertThat(next).extracting(c -> c.step().host()).containsExactly("web1", "web2");
    assertThat(next.get(0).step().outcome()).contains(StepOutcome.CHANGED);
    assertThat(next.get(0).change()).isGreaterThan(cursor);
    assertThat(next.get(1).change()).isGreaterThan(next.get(0).change());
    assertThat(journal.stepChanges(run, next.get(1).change())).isEmpty();
    assertThat(journal.stepChanges(other, 0)).hasSize(1);
  }

  @Test
  void aStepStartedAgainReportsTheInterruptedAttemptAsChangedToo() {
    RunId run = journal.createRun(spec("web1"));
    journal.stepStarted(run, "web1", "install");
    long cursor = journal.stepChanges(run, 0).get(0).change();

    journal.stepStarted(run, "web1", "install");

    assertThat(journal.stepChanges(run, cursor))
        .extracting(c -> c.step().attempt() + " " + c.step().outcome().orElse(null))
        .containsExactly("1 INTERRUPTED", "2 null");
  }

  @Test
  void anotherProcessSeesStepChangesAsTheyAreWritten() {
    RunId run = journal.createRun(spec("web1"));
    Journal follower = open(location);
    assertThat(follower.stepChanges(run, 0)).isEmpty();

    journal.stepStarted(run, "web1", "precheck");

    assertThat(follower.stepChanges(run, 0))
        .extracting(c -> c.step().step())
        .containsExactly("precheck");
  }

  // ---- operators' requests ----

  @Test
  void actionsAreRecordedWithWhoAskedAndAPauseIsTakenOnce() {
    RunId run = journal.createRun(spec("web1"));
    assertThat(journal.takePauseRequest(run)).isFalse();

    journal.recordAction(run, RunAction.PAUSE, "carol");
    clock.advance(Duration.ofSeconds(1));
    journal.recordAction(run, RunAction.ABORT, "dave");

    Journal executor = open(location);
    assertThat(executor.takePauseRequest(run)).isTrue();
    assertThat(executor.takePauseRequest(run)).isFalse();
    List<RunActionRecord> actions = journal.actions(run);
    assertThat(actions)
        .extracting(a -> a.action() + " " + a.by())
        .containsExactly("PAUSE carol", "ABORT dave");
    assertThat(actions.get(0).requestedAt()).isEqualTo(T0);
    assertThat(actions.get(0).handledAt()).contains(T0.plus(Duration.ofSeconds(1)));
    assertThat(actions.get(1).handledAt()).isEmpty();
    assertThatThrownBy(() -> journal.recordAction(new RunId("nope"), RunAction.PAUSE, "carol"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> journal.recordAction(run, RunAction.PAUSE, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- facts ----

  @Test
  void theLatestFactsOfEachHostAreFound() {
    journal.saveFacts("web1", T0, "{\"n\":1}");
    journal.saveFacts("web1", T0.plusSeconds(60), "{\"n\":2}");
    journal.saveFacts("web2", T0, "{\"n\":3}");

    assertThat(journal.latestFacts("web1"))
        .contains(new StoredFacts("web1", T0.plusSeconds(60), "{\"n\":2}"));
    assertThat(journal.latestFacts("web3")).isEmpty();
    assertThat(journal.latestFacts(List.of("web1", "web2", "web3")))
        .containsOnlyKeys("web1", "web2")
        .containsEntry("web2", new StoredFacts("web2", T0, "{\"n\":3}"));
  }

  @Test
  void factsOfAFleetAreSavedAndFoundAtOnce() {
    List<StoredFacts> fleet = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      hosts.add("node" + i);
      fleet.add(new StoredFacts("node" + i, T0, "{\"i\":" + i + "}"));
    }

    journal.saveFacts(fleet);

    Map<String, StoredFacts> latest = journal.latestFacts(hosts);
    assertThat(latest).hasSize(1200);
    assertThat(latest.get("node1199").json()).isEqualTo("{\"i\":1199}");
  }

  @Test
  void theTimesOfTheLatestFactsAreFoundWithoutTheFacts() {
    journal.saveFacts("web1", T0, "{\"n\":1}");
    journal.saveFacts("web1", T0.plusSeconds(60), "{\"n\":2}");
    journal.saveFacts("web2", T0, "{}");

    assertThat(journal.latestFactTimes(List.of("web1", "web2", "db1")))
        .isEqualTo(Map.of("web1", T0.plusSeconds(60), "web2", T0));
  }

  @Test
  void savingFactsAtTheSameInstantReplacesThem() {
    journal.saveFacts("web1", T0, "{\"old\":true}");
    journal.saveFacts("web1", T0, "{\"new\":true}");

    assertThat(journal.latestFacts("web1").orElseThrow().json()).isEqualTo("{\"new\":true}");
  }

  @Test
  void pruningKeepsEachHostsNewestFacts() {
    journal.saveFacts("web1", T0, "{}");
    journal.saveFacts("web1", T0.plusSeconds(10), "{}");
    journal.saveFacts("web1", T0.plusSeconds(20), "{}");
    journal.saveFacts("web2", T0, "{}");

    int deleted = journal.pruneFacts(T0.plusSeconds(15));

    assertThat(deleted).isEqualTo(2);
    assertThat(journal.latestFacts("web1").orElseThrow().collectedAt())
        .isEqualTo(T0.plusSeconds(20));
    assertThat(journal.latestFacts("web2")).isPresent();
  }

  // ---- leases ----

  @Test
  void aFreeSetIsAcquiredAndAnOverlappingOneIsRefusedWithItsHolder() {
    Lease lease = acquired(journal.acquire(Set.of("host:web1", "cluster:galera"), "alice", TTL));
    clock.advance(Duration.ofSeconds(5));

    LeaseResult refused = journal.acquire(Set.of("host:web2", "host:web1"), "bob", TTL);

    assertThat(lease.resources()).containsExactly("cluster:galera", "host:web1");
    assertThat(lease.expiresAt()).isEqualTo(T0.plus(TTL));
    assertThat(refused).isEqualTo(new LeaseResult.HeldBy("host:web1", "alice", T0, T0.plus(TTL)));
    // all or nothing: bob's refused claim left host:web2 free
    assertThat(journal.acquire(Set.of("host:web2"), "carol", TTL))
        .isInstanceOf(LeaseResult.Acquired.class);
  }

  @Test
  void aTakeOverClaimsTheSupplantedHoldersUnexpiredResourcesOnly() {
    Lease dead = acquired(journal.acquire(Set.of("host:web1", "host:web2"), "dead", TTL));
    acquired(journal.acquire(Set.of("host:web3"), "alive", TTL));

    LeaseResult refused =
        journal.takeOver(Set.of("host:web1", "host:web3"), "heir", TTL, Set.of("dead"));
    Lease heir =
        acquired(journal.takeOver(Set.of("host:web1", "host:web2"), "heir", TTL, Set.of("dead")));

    assertThat(refused).isEqualTo(new LeaseResult.HeldBy("host:web3", "alive", T0, T0.plus(TTL)));
    assertThat(heir.resources()).containsExactly("host:web1", "host:web2");
    assertThat(journal.renew(dead, TTL)).isInstanceOf(LeaseResult.HeldBy.class);
    assertThat(journal.leases())
        .extracting(LeaseResult.HeldBy::holder)
        .containsExactly("heir", "heir", "alive");
  }

  @Test
  void aReleasedLeaseCanBeAcquiredByAnother() {
    Lease lease = acquired(journal.acquire(Set.of("host:web1"), "alice", TTL));

    journal.release(lease);
    journal.release(lease);

    assertThat(journal.acquire(Set.of("host:web1"), "bob", TTL))
        .isInstanceOf(LeaseResult.Acquired.class);
  }

  @Test
  void anExpiredLeaseIsTakenOverAndItsHolderLearnsItAtRenewal() {
    Lease alice = acquired(journal.acquire(Set.of("host:web1", "host:web2"), "alice", TTL));
    clock.advance(Duration.ofSeconds(29));
    assertThat(journal.acquire(Set.of("host:web2"), "bob", TTL))
        .isInstanceOf(LeaseResult.HeldBy.class);

    clock.advance(Duration.ofSeconds(1));
    Lease bob = acquired(journal.acquire(Set.of("host:web2"), "bob", TTL));

    assertThat(journal.renew(alice, TTL))
        .isEqualTo(
            new LeaseResult.HeldBy("host:web2", "bob", T0.plusSeconds(30), T0.plusSeconds(60)));
    journal.release(alice);
    assertThat(journal.leases())
        .containsExactly(
            new LeaseResult.HeldBy("host:web2", "bob", bob.acquiredAt(), bob.expiresAt()));
  }

  @Test
  void renewingExtendsALeaseEvenAfterExpiryIfNoOneTookItOver() {
    Lease lease = acquired(journal.acquire(Set.of("host:web1"), "alice", TTL));
    clock.advance(Duration.ofSeconds(20));

    Lease renewed = acquired(journal.renew(lease, TTL));
    clock.advance(Duration.ofSeconds(20));

    assertThat(renewed.expiresAt()).isEqualTo(T0.plusSeconds(50));
    assertThat(renewed.acquiredAt()).isEqualTo(T0);
    assertThat(journal.acquire(Set.of("host:web1"), "bob", TTL))
        .isInstanceOf(LeaseResult.HeldBy.class);
    clock.advance(Duration.ofSeconds(60));
    assertThat(journal.leases().get(0).expiredAt(clock.instant())).isTrue();
    assertThat(journal.renew(renewed, TTL)).isInstanceOf(LeaseResult.Acquired.class);
  }

  @Test
  void badLeaseRequestsAreRefused() {
    assertThatThrownBy(() -> journal.acquire(Set.of(), "alice", TTL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> journal.acquire(Set.of("host:web1"), "alice", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> journal.acquire(Set.of(" "), "alice", TTL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void threadsRacingForOneSetLeaveExactlyOneWinner() throws Exception {
    for (int round = 0; round < 10; round++) {
      Set<String> set = Set.of("host:web" + round, "cluster:c" + round);
      List<Callable<LeaseResult>> racers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String holder = "t" + i;
        racers.add(() -> journal.acquire(set, holder, TTL));
      }

      List<LeaseResult> results = race(racers);

      assertThat(results).filteredOn(LeaseResult.Acquired.class::isInstance).hasSize(1);
    }
  }

  @Test
  void threadsRacingForOverlappingSetsHoldDisjointSetsAndNothingElse() throws Exception {
    int n = 8;
    for (int round = 0; round < 10; round++) {
      String prefix = "r" + round + ":";
      List<Callable<LeaseResult>> racers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Set<String> ring = Set.of(prefix + i, prefix + (i + 1) % n);
        String holder = "t" + i;
        racers.add(() -> journal.acquire(ring, holder, TTL));
      }

      List<Lease> winners = leases(race(racers));

      assertThat(winners).isNotEmpty();
      assertDisjointAndExactlyInTheTable(winners, prefix);
    }
  }

  @Test
  void twoProcessesRacingForOverlappingSetsLeaveExactlyOneWinner() throws Exception {
    Journal other = open(location);
    for (int round = 0; round < 10; round++) {
      String prefix = "p" + round + ":";
      List<Callable<LeaseResult>> racers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Journal process = i % 2 == 0 ? journal : other;
        Set<String> set = Set.of(prefix + "host:web1", prefix + "host:web" + (i + 2));
        String holder = "process" + (i % 2) + " thread" + i;
        racers.add(() -> process.acquire(set, holder, TTL));
      }

      List<Lease> winners = leases(race(racers));

      assertThat(winners).hasSize(1);
      assertDisjointAndExactlyInTheTable(winners, prefix);
    }
  }

  private void assertDisjointAndExactlyInTheTable(List<Lease> winners, String prefix) {
    List<LeaseResult.HeldBy> expected = new ArrayList<>();
    for (Lease winner : winners) {
      for (String resource : winner.resources()) {
        expected.add(
            new LeaseResult.HeldBy(
                resource, winner.holder(), winner.acquiredAt(), winner.expiresAt()));
      }
    }
    assertThat(expected).extracting(LeaseResult.HeldBy::resource).doesNotHaveDuplicates();
    assertThat(journal.leases())
        .filteredOn(held -> held.resource().startsWith(prefix))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  static Lease acquired(LeaseResult result) {
    assertThat(result).isInstanceOf(LeaseResult.Acquired.class);
    return ((LeaseResult.Acquired) result).lease();
  }

  private static List<Lease> leases(List<LeaseResult> results) {
    return results.stream()
        .filter(LeaseResult.Acquired.class::isInstance)
        .map(result -> ((LeaseResult.Acquired) result).lease())
        .toList();
  }

  /** Runs the tasks on their own threads, released together, and returns their results. */
  static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CountDownLatch ready = new CountDownLatch(tasks.size());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return task.call();
                }));
      }
      ready.await();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(2, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
