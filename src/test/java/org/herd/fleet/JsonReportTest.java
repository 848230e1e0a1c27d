package org.herd.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

  private static JsonNode write(HostResult... hosts) throws Exception {
    StringWriter out = new StringWriter();
    JsonReport.write(out, "uname -r", new FleetResult(List.of(hosts), false));
    assertThat(out.toString()).endsWith("\n").doesNotContain("\n{");
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void completedHostsHaveTheirExitCodeAndOutput() throws Exception {
    JsonNode json = write(Results.exited("n1", 0, "6.1.0\nsecond", "warn"));
    assertThat(json.get("command").asText()).isEqualTo("uname -r");
    assertThat(json.get("interrupted").asBoolean()).isFalse();
    JsonNode host = json.get("hosts").get(0);
    assertThat(host.get("outcome").asText()).isEqualTo("ok");
    assertThat(host.get("exitCode").asInt()).isZero();
    assertThat(host.get("stdout").asText()).isEqualTo("6.1.0\nsecond\n");
    assertThat(host.get("stderr").asText()).isEqualTo("warn\n");
    assertThat(host.get("durationMs").asLong()).isEqualTo(5);
    assertThat(host.has("reason")).isFalse();
    assertThat(host.has("truncated")).isFalse();
  }

  @Test
  void hostsThatDidNotCompleteHaveANullExitCodeAndAReason() throws Exception {
    JsonNode host =
        write(Results.ended("n4", new HostOutcome.Unreachable("connection refused")))
            .get("hosts")
            .get(0);
    assertThat(host.get("outcome").asText()).isEqualTo("unreachable");
    assertThat(host.get("exitCode").isNull()).isTrue();
    assertThat(host.get("reason").asText()).isEqualTo("connection refused");
  }

  @Test
  void binaryOutputIsBase64() throws Exception {
    byte[] binary = {(byte) 0xff, 0, (byte) 0xfe};
    HostResult result =
        new HostResult(
            "n1",
            new HostOutcome.Ok(),
            List.of(new OutputLine(StreamKind.STDOUT, binary)),
            true,
            Duration.ZERO);
    JsonNode host = write(result).get("hosts").get(0);
    assertThat(host.has("stdout")).isFalse();
    assertThat(Base64.getDecoder().decode(host.get("stdoutBase64").asText()))
        .containsExactly((byte) 0xff, 0, (byte) 0xfe, '\n');
    assertThat(host.get("truncated").asBoolean()).isTrue();
  }
}
