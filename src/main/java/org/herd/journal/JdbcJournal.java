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
 * The journal on a JDBC database (SQLite or PostgreSQL): opens it, migrates it, and hands each part
 * of the {@link Journal} contract to the store of its table.
 */
final class JdbcJournal implements Journal {

  private final ConnectionSource db;
  private final RunStore runs;
  private final StepStore steps;
  private final VersionStore versions;
  private final FactStore facts;
  private final LeaseStore leases;
  private final ActionStore actions;

  private JdbcJournal(ConnectionSource db, Clock clock) {
    this.db = db;
    this.runs = new RunStore(db, clock);
    this.steps = new StepStore(db, clock);
    this.versions = new VersionStore(db, clock);
    this.facts = new FactStore(db);
    this.leases = new LeaseStore(db, clock);
    this.actions = new ActionStore(db, clock);
  }

  static JdbcJournal open(JournalLocation location, Clock clock) {
    ConnectionSource db = new ConnectionSource(location);
    try {
      Migrator.builtIn(location.dialect(), clock).migrate(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return new JdbcJournal(db, clock);
  }

  @Override
  public RunId createRun(RunSpec spec) {
    return runs.create(spec);
  }

  @Override
  public Optional<RunSummary> run(RunId id) {
    return runs.run(id);
  }

  @Override
  public List<RunSummary> runs() {
    return runs.runs();
  }

  @Override
  public Optional<RunSpec> spec(RunId id) {
    return runs.spec(id);
  }

  @Override
  public void setState(RunId id, RunState state) {
    runs.setState(id, state);
  }

  @Override
  public void stepStarted(RunId run, String host, String step) {
    steps.started(run, host, step);
  }

  @Override
  public void stepFinished(
      RunId run, String host, String step, StepOutcome outcome, String output) {
    steps.finished(run, host, step, outcome, output);
  }

  @Override
  public List<StepRecord> steps(RunId run) {
    return steps.steps(run);
  }

  @Override
  public List<StepChange> stepChanges(RunId run, long since) {
    return steps.changes(run, since);
  }

  @Override
  public void recordAction(RunId run, RunAction action, String by) {
    actions.record(run, action, by);
  }

  @Override
  public List<RunActionRecord> actions(RunId run) {
    return actions.actions(run);
  }

  @Override
  public boolean takePauseRequest(RunId run) {
    return actions.takePause(run);
  }

  @Override
  public List<HostChange> hostChanges(String host) {
    return versions.ofHost(host);
  }

  @Override
  public void recordVersions(
      RunId run, String host, VersionPhase phase, Map<String, String> versions) {
    this.versions.record(run, host, phase, versions);
  }

  @Override
  public List<VersionChange> versions(RunId run) {
    return versions.versions(run);
  }

  @Override
  public void saveFacts(Collection<StoredFacts> facts) {
    this.facts.save(facts);
  }

  @Override
  public Optional<StoredFacts> latestFacts(String host) {
    return facts.latest(host);
  }

  @Override
  public Map<String, StoredFacts> latestFacts(Collection<String> hosts) {
    return facts.latest(hosts);
  }

  @Override
  public Map<String, Instant> latestFactTimes(Collection<String> hosts) {
    return facts.latestTimes(hosts);
  }

  @Override
  public int pruneFacts(Instant before) {
    return facts.prune(before);
  }

  @Override
  public LeaseResult acquire(Set<String> resources, String holder, Duration ttl) {
    return leases.acquire(resources, holder, ttl);
  }

  @Override
  public LeaseResult takeOver(
      Set<String> resources, String holder, Duration ttl, Set<String> supplanted) {
    return leases.takeOver(resources, holder, ttl, supplanted);
  }

  @Override
  public LeaseResult renew(Lease lease, Duration ttl) {
    return leases.renew(lease, ttl);
  }

  @Override
  public void release(Lease lease) {
    leases.release(lease);
  }

  @Override
  public List<LeaseResult.HeldBy> leases() {
    return leases.leases();
  }

  @Override
  public void close() {
    db.close();
  }
}
