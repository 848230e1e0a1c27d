package org.herd.web;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client for tests: reads a stream's events on its own thread into a queue, as
 * a browser's EventSource would, and tells what arrived, or that nothing did within a bound.
 */
final class SseReader implements AutoCloseable {

  /** One event: its id, type and data. */
  record Event(String id, String type, String data) {}

  /** The most an event is waited for before a test fails: far beyond the 1 s target. */
  static final long WAIT_SECONDS = 30;

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final long waitSeconds;
  private final InputStream body;
  private final Thread thread;
  final int status;

  /** Opens {@code url}'s stream, sending {@code Last-Event-ID} when {@code lastEventId} is set. */
  SseReader(HttpClient client, String url, String lastEventId) throws Exception {
    this(client, url, lastEventId, WAIT_SECONDS);
  }

  /** As above, waiting up to {@code waitSeconds} for each event (a real run's steps). */
  SseReader(HttpClient client, String url, String lastEventId, long waitSeconds) throws Exception {
    this.waitSeconds = waitSeconds;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    status = response.statusCode();
    body = response.body();
    thread = new Thread(this::read, "sse-reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void read() {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String id = null;
      String type = "message";
      StringBuilder data = new StringBuilder();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(new Event(id, type, data.toString()));
          }
          type = "message";
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          type = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
    } catch (Exception e) {
      // Closed.
    }
  }

  /** The next event; fails the test when none comes in time. */
  Event next() throws InterruptedException {
    Event event = events.poll(waitSeconds, TimeUnit.SECONDS);
    if (event == null) {
      throw new AssertionError("no event within " + waitSeconds + " s");
    }
    return event;
  }

  /** The events up to and including the next of {@code type}. */
  java.util.List<Event> until(String type) throws InterruptedException {
    java.util.List<Event> seen = new java.util.ArrayList<>();
    for (Event e = next(); ; e = next()) {
      seen.add(e);
      if (e.type().equals(type)) {
        return seen;
      }
    }
  }

  @Override
  public void close() throws Exception {
    body.close();
    thread.interrupt();
  }
}
