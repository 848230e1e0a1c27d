package org.herd.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.herd.cli.CliRunner;
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
    LabHost host = lab.host(3);
    Process server = null;
    try {
      lab.sh(host, "apt-get install -y -q herd-lab-service >/dev/null 2>&1");
      lab.lab().suite(lab.name(), Suite.NEW);
      lab.sh(host, "apt-get update -q >/dev/null");
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
      Path tokens = dir.resolve("tokens");
      Files.writeString(tokens, "lab-operator " + TOKEN + "\n");
      Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-------"));

      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  Path.of("target/herd.jar").toAbsolutePath().toString(),
                  "--inventory",
                  lab.inventory().toString(),
                  "serve",
                  "--listen",
                  "127.0.0.1:0",
                  "--tokens",
                  tokens.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
      builder.environment().putAll(env());
      server = builder.start();
      String line = readLine(server.getErrorStream());
      assertThat(line).startsWith("herd: serving on http://127.0.0.1:");
      String url = line.substring("herd: serving on ".length());
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

      List<String> seen = new ArrayList<>();
      try (SseReader events =
          new SseReader(http, url + "/api/v1/runs/" + run + "/events", null, 300)) {
        while (true) {
          SseReader.Event event = events.next();
          JsonNode data = JSON.readTree(event.data());
          seen.add(event.type() + " " + data.path("step").asText(data.path("state").asText()));
          if (event.type().equals("runState") && !data.get("state").asText().equals("RUNNING")) {
            assertThat(data.get("state").asText())
                .as(String.join("\n", seen))
                .isEqualTo("SUCCEEDED");
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
      assertThat(lab.sh(host, "dpkg-query -W -f '${Version}' herd-lab-service").strip())
          .isEqualTo("1.0-2");
    } finally {
      if (server != null) {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
          server.destroyForcibly();
        }
      }
      lab.lab().suite(lab.name(), Suite.OLD);
    }
  }

  private static String readLine(InputStream in) throws Exception {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
      line.append((char) c);
    }
    return new String(
        line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
