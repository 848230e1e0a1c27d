package org.herd.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.journal.RunId;
import org.herd.journal.StepOutcome;
import org.herd.ops.ServeFixture;
import org.herd.ops.Workspace;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The benchmark of {@code herd serve} (bench/serve/run.sh): a generated SQLite journal of 10,000
 * hosts (inventory, facts) and 100,000 step rows (20 runs of 500 hosts, 10 steps each), then the
 * median and 95th percentile of N calls of {@code /api/v1/hosts}, {@code /api/v1/runs} and {@code
 * /api/v1/runs/{id}}, and the latency from a step's end written to the journal (by another
 * connection, as another herd) to its SSE event at a client. Not a test: it asserts nothing.
 *
 * <p>Usage: {@code ServeBench DIR [CALLS]}
 */
public final class ServeBench {

  static final int HOSTS = 10_000;
  static final int RUNS = 20;
  static final int HOSTS_PER_RUN = 500;
  static final List<String> STEPS =
      List.of(
          "download",
          "precheck",
          "drain",
          "guard",
          "install",
          "restart",
          "health",
          "undrain",
          "unguard",
          "verify");

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    Files.createDirectories(dir);
    Path db = dir.resolve("journal.db");
    Files.deleteIfExists(db);
    Path inventory = dir.resolve("herd.yaml");
    long t = System.nanoTime();
    Files.writeString(inventory, inventory());
    JournalLocation location = JournalLocation.parse(db.toString());
    try (Journal journal = Journal.open(location, Clock.systemUTC())) {
      // schema made; rows are bulk-inserted below
    }
    RunId newest = generate(db);
    System.out.printf(
        "generated: %,d hosts with facts, %,d runs, %,d step rows in %.1f s (%,d KB)%n",
        HOSTS,
        RUNS,
        RUNS * HOSTS_PER_RUN * STEPS.size(),
        (System.nanoTime() - t) / 1e9,
        Files.size(db) / 1024);

    Workspace workspace = ServeFixture.workspace(dir, Optional.of(inventory));
    try (Journal journal = Journal.open(location, Clock.systemUTC());
        Journal otherHerd = Journal.open(location, Clock.systemUTC());
        HerdServer server =
            HerdServer.start(
                new HerdServer.Settings(
                    ListenAddress.parse("127.0.0.1:0"),
                    Optional.empty(),
                    Tokens.NONE,
                    true,
                    "bench",
                    "sqlite"),
                workspace,
                journal,
                line -> {})) {
      HttpClient http = HttpClient.newHttpClient();
      measure(http, server.url() + "/api/v1/hosts", calls);
      measure(http, server.url() + "/api/v1/hosts?facts=false", calls);
      measure(http, server.url() + "/api/v1/hosts?hosts=false", calls);
      afterNewFacts(http, server.url() + "/api/v1/hosts?hosts=false", otherHerd, calls);
      afterNewFacts(http, server.url() + "/api/v1/hosts", otherHerd, calls);
      measure(http, server.url() + "/api/v1/hosts?cluster=c0042", calls);
      measure(http, server.url() + "/api/v1/runs", calls);
      measure(http, server.url() + "/api/v1/runs/" + newest.value(), calls);
      sseLatency(http, server.url(), newest, otherHerd, Math.min(calls, 30));
      fleetPage(server.url(), Math.min(calls, 30));
    }
  }

  /**
   * The call after one host's facts changed (another herd's {@code herd status} saved them): the
   * fleet is folded and written again, where the calls measured above reuse the last fold.
   */
  private static void afterNewFacts(HttpClient http, String url, Journal otherHerd, int calls)
      throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
    String facts = otherHerd.latestFacts("h00001").orElseThrow().json();
    Instant at = Instant.now();
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      otherHerd.saveFacts(String.format("h%05d", i % HOSTS + 1), at.plusMillis(i), facts);
      long start = System.nanoTime();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      millis.add((System.nanoTime() - start) / 1e6);
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + ": " + response.statusCode());
      }
    }
    report(
        url.replaceFirst("http://[^/]*", "") + ", new facts", millis, " (a host's facts changed)");
  }

  /**
   * The fleet page in Debian's chromium, loaded afresh each time: the time from navigation to the
   * page's own mark that the view is painted (HTML, script, API call, table, paint).
   */
  private static void fleetPage(String base, int loads) {
    try (Browser browser = Browser.start()) {
      WebDriver driver = browser.driver();
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i < loads + 3; i++) {
        driver.get("about:blank");
        driver.get(base + "/#/fleet");
        Object drawn =
            browser.await(
                d ->
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "const m = performance.getEntriesByName('herd-drawn:fleet');"
                                + " return m.length ? m[0].startTime : null;"),
                Duration.ofSeconds(30));
        if (i >= 3) { // the first loads warm the server's JIT and the browser's caches
          millis.add(((Number) drawn).doubleValue());
        }
      }
      report("fleet page in chromium: navigation -> drawn", millis, " (10,000 hosts)");
    }
  }

  private static void measure(HttpClient http, String url, int calls) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
    long bytes = 0;
    for (int i = 0; i < 3; i++) { // warm-up: JIT, caches
      bytes = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      millis.add((System.nanoTime() - start) / 1e6);
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + ": " + response.statusCode());
      }
    }
    report(url.replaceFirst("http://[^/]*", ""), millis, " (" + bytes / 1024 + " KB)");
  }

  private static void report(String what, List<Double> millis, String note) {
    Collections.sort(millis);
    double median = millis.get(millis.size() / 2);
    double p95 = millis.get((int) Math.ceil(millis.size() * 0.95) - 1);
    System.out.printf(
        "%-40s median %7.1f ms  p95 %7.1f ms  (n=%d)%s%n", what, median, p95, millis.size(), note);
  }

  /** A step's end written by another journal connection, to its event at an SSE client. */
  private static void sseLatency(
      HttpClient http, String base, RunId run, Journal otherHerd, int samples) throws Exception {
    List<Double> millis = new ArrayList<>();
    try (SseReader events =
        new SseReader(http, base + "/api/v1/runs/" + run.value() + "/events", null)) {
      events.until("runState");
      for (int i = 0; i < samples; i++) {
        String host = "bench-extra" + i;
        otherHerd.stepStarted(run, host, "health");
        events.next(); // its start
        long start = System.nanoTime();
        otherHerd.stepFinished(run, host, "health", StepOutcome.OK, "");
        SseReader.Event event = events.next();
        millis.add((System.nanoTime() - start) / 1e6);
        if (!event.type().equals("stepFinished")) {
          throw new IllegalStateException("expected stepFinished, got " + event);
        }
      }
    }
    report("SSE: step end -> client", millis, " (journal poll every 200 ms)");
  }

  private static String inventory() {
    StringBuilder yaml = new StringBuilder("hosts:\n  h[00001-10000]:\nclusters:\n");
    // 1,000 clusters of 3 members: h00001-h03000.
    for (int c = 1; c <= 1000; c++) {
      int first = (c - 1) * 3 + 1;
      yaml.append(
          String.format(
              "  c%04d:%n    members: h[%05d-%05d]%n    recipe: generic%n    budget: 1%n"
                  + "    vars:%n      packages: [mariadb-server]%n",
              c, first, first + 2));
    }
    yaml.append(
        "waves:\n  - name: canary\n    nodes: h[00001-00100]\n    soak: 0\n"
            + "  - name: production\n    nodes: \"@*\"\n    soak: 0\n");
    return yaml.toString();
  }

  private static RunId generate(Path db) throws Exception {
    String plan = ServeFixture.planJson("h00001");
    Instant t0 = Instant.now().minusSeconds(RUNS * 3600L);
    RunId newest = null;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      c.setAutoCommit(false);
      try (PreparedStatement facts =
          c.prepareStatement("INSERT INTO facts (host, collected_at, facts) VALUES (?, ?, ?)")) {
        Path scratch = Files.createTempDirectory("serve-bench");
        try (ServeFixture sample = new ServeFixture(scratch)) {
          sample.saveFacts();
          String[] json = {
            sample.journal.latestFacts("db1").orElseThrow().json(),
            sample.journal.latestFacts("db3").orElseThrow().json(),
            sample.journal.latestFacts("web1").orElseThrow().json()
          };
          for (int h = 1; h <= HOSTS; h++) {
            facts.setString(1, String.format("h%05d", h));
            facts.setLong(2, t0.toEpochMilli());
            facts.setString(3, json[h % 3].replace("\"db1\"", "\"h\"").replace("\"db3\"", "\"h\""));
            facts.addBatch();
          }
          facts.executeBatch();
        }
      }
      try (PreparedStatement runs =
              c.prepareStatement(
                  "INSERT INTO runs (id, command, started_by, state, started_at, finished_at, plan,"
                      + " change_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement hosts =
              c.prepareStatement("INSERT INTO run_hosts (run_id, host, ordinal) VALUES (?, ?, ?)");
          PreparedStatement steps =
              c.prepareStatement(
                  "INSERT INTO steps (run_id, host, step, attempt, started_at, finished_at,"
                      + " outcome, output, change_seq) VALUES (?, ?, ?, 1, ?, ?, ?, '', ?)")) {
        for (int r = 0; r < RUNS; r++) {
          RunId id = new RunId(String.format("20261201-%06d-bench%02d", r, r));
          long start = t0.plusSeconds(r * 3600L).toEpochMilli();
          boolean last = r == RUNS - 1;
          long seq = 0;
          for (int i = 0; i < HOSTS_PER_RUN; i++) {
            String host = String.format("h%05d", (r * HOSTS_PER_RUN + i) % HOSTS + 1);
            hosts.setString(1, id.value());
            hosts.setString(2, host);
            hosts.setInt(3, i);
            hosts.addBatch();
            for (int s = 0; s < STEPS.size(); s++) {
              long at = start + i * 1000L + s * 60_000L;
              steps.setString(1, id.value());
              steps.setString(2, host);
              steps.setString(3, STEPS.get(s));
              steps.setLong(4, at);
              steps.setLong(5, at + 30_000);
              steps.setString(6, (i % 50 == 7 && s == 4) ? "FAILED" : "OK");
              steps.setLong(7, ++seq);
              steps.addBatch();
            }
          }
          runs.setString(1, id.value());
          runs.setString(2, "herd apply plan.json");
          runs.setString(3, "bench@ops");
          runs.setString(4, last ? "RUNNING" : "SUCCEEDED");
          runs.setLong(5, start);
          if (last) {
            runs.setNull(6, java.sql.Types.BIGINT);
          } else {
            runs.setLong(6, start + 3_000_000);
          }
          runs.setString(7, plan);
          runs.setLong(8, seq);
          runs.executeUpdate();
          hosts.executeBatch();
          steps.executeBatch();
          newest = id;
        }
      }
      c.commit();
    }
    return newest;
  }
}
