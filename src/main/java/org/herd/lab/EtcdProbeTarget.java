package org.herd.lab;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes to an etcd cluster through etcd's v3 HTTP/JSON gateway ({@code POST /v3/kv/put}, key and
 * value in base64), failing over across the members as etcd's own client does: it keeps to the
 * member that answered last and, when that one does not answer, tries the others in turn before the
 * write counts as failed.
 */
final class EtcdProbeTarget implements ProbeTarget {

  /** The key every write puts; its value is the write's sequence number. */
  static final String KEY = "herd-probe";

  private static final Duration CONNECT = Duration.ofMillis(500);
  private static final Duration ANSWER = Duration.ofSeconds(2);

  private final List<LabHost> members;
  private final HttpClient client;
  private int current;

  EtcdProbeTarget(List<LabHost> members) {
    this.members = new ArrayList<>(members);
    this.client = HttpClient.newBuilder().connectTimeout(CONNECT).build();
  }

  @Override
  public String write(long sequence) throws Exception {
    String body = body(sequence);
    List<String> refusals = new ArrayList<>();
    for (int tried = 0; tried < members.size(); tried++) {
      LabHost member = members.get((current + tried) % members.size());
      try {
        String answer = put(member, body);
        if (answer == null) {
          current = (current + tried) % members.size();
          return member.name();
        }
        refusals.add(member.name() + ": " + answer);
      } catch (java.io.IOException e) {
        refusals.add(member.name() + ": " + WriteProbe.reason(e));
      }
    }
    current = (current + 1) % members.size();
    throw new java.io.IOException("no member took the write (" + String.join("; ", refusals) + ")");
  }

  /** Puts {@code body} on {@code member}; null when it acknowledged, else its refusal. */
  private String put(LabHost member, String body) throws java.io.IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + member.address() + ":2379/v3/kv/put"))
            .timeout(ANSWER)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 200 && response.body().contains("\"header\"")) {
      return null;
    }
    return "HTTP " + response.statusCode() + " " + response.body().strip();
  }

  /** The JSON body of the put of {@code sequence}. */
  static String body(long sequence) {
    return "{\"key\":\""
        + base64(KEY)
        + "\",\"value\":\""
        + base64(Long.toString(sequence))
        + "\"}";
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String describe() {
    return "etcd at "
        + members.stream().map(m -> m.address() + ":2379").collect(Collectors.joining(", "))
        + " (v3 HTTP gateway, failover across members)";
  }

  @Override
  public void close() {
    // The HTTP client holds no connection that outlives a request worth closing on Java 17.
  }
}
