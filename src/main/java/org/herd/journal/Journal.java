package org.herd.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * herd's memory: runs and their per-host steps, the package versions each run found and left (the
 * audit trail), the facts last seen on each host, and the leases that keep two runs off the same
 * hosts. An SQLite file by default; a PostgreSQL database when several operators or machines share
 * one fleet (see {@code docs/journal.md}).
 *
 * <p>Every method writes or reads in its own transaction and is safe to call from many threads;
 * several processes may use one journal at once. Times come from the {@link Clock} the journal was
 * opened with and are stored to the millisecond. Failures of the database are {@link
 * JournalException}s; calls that make no sense (finishing a step that never started, a step of an
 * unknown run) are {@link IllegalStateException}s or {@link IllegalArgumentException}s.
 */
public interface Journal extends AutoCloseable {

  /** The most of a step's output that is kept: its tail, this many characters. */
  int OUTPUT_EXCERPT_LIMIT = 16 * 1024;

  /**
   * Opens a journal, creating the SQLite file and its directories if needed, and brings its schema
   * up to date.
   *
   * @throws JournalException when it cannot be reached, created or migrated
   */
  static Journal open(JournalLocation location, Clock clock) {
    return JdbcJournal.open(location, clock);
  }

  // ---- runs ----

  /** Records a new run, {@link RunState#RUNNING}, and names it. */
  RunId createRun(RunSpec spec);

  /** A run, or empty when there is no such run. */
  Optional<RunSummary> run(RunId id);

  /** Every run, newest first. */
  List<RunSummary> runs();

  /** What a run was created with, for resuming it; empty when there is no such run. */
  Optional<RunSpec> spec(RunId id);

  /**
   * Moves a run to a state; a terminal state records its end time, another clears it (a resumed
   * run).
   *
   * @throws IllegalArgumentException when there is no such run
   */
  void setState(RunId id, RunState state);

  // ---- steps ----

  /**
   * Records that a step starts on a host, as a new attempt. An earlier attempt of the same step
   * that never finished is closed as {@link StepOutcome#INTERRUPTED}. To re-attach to a step that
   * kept running on the host (a detached install), do not start it again: finish it.
   *
   * @throws IllegalArgumentException when there is no such run
   */
  void stepStarted(RunId run, String host, String step);

  /**
   * Records how the latest attempt of a step on a host ended.
   *
   * @param output the step's output; only its last {@link #OUTPUT_EXCERPT_LIMIT} characters are
   *     kept
   * @throws IllegalStateException when the step has no unfinished attempt
   */
  void stepFinished(RunId run, String host, String step, StepOutcome outcome, String output);

  /** Every attempt of every step of a run, in the order they started. */
  List<StepRecord> steps(RunId run);

  /**
   * The attempts of a run's steps written (started, finished, or interrupted) after change number
   * {@code since}, in change order; {@code since} 0 gives every attempt. For following a run from
   * any process: keep the highest {@link StepChange#change()} seen and ask again.
   */
  List<StepChange> stepChanges(RunId run, long since);

  // ---- operators' requests ----

  /**
   * Records that {@code by} asked {@code action} of a run.
   *
   * @throws IllegalArgumentException when there is no such run, or {@code by} is blank
   */
  void recordAction(RunId run, RunAction action, String by);

  /** What was asked of a run, oldest first. */
  List<RunActionRecord> actions(RunId run);

  /**
   * Takes the run's pause requests that no herd took yet, for the herd executing the run.
   *
   * @return whether there was one
   */
  boolean takePauseRequest(RunId run);

  // ---- audit trail ----

  /**
   * Records the installed versions of packages on a host at one phase of a run, replacing what was
   * recorded for that host and phase before (a resumed run reads them again).
   *
   * @param versions package name to installed version; a package absent here was not installed
   */
  void recordVersions(RunId run, String host, VersionPhase phase, Map<String, String> versions);

  /** A run's audit trail, by host then package. */
  List<VersionChange> versions(RunId run);

  /**
   * What runs changed on a host, oldest run first, then by package: only packages whose version
   * differs between before and after, in runs that recorded what they left on the host.
   */
  List<HostChange> hostChanges(String host);

  // ---- facts ----

  /** Stores a host's facts as gathered at {@code collectedAt}. */
  default void saveFacts(String host, Instant collectedAt, String json) {
    saveFacts(List.of(new StoredFacts(host, collectedAt, json)));
  }

  /** Stores the facts of many hosts in one transaction (a fleet-wide status). */
  void saveFacts(Collection<StoredFacts> facts);

  /** The newest facts of a host. */
  Optional<StoredFacts> latestFacts(String host);

  /** The newest facts of each of these hosts that has any, by host. */
  Map<String, StoredFacts> latestFacts(Collection<String> hosts);

  /**
   * When the newest facts of each of these hosts that has any were collected, by host: to tell,
   * without reading the facts, which hosts have newer facts than a reader holds.
   */
  Map<String, Instant> latestFactTimes(Collection<String> hosts);

  /**
   * Deletes facts collected before {@code before}, except each host's newest.
   *
   * @return how many were deleted
   */
  int pruneFacts(Instant before);

  // ---- leases ----

  /**
   * Acquires every one of the resources, or none: each is free, or its lease expired (which is then
   * taken over). Exclusive across threads, processes and machines sharing the journal.
   *
   * @param resources names such as {@code host:web1}, {@code cluster:galera}; not empty
   * @param holder who asks, as {@link HolderIdentity#text()} gives it
   * @param ttl how long the lease lasts unless renewed; positive
   * @return the lease, or the first resource someone else holds
   */
  LeaseResult acquire(Set<String> resources, String holder, Duration ttl);

  /**
   * As {@link #acquire}, and also takes over, before they expire, the resources held by any of the
   * {@code supplanted} holders: for holders known to be dead (a crashed herd on this machine).
   * Resources held by anyone else are still refused.
   */
  LeaseResult takeOver(Set<String> resources, String holder, Duration ttl, Set<String> supplanted);

  /**
   * Extends a lease to {@code ttl} from now. It still succeeds after expiry as long as no one took
   * a resource over; otherwise nothing is changed and the new holder is named.
   */
  LeaseResult renew(Lease lease, Duration ttl);

  /** Gives up a lease; what someone else took over stays theirs. Releasing twice is harmless. */
  void release(Lease lease);

  /** Every held resource, expired ones included, by resource name ({@code herd status}). */
  List<LeaseResult.HeldBy> leases();

  /** Closes the journal's connections. */
  @Override
  void close();
}
