package org.herd.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.herd.facts.ProbedHost;
import org.herd.facts.StatusSummary;
import org.herd.journal.RunId;
import org.herd.journal.RunSpec;
import org.herd.journal.StepOutcome;
import org.herd.journal.VersionPhase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read models of {@code herd serve}, on a real SQLite journal filled through its API. */
class ServeReadModelsTest {

  @TempDir Path dir;
  ServeFixture site;

  @BeforeEach
  void site() throws Exception {
    site = new ServeFixture(dir);
  }

  @AfterEach
  void close() {
    site.close();
  }

  @Test
  void theRunListGivesEachRunsProgressNewestFirst() {
    RunId older =
        site.journal.createRun(new RunSpec("herd apply a.json", List.of("web2"), "{}", "bob@x"));
    RunId run = site.runningRun();

    List<RunList.Row> rows = new RunList(site.journal).newest(10);

    assertThat(rows).extracting(r -> r.run().id()).containsExactlyInAnyOrder(run, older);
    RunList.Row row = rows.stream().filter(r -> r.run().id().equals(run)).findFirst().orElseThrow();
    assertThat(row.progress()).isEqualTo(new RunList.Progress(1, 1, 1, 1));
    assertThat(new RunList(site.journal).newest(1)).hasSize(1);
  }

  @Test
  void aRunsDetailHasTimelinesTheCurrentStepTheFailureAndTheBudgetInUse() {
    RunId run = site.runningRun();

    RunView.Detail detail = new RunView(site.workspace, site.journal).of(run.value()).orElseThrow();

    Map<String, RunView.Host> hosts =
        detail.hosts().stream()
            .collect(java.util.stream.Collectors.toMap(RunView.Host::host, h -> h));
    assertThat(hosts.get("db1").state()).isEqualTo(HostProgress.SUCCEEDED);
    assertThat(hosts.get("db1").ended()).isNotNull();
    assertThat(hosts.get("db1").steps()).extracting(RunView.Step::step).endsWith("verify");
    assertThat(hosts.get("db2").state()).isEqualTo(HostProgress.RUNNING);
    assertThat(hosts.get("db2").currentStep()).isEqualTo("install");
    assertThat(hosts.get("db3").state()).isEqualTo(HostProgress.WAITING);
    RunView.Failure failure = hosts.get("web1").failure();
    assertThat(failure.step()).isEqualTo("install");
    assertThat(failure.outcome()).isEqualTo("FAILED");
    assertThat(failure.outputTail()).contains("dpkg: error processing package nginx");
    assertThat(detail.clusters())
        .containsExactly(
            new RunView.ClusterUse("galera", List.of("db1", "db2", "db3"), List.of("db2"), 1));
    assertThat(new RunView(site.workspace, site.journal).of("20990101-000000-abcdef")).isEmpty();
    assertThat(new RunView(site.workspace, site.journal).of("../etc")).isEmpty();
  }

  @Test
  void theFleetIsFoldedFromTheLatestFactsWithNeverProbedHosts() throws Exception {
    site.saveFacts();

    FleetView.Fleet fleet = new FleetView(site.workspace, site.journal).of(FleetView.Filter.ALL);

    assertThat(fleet.hosts())
        .extracting(ProbedHost::host)
        .containsExactly("db1", "db2", "db3", "web1", "web2");
    assertThat(fleet.hosts().get(0)).isInstanceOf(ProbedHost.Probed.class);
    assertThat(fleet.hosts().get(4))
        .isEqualTo(new ProbedHost.NotProbed("web2", FleetView.NEVER_PROBED));
    StatusSummary summary = fleet.summary();
    assertThat(summary.unprobed()).extracting(u -> u.hosts().fold()).containsExactly("web2");
    assertThat(summary.rows()).extracting(r -> r.hosts().fold()).contains("db[1-2]");
    assertThat(summary.clusters()).singleElement().satisfies(c -> assertThat(c.skew()).isTrue());
  }

  @Test
  void theFleetIsFoldedAgainOnlyWhenSomeHostsFactsChanged() throws Exception {
    site.saveFacts();
    FleetView view = new FleetView(site.workspace, site.journal);
    FleetView.Fleet first = view.of(FleetView.Filter.ALL);

    assertThat(view.of(FleetView.Filter.ALL)).isSameAs(first);

    // web2 is probed for the first time, with db2's facts: it joins db2's row.
    String db2 = site.journal.latestFacts("db2").orElseThrow().json();
    site.journal.saveFacts("web2", ServeFixture.T0.plusSeconds(60), db2);
    FleetView.Fleet second = view.of(FleetView.Filter.ALL);

    assertThat(second).isNotSameAs(first);
    assertThat(second.summary().unprobed()).isEmpty();
    assertThat(second.summary().rows()).extracting(r -> r.hosts().fold()).contains("db[1-2],web2");
    assertThat(view.of(FleetView.Filter.ALL)).isSameAs(second);
  }

  @Test
  void theFleetIsFilteredByNodesGroupClusterAndWave() throws Exception {
    site.saveFacts();
    FleetView view = new FleetView(site.workspace, site.journal);

    assertThat(hosts(view, new FleetView.Filter("db[1-2],web2", null, null, null)))
        .containsExactly("db1", "db2", "web2");
    assertThat(hosts(view, new FleetView.Filter(null, "web", null, null)))
        .containsExactly("web1", "web2");
    assertThat(hosts(view, new FleetView.Filter(null, null, "galera", null)))
        .containsExactly("db1", "db2", "db3");
    assertThat(hosts(view, new FleetView.Filter(null, null, null, "canary")))
        .containsExactly("web1");
    assertThat(hosts(view, new FleetView.Filter("db[1-3]", null, "galera", "canary"))).isEmpty();
    assertThatThrownBy(() -> view.of(new FleetView.Filter(null, null, "nope", null)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("no cluster nope");
    assertThatThrownBy(() -> view.of(new FleetView.Filter(null, null, null, "nope")))
        .isInstanceOf(InvalidRequest.class);
  }

  private static List<String> hosts(FleetView view, FleetView.Filter filter) {
    return view.of(filter).hosts().stream().map(ProbedHost::host).toList();
  }

  @Test
  void theClustersShowMembersVersionsSkewAndLastHealth() throws Exception {
    site.saveFacts();
    RunId run = site.runningRun();

    List<ClusterView.ClusterRow> clusters =
        new ClusterView(site.workspace, site.journal).clusters();

    assertThat(clusters)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.cluster()).isEqualTo("galera");
              assertThat(c.recipe()).isEqualTo("galera");
              assertThat(c.skew()).containsExactly("mariadb-server");
              assertThat(c.members())
                  .extracting(ClusterView.Member::host)
                  .containsExactly("db1", "db2", "db3");
              assertThat(c.members().get(2).versions())
                  .containsEntry("mariadb-server", "1:10.11.4-1~deb12u1");
              assertThat(c.members().get(0).health())
                  .isEqualTo(
                      new ClusterView.Health(
                          run.value(), c.members().get(0).health().at(), StepOutcome.OK.name()));
              assertThat(c.members().get(1).health()).isNull();
            });
  }

  @Test
  void aHostsHistorySaysWhatChangedWhenInWhichRunAndByWhom() {
    RunId run =
        site.journal.createRun(new RunSpec("herd apply p.json", List.of("db1"), "{}", "carol@ops"));
    site.journal.recordVersions(
        run, "db1", VersionPhase.BEFORE, Map.of("mariadb-server", "1:10.11.4"));
    site.journal.recordVersions(
        run, "db1", VersionPhase.AFTER, Map.of("mariadb-server", "1:10.11.6"));

    List<HostChangeLog.Entry> history = new HostChangeLog(site.journal).of("db1");

    assertThat(history)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.run()).isEqualTo(run.value());
              assertThat(e.by()).isEqualTo("carol@ops");
              assertThat(e.pkg()).isEqualTo("mariadb-server");
              assertThat(e.from()).isEqualTo("1:10.11.4");
              assertThat(e.to()).isEqualTo("1:10.11.6");
            });
    assertThat(new HostChangeLog(site.journal).of("web1")).isEmpty();
    assertThatThrownBy(() -> new HostChangeLog(site.journal).of(" "))
        .isInstanceOf(InvalidRequest.class);
  }

  @Test
  void theMetricsCountHostsPerClusterAndWaveRunProgressAndNewlyFinishedSteps() throws Exception {
    site.saveFacts();
    RunId run = site.runningRun();
    FleetMetrics metrics = new FleetMetrics(site.workspace, site.journal);

    FleetMetrics.Snapshot snapshot = metrics.snapshot();

    assertThat(snapshot.groups())
        .contains(
            new FleetMetrics.Group("cluster", "galera", 1, 1, 0),
            new FleetMetrics.Group("wave", "canary", 1, 1, 1));
    assertThat(snapshot.running())
        .singleElement()
        .satisfies(r -> assertThat(r.run().id()).isEqualTo(run));
    assertThat(snapshot.guards()).containsEntry("none", 4);
    int first = metrics.finishedSinceLastCall().size();
    assertThat(first).isEqualTo(4 + 10 + 3 + 2);
    assertThat(metrics.finishedSinceLastCall()).isEmpty();
    site.journal.stepFinished(run, "db2", "install", StepOutcome.CHANGED, "");
    assertThat(metrics.finishedSinceLastCall())
        .singleElement()
        .satisfies(s -> assertThat(s.host() + " " + s.step()).isEqualTo("db2 install"));
  }
}
