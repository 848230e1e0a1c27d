package org.herd.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.journal.RunId;
import org.herd.journal.RunState;
import org.herd.journal.StepOutcome;
import org.herd.ops.ServeFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herd serve}'s API against a real server on a free loopback port over a real journal,
 * called with {@code java.net.http}: written once, run on SQLite ({@code ServeIT}) and PostgreSQL
 * ({@code ServePostgresIT}). A second {@link Journal} stands for another herd process executing the
 * run; live events are waited for, never slept for.
 */
abstract class ServeApiContract {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ALICE = "alice-0123456789abcdef";

  @TempDir Path dir;
  ServeFixture site;
  Journal otherHerd;
  HerdServer server;
  final HttpClient http = HttpClient.newHttpClient();

  /** The location of a new, empty journal. */
  abstract JournalLocation freshLocation(Path dir) throws Exception;

  abstract String dialect();

  @BeforeEach
  void serve() throws Exception {
    site = new ServeFixture(dir, freshLocation(dir));
    otherHerd = Journal.open(site.location, Clock.systemUTC());
    server = start(false);
  }

  HerdServer start(boolean readOnly) {
    return HerdServer.start(
        new HerdServer.Settings(
            ListenAddress.parse("127.0.0.1:0"),
            Optional.empty(),
            Tokens.parse("alice " + ALICE + "\n", "test"),
            readOnly,
            "test",
            dialect()),
        site.workspace,
        site.journal,
        line -> {});
  }

  @AfterEach
  void stop() {
    server.close();
    otherHerd.close();
    site.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode json(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    return JSON.readTree(response.body());
  }

  HttpResponse<String> post(HerdServer on, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(on.url() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theApiSaysWhatItIs() throws Exception {
    JsonNode about = json("/api/v1");

    assertThat(about.get("version").asText()).isEqualTo("test");
    assertThat(about.get("readOnly").asBoolean()).isFalse();
    assertThat(about.get("journal").asText()).isEqualTo(dialect());
  }

  @Test
  void runsAreListedWithProgressAndDetailedWithTimelinesFailuresAndBudgets() throws Exception {
    RunId run = site.runningRun();

    JsonNode runs = json("/api/v1/runs?limit=5");
    assertThat(runs).hasSize(1);
    JsonNode row = runs.get(0);
    assertThat(row.get("id").asText()).isEqualTo(run.value());
    assertThat(row.get("state").asText()).isEqualTo("RUNNING");
    assertThat(row.get("startedBy").asText()).isEqualTo("alice@ops1");
    assertThat(row.get("hosts").asInt()).isEqualTo(4);
    assertThat(row.get("progress").toString())
        .isEqualTo("{\"done\":1,\"failed\":1,\"running\":1,\"waiting\":1}");

    JsonNode detail = json("/api/v1/runs/" + run.value());
    JsonNode web1 = detail.get("hostDetails").get(3);
    assertThat(web1.get("host").asText()).isEqualTo("web1");
    assertThat(web1.get("state").asText()).isEqualTo("FAILED");
    assertThat(web1.get("failure").get("outputTail").asText()).contains("dpkg: error");
    assertThat(detail.get("hostDetails").get(1).get("currentStep").asText()).isEqualTo("install");
    JsonNode galera = detail.get("clusters").get(0);
    assertThat(galera.get("outOfService").toString()).isEqualTo("[\"db2\"]");
    assertThat(galera.get("budget").asInt()).isEqualTo(1);

    HttpResponse<String> unknown = get("/api/v1/runs/20990101-000000-abcdef");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("error").asText()).contains("no such run");
    assertThat(get("/api/v1/runs?limit=zero").statusCode()).isEqualTo(400);
    assertThat(get("/api/v1/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void theFleetClustersAndHistoryComeFromTheJournal() throws Exception {
    site.saveFacts();
    site.runningRun();

    JsonNode hosts = json("/api/v1/hosts");
    assertThat(hosts.get("hosts").get("db1").get("collectedAt").asText())
        .isEqualTo(ServeFixture.T0.toString());
    assertThat(hosts.get("hosts").get("web2").get("unreachable").asText())
        .isEqualTo("never probed");
    assertThat(hosts.get("clusters").get(0).get("skew").asBoolean()).isTrue();
    assertThat(hosts.get("collected").get("earliest").asText())
        .isEqualTo(ServeFixture.T0.toString());
    JsonNode rowsOnly = json("/api/v1/hosts?hosts=false");
    assertThat(rowsOnly.get("hosts").isEmpty()).isTrue();
    assertThat(rowsOnly.get("rows")).isEqualTo(hosts.get("rows"));
    assertThat(rowsOnly.get("collected")).isEqualTo(hosts.get("collected"));
    assertThat(json("/api/v1/hosts?cluster=galera").get("hosts").size()).isEqualTo(3);
    assertThat(json("/api/v1/hosts?wave=canary&nodes=web%5B1-2%5D").get("hosts").size())
        .isEqualTo(1);
    assertThat(get("/api/v1/hosts?group=nope").statusCode()).isEqualTo(400);

    JsonNode clusters = json("/api/v1/clusters");
    assertThat(clusters.get(0).get("skew").toString()).isEqualTo("[\"mariadb-server\"]");
    assertThat(clusters.get(0).get("members").get(0).get("health").get("outcome").asText())
        .isEqualTo("OK");

    assertThat(json("/api/v1/hosts/db1/history")).isEmpty();
  }

  @Test
  void aStepWrittenByAnotherHerdReachesASubscribedClientAndAReconnectMissesNothing()
      throws Exception {
    RunId run = site.runningRun();
    String url = server.url() + "/api/v1/runs/" + run.value() + "/events";
    String last;
    try (SseReader events = new SseReader(http, url, null)) {
      assertThat(events.status).isEqualTo(200);
      List<SseReader.Event> replay = events.until("runState");
      assertThat(replay).extracting(SseReader.Event::type).contains("stepFinished", "hostFinished");

      otherHerd.stepFinished(run, "db2", "install", StepOutcome.CHANGED, "");

      SseReader.Event finished = events.next();
      assertThat(finished.type()).isEqualTo("stepFinished");
      JsonNode data = JSON.readTree(finished.data());
      assertThat(data.get("host").asText()).isEqualTo("db2");
      assertThat(data.get("step").asText()).isEqualTo("install");
      assertThat(data.get("outcome").asText()).isEqualTo("CHANGED");
      last = finished.id();
    }

    otherHerd.stepStarted(run, "db2", "restart");
    otherHerd.setState(run, RunState.PAUSED);

    try (SseReader again = new SseReader(http, url, last)) {
      SseReader.Event missed = again.next();
      assertThat(missed.type()).isEqualTo("stepStarted");
      assertThat(JSON.readTree(missed.data()).get("step").asText()).isEqualTo("restart");
      SseReader.Event state = again.next();
      assertThat(state.type()).isEqualTo("runState");
      assertThat(JSON.readTree(state.data()).get("state").asText()).isEqualTo("PAUSED");
    }
    assertThat(get("/api/v1/runs/20990101-000000-abcdef/events").statusCode()).isEqualTo(404);
  }

  @Test
  void actionsNeedAKnownBearerTokenFromTheSameOrigin() throws Exception {
    RunId run = site.runningRun();
    String pause = "/api/v1/runs/" + run.value() + "/pause";

    assertThat(post(server, pause, "").statusCode()).isEqualTo(401);
    assertThat(
            post(server, pause, "", "Authorization", "Bearer wrong-0123456789abcdef").statusCode())
        .isEqualTo(401);
    assertThat(post(server, pause, "", "Cookie", "token=" + ALICE).statusCode()).isEqualTo(401);
    HttpResponse<String> crossSite =
        post(
            server,
            pause,
            "",
            "Authorization",
            "Bearer " + ALICE,
            "Origin",
            "https://evil.example");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(site.journal.actions(run)).isEmpty();

    HttpResponse<String> paused =
        post(server, pause, "", "Authorization", "Bearer " + ALICE, "Origin", server.url());
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    assertThat(JSON.readTree(paused.body()).get("by").asText()).isEqualTo("alice");
    assertThat(site.journal.actions(run))
        .extracting(a -> a.action() + " " + a.by())
        .containsExactly("PAUSE alice");
    assertThat(otherHerd.takePauseRequest(run)).isTrue();

    // The herd executing the run holds its hosts: the abort is signalled to it.
    otherHerd.acquire(
        Set.of("host:db1", "host:db2", "host:db3", "host:web1"),
        "bob@ops2 pid 4242 run " + run.value(),
        Duration.ofMinutes(5));
    HttpResponse<String> aborted =
        post(
            server,
            "/api/v1/runs/" + run.value() + "/abort",
            "",
            "Authorization",
            "Bearer " + ALICE);
    assertThat(aborted.statusCode()).as(aborted.body()).isEqualTo(200);
    assertThat(otherHerd.run(run).orElseThrow().state()).isEqualTo(RunState.ABORTED);
    assertThat(site.journal.actions(run))
        .extracting(a -> a.action() + " " + a.by())
        .containsExactly("PAUSE alice", "ABORT alice");

    HttpResponse<String> notAPlan =
        post(server, "/api/v1/runs", "{}", "Authorization", "Bearer " + ALICE);
    assertThat(notAPlan.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notAPlan.body()).get("error").asText()).startsWith("not a plan");
    for (String wrong : List.of("parallel=x", "finalize=maybe", "reboot=sometimes", "serial=x")) {
      HttpResponse<String> refused =
          post(
              server,
              "/api/v1/runs?" + wrong,
              ServeFixture.planJson("web2"),
              "Authorization",
              "Bearer " + ALICE);
      assertThat(refused.statusCode()).as(wrong).isEqualTo(400);
      assertThat(JSON.readTree(refused.body()).get("error").asText())
          .contains(wrong.substring(0, wrong.indexOf('=')));
    }
  }

  @Test
  void aReadOnlyServerRefusesEveryAction() throws Exception {
    RunId run = site.runningRun();
    try (HerdServer readOnly = start(true)) {
      for (String action : List.of("pause", "abort", "resume")) {
        HttpResponse<String> refused =
            post(
                readOnly,
                "/api/v1/runs/" + run.value() + "/" + action,
                "",
                "Authorization",
                "Bearer " + ALICE);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("read-only");
      }
      assertThat(
              post(
                      readOnly,
                      "/api/v1/runs",
                      ServeFixture.planJson("web2"),
                      "Authorization",
                      "Bearer " + ALICE)
                  .statusCode())
          .isEqualTo(403);
    }
    assertThat(site.journal.actions(run)).isEmpty();
    assertThat(site.journal.runs()).hasSize(1);
  }

  @Test
  void metricsAreScrapedInPrometheusFormat() throws Exception {
    site.saveFacts();
    RunId run = site.runningRun();

    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("herd_hosts_pending{cluster=\"galera\"} 1.0")
        .contains("herd_hosts_security{wave=\"canary\"} 1.0")
        .contains("herd_hosts_reboot{wave=\"canary\"} 1.0")
        .contains("herd_run_hosts{progress=\"running\",run=\"" + run.value() + "\"} 1.0")
        .contains("herd_step_duration_seconds_bucket{step=\"install\"")
        .contains("herd_guards{state=\"none\"} 4.0");
  }
}
