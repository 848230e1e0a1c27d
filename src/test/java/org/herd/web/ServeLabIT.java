package org.herd.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.herd.cli.CliRunner;
import org.herd.cli.LabDpkg;
import org.herd.lab.LabExtension;
import org.herd.lab.LabHost;
import org.herd.lab.PristineHosts;
import org.herd.lab.Suite;
import org.herd.lab.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reviewed plan posted to a real {@code herd serve} (the built jar) is applied on a lab host
 * inside the server, and followed through its live events to {@code runState SUCCEEDED}; the host
 * ends at the planned version, and the journal says who started the run.
 */
@ExtendWith(LabExtension.class)
class ServeLabIT {

  private static final String TOKEN = "lab-operator-0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Map<String, String> env() {
    return Map.of("HOME", dir.toString(), "HERD_JOURNAL", dir.resolve("journal.db").toString());
  }

  @Test
  @PristineHosts({3})
  void aPlanPostedToTheServerIsAppliedAndFollowedToItsEnd(TestLab lab) throws Exception {
    postedPlanFollowedToItsEnd(lab, false);
  }

  /**
   * As above, paused through the API while dpkg is held mid-install (so that the run cannot end
   * before the executing herd takes the request), then resumed through the API to its end.
   */
  @Test
  @PristineHosts({3})
  void aRunPausedAndResumedThroughTheApiEndsWell(TestLab lab) throws Exception {
    postedPlanFollowedToItsEnd(lab, true);
  }

  private void postedPlanFollowedToItsEnd(TestLab lab, boolean pause) throws Exception {
    LabHost host = lab.host(3);
    try {
      lab.sh(host, "apt-get install -y -q herd-lab-service >/dev/null 2>&1");
      lab.lab().suite(lab.name(), Suite.NEW);
      lab.sh(host, "apt-get update -q >/dev/null");
      if (pause) {
        LabDpkg.installHook(lab, host);
        LabDpkg.hold(lab, host);
      }
      CliRunner.Result planned =
          new CliRunner(dir, env())
              .run(
                  "--inventory",
                  lab.inventory().toString(),
                  "plan",
                  host.name(),
                  "-o",
                  "plan.json");
      assertThat(planned.exitCode()).as(planned.out() + planned.err()).isZero();
      try (ServeProcess serve =
          ServeProcess.start(dir, env(), lab.inventory(), "lab-operator", TOKEN)) {
        follow(lab, host, serve, pause);
      }
    } finally {
      LabDpkg.removeHook(lab, host);
      lab.lab().suite(lab.name(), Suite.OLD);
    }
  }

  private void follow(TestLab lab, LabHost host, ServeProcess serve, boolean pause)
      throws Exception {
    String url = serve.url();
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> started =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/api/v1/runs"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofFile(dir.resolve("plan.json")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String run = JSON.readTree(started.body()).get("run").asText();
    if (pause) {
      pauseAndResume(lab, host, http, url, run);
    }

    List<String> seen = new ArrayList<>();
    try (SseReader events =
        new SseReader(
            HttpClient.newHttpClient(), url + "/api/v1/runs/" + run + "/events", null, 120)) {
      while (true) {
        SseReader.Event event;
        try {
          event = events.next();
        } catch (AssertionError e) {
          String detail =
              http.send(
                      HttpRequest.newBuilder(URI.create(url + "/api/v1/runs/" + run)).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body();
          throw new AssertionError(
              e.getMessage()
                  + "; events:\n"
                  + String.join("\n", seen)
                  + "\nherd serve said:\n"
                  + serve.said()
                  + "\nthe run:\n"
                  + detail
                  + "\non the host:\n"
                  + lab.run(host, "ps -ef | grep -v ']$'; ls -la /run/herd* /etc/dpkg/dpkg.cfg.d/")
                      .stdout(),
              e);
        }
        JsonNode data = JSON.readTree(event.data());
        seen.add(event.type() + " " + data.path("step").asText(data.path("state").asText()));
        if (event.type().equals("runState") && terminal(data.get("state").asText())) {
          assertThat(data.get("state").asText()).as(String.join("\n", seen)).isEqualTo("SUCCEEDED");
          break;
        }
      }
    }
    assertThat(seen).contains("stepFinished install", "hostFinished SUCCEEDED");

    JsonNode detail =
        JSON.readTree(
            http.send(
                    HttpRequest.newBuilder(URI.create(url + "/api/v1/runs/" + run)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    assertThat(detail.get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(detail.get("actions").get(0).get("action").asText()).isEqualTo("START");
    assertThat(detail.get("actions").get(0).get("by").asText()).isEqualTo("lab-operator");
    if (pause) {
      assertThat(detail.get("actions"))
          .extracting(a -> a.get("action").asText())
          .containsExactly("START", "PAUSE", "RESUME");
    }
    assertThat(lab.sh(host, "dpkg-query -W -f '${Version}' herd-lab-service").strip())
        .isEqualTo("1.0-2");
  }

  private static boolean terminal(String state) {
    return List.of("SUCCEEDED", "FAILED", "ABORTED").contains(state);
  }

  /**
   * Pauses the run once its install holds dpkg, waits until the executing herd took the request
   * (the run's detail says when), lets dpkg end, follows the run to PAUSED, and resumes it.
   */
  private void pauseAndResume(TestLab lab, LabHost host, HttpClient http, String url, String run)
      throws Exception {
    LabDpkg.awaitHeld(lab, host);
    HttpResponse<String> paused = post(http, url + "/api/v1/runs/" + run + "/pause");
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    JsonNode pauseAction = null;
    for (int i = 0; i < 600 && pauseAction == null; i++) {
      JsonNode actions =
          JSON.readTree(
                  http.send(
                          HttpRequest.newBuilder(URI.create(url + "/api/v1/runs/" + run)).build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body())
              .get("actions");
      for (JsonNode action : actions) {
        if (action.get("action").asText().equals("PAUSE") && !action.get("handled").isNull()) {
          pauseAction = action;
        }
      }
      if (pauseAction == null) {
        Thread.sleep(100);
      }
    }
    assertThat(pauseAction).as("the executing herd took the pause request").isNotNull();
    LabDpkg.release(lab, host);
    try (SseReader events =
        new SseReader(http, url + "/api/v1/runs/" + run + "/events", null, 120)) {
      while (true) {
        SseReader.Event event = events.next();
        if (event.type().equals("runState")) {
          String state = JSON.readTree(event.data()).get("state").asText();
          if (!state.equals("RUNNING")) {
            assertThat(state).isEqualTo("PAUSED");
            break;
          }
        }
      }
    }
    HttpResponse<String> resumed = post(http, url + "/api/v1/runs/" + run + "/resume");
    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
  }

  private static HttpResponse<String> post(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
