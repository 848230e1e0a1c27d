package org.herd.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.herd.transport.CommandResult;
import org.herd.transport.Endpoint;
import org.herd.transport.ExecOptions;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.Transport;
import org.herd.transport.TransportException;

/**
 * The real {@link HostProbes}: commands over the transport (one session per host, reopened when it
 * dropped, as {@link AptStepActions} keeps them), TCP and HTTP probes from herd's machine. It does
 * not own the transport: closing the transport closes its sessions.
 */
public final class SessionProbes implements HostProbes {

  private final Transport transport;
  private final Map<String, Endpoint> endpoints;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** Probes through {@code transport}, reaching each host at its endpoint. */
  public SessionProbes(Transport transport, Map<String, Endpoint> endpoints) {
    this.transport = transport;
    this.endpoints = Map.copyOf(endpoints);
  }

  @Override
  public ProbeAnswer command(String host, String command, Duration timeout) {
    try {
      CommandResult result =
          session(host)
              .run(RemoteCommand.shell(command), ExecOptions.defaults().withTimeout(timeout));
      return new ProbeAnswer.Ran(result.exitCode(), result.stdoutText(), result.stderrText());
    } catch (TransportException e) {
      Session lost = sessions.remove(host);
      if (lost != null) {
        lost.close();
      }
      return new ProbeAnswer.Unreachable(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ProbeAnswer.Unreachable("interrupted");
    }
  }

  @Override
  public ProbeAnswer tcp(String address, Duration timeout) {
    int colon = address.lastIndexOf(':');
    String host = address.substring(0, colon).replaceAll("^\\[|]$", "");
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      return new ProbeAnswer.Ran(1, "", "not a port: " + address.substring(colon + 1));
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      return new ProbeAnswer.Ran(0, "", "");
    } catch (IOException e) {
      return new ProbeAnswer.Ran(1, "", String.valueOf(e.getMessage()));
    }
  }

  @Override
  public ProbeAnswer http(String url, Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return new ProbeAnswer.Ran(response.statusCode(), response.body(), "");
    } catch (IOException | IllegalArgumentException e) {
      return new ProbeAnswer.Unreachable(String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ProbeAnswer.Unreachable("interrupted");
    }
  }

  private Session session(String host) throws TransportException, InterruptedException {
    Session session = sessions.get(host);
    if (session != null && session.isOpen()) {
      return session;
    }
    Endpoint endpoint = endpoints.getOrDefault(host, Endpoint.of(host));
    Session opened = transport.open(endpoint);
    sessions.put(host, opened);
    return opened;
  }
}
