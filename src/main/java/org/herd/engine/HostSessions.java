package org.herd.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.herd.transport.Endpoint;
import org.herd.transport.Session;
import org.herd.transport.Transport;
import org.herd.transport.TransportException;

/**
 * One open session per host of a run, opened on first use and again after it was forgotten: the apt
 * steps share them, and a step that lost its connection forgets the host's session so that the next
 * step (or the next re-attach of an install) opens a fresh one.
 */
final class HostSessions implements AutoCloseable {

  private final Map<String, Endpoint> endpoints;
  private final Transport transport;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  HostSessions(Map<String, Endpoint> endpoints, Transport transport) {
    this.endpoints = Map.copyOf(endpoints);
    this.transport = transport;
  }

  /** The host's open session, opening one when it has none (or its last one closed). */
  Session session(String host) throws TransportException, InterruptedException {
    Session session = sessions.get(host);
    if (session != null && session.isOpen()) {
      return session;
    }
    Endpoint endpoint = endpoints.get(host);
    if (endpoint == null) {
      throw new IllegalArgumentException("no endpoint for host " + host);
    }
    Session opened = transport.open(endpoint);
    Session previous = sessions.put(host, opened);
    if (previous != null) {
      previous.close();
    }
    return opened;
  }

  /** Closes the host's session, if any: the next {@link #session} opens a new one. */
  void forget(String host) {
    Session session = sessions.remove(host);
    if (session != null) {
      session.close();
    }
  }

  @Override
  public void close() {
    sessions.values().forEach(Session::close);
    sessions.clear();
  }
}
