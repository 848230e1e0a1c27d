package org.herd.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes to an etcd cluster through etcd's v3 HTTP/JSON gateway: each write puts its own key {@code
 * herd-probe/SEQUENCE} ({@code POST /v3/kv/put}, key and value in base64) on one member, so that
 * the keys read back at the end ({@code POST /v3/kv/range} over the prefix) tell whether an
 * acknowledged write was lost.
 */
final class EtcdProbeTarget implements ProbeTarget {

  /** The prefix of every key the probe puts. */
  static final String PREFIX = "herd-probe/";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, LabHost> members = new LinkedHashMap<>();
  private final HttpClient client;

  EtcdProbeTarget(List<LabHost> members) {
    members.forEach(m -> this.members.put(m.name(), m));
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  }

  @Override
  public List<String> members() {
    return List.copyOf(members.keySet());
  }

  @Override
  public void write(String member, long sequence, Duration timeout) throws Exception {
    HttpResponse<String> response = post(members.get(member), "put", body(sequence), timeout);
    if (response.statusCode() != 200 || !response.body().contains("\"header\"")) {
      throw new IOException("HTTP " + response.statusCode() + " " + response.body().strip());
    }
  }

  @Override
  public Set<Long> stored(Duration timeout) throws Exception {
    IOException last = new IOException("no members");
    for (LabHost member : members.values()) {
      try {
        HttpResponse<String> response = post(member, "range", rangeBody(), timeout);
        if (response.statusCode() == 200) {
          return sequences(response.body());
        }
        last = new IOException(member.name() + ": HTTP " + response.statusCode());
      } catch (IOException e) {
        last = e;
      }
    }
    throw last;
  }

  private HttpResponse<String> post(LabHost member, String verb, String body, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + member.address() + ":2379/v3/kv/" + verb))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The JSON body of the put of {@code sequence}: its own key, the sequence as the value. */
  static String body(long sequence) {
    return "{\"key\":\""
        + base64(PREFIX + sequence)
        + "\",\"value\":\""
        + base64(Long.toString(sequence))
        + "\"}";
  }

  /** A range over every key of the prefix, keys only. */
  static String rangeBody() {
    String end =
        PREFIX.substring(0, PREFIX.length() - 1) + (char) (PREFIX.charAt(PREFIX.length() - 1) + 1);
    return "{\"key\":\""
        + base64(PREFIX)
        + "\",\"range_end\":\""
        + base64(end)
        + "\",\"keys_only\":true}";
  }

  /** The sequence numbers named by the keys of a range answer. */
  static Set<Long> sequences(String rangeAnswer) throws IOException {
    Set<Long> found = new TreeSet<>();
    JsonNode kvs = JSON.readTree(rangeAnswer).path("kvs");
    for (JsonNode kv : kvs) {
      String key =
          new String(Base64.getDecoder().decode(kv.path("key").asText()), StandardCharsets.UTF_8);
      if (key.startsWith(PREFIX)) {
        found.add(Long.parseLong(key.substring(PREFIX.length())));
      }
    }
    return found;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String describe() {
    return "etcd at "
        + members.values().stream()
            .map(m -> m.address() + ":2379")
            .collect(Collectors.joining(", "))
        + " (v3 HTTP gateway)";
  }

  @Override
  public void close() {
    // The HTTP client holds no connection that outlives a request worth closing on Java 17.
  }
}
