package org.herd.fleet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * {@code herd run --json}: one object per command with one entry per host.
 *
 * <pre>{@code
 * {"command": "uptime", "interrupted": false, "hosts": [
 *   {"host": "n1", "outcome": "ok", "exitCode": 0, "stdout": "...", "stderr": "",
 *    "durationMs": 12},
 *   {"host": "n4", "outcome": "unreachable", "exitCode": null, "reason": "connection refused",
 *    "stdout": "", "stderr": "", "durationMs": 3}]}
 * }</pre>
 *
 * <p>{@code exitCode} is null when the command did not complete. Output that is not valid UTF-8 is
 * given as {@code stdoutBase64}/{@code stderrBase64} instead, so binary output survives. {@code
 * truncated} appears (true) only when output beyond the per-host cap was dropped.
 */
public final class JsonReport {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonReport() {}

  /** Writes the report of one command, followed by a newline. */
  public static void write(Writer target, String command, FleetResult result) {
    try (JsonGenerator json = FACTORY.createGenerator(target)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeStringField("command", command);
      json.writeBooleanField("interrupted", result.interrupted());
      json.writeArrayFieldStart("hosts");
      for (HostResult host : result.results()) {
        writeHost(json, host);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.flush();
      target.write(System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeHost(JsonGenerator json, HostResult host) throws IOException {
    HostOutcome outcome = host.outcome();
    json.writeStartObject();
    json.writeStringField("host", host.host());
    json.writeStringField("outcome", outcome.kind());
    if (outcome.completed()) {
      json.writeNumberField("exitCode", outcome.exitCode());
    } else {
      json.writeNullField("exitCode");
    }
    if (!(outcome instanceof HostOutcome.Ok)) {
      json.writeStringField("reason", outcome.describe());
    }
    writeStream(json, "stdout", host.lines(StreamKind.STDOUT));
    writeStream(json, "stderr", host.lines(StreamKind.STDERR));
    json.writeNumberField("durationMs", host.duration().toMillis());
    if (host.truncated()) {
      json.writeBooleanField("truncated", true);
    }
    json.writeEndObject();
  }

  private static void writeStream(JsonGenerator json, String name, List<OutputLine> lines)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (OutputLine line : lines) {
      bytes.write(line.bytes());
      bytes.write('\n');
    }
    byte[] raw = bytes.toByteArray();
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(raw))
              .toString();
      json.writeStringField(name, text);
    } catch (CharacterCodingException e) {
      json.writeStringField(name + "Base64", Base64.getEncoder().encodeToString(raw));
    }
  }
}
