package org.herd.transport;

import java.util.EnumMap;
import java.util.Map;

/**
 * One transport over hosts that are reached in different ways (an inventory may say {@code openssh}
 * for some hosts and {@code local} for one): each host goes to the transport of its kind, created
 * the first time it is needed.
 */
public final class RoutedTransport implements Transport {

  private final Map<String, TransportKind> kinds;
  private final TransportOptions options;
  private final Map<TransportKind, Transport> transports;
  private final boolean owner;

  /** Routes {@code kinds}' hosts (others go by ssh), creating each transport when first needed. */
  public RoutedTransport(Map<String, TransportKind> kinds, TransportOptions options) {
    this(kinds, options, new EnumMap<>(TransportKind.class), true);
  }

  private RoutedTransport(
      Map<String, TransportKind> kinds,
      TransportOptions options,
      Map<TransportKind, Transport> transports,
      boolean owner) {
    this.kinds = Map.copyOf(kinds);
    this.options = options;
    this.transports = transports;
    this.owner = owner;
  }

  /**
   * The same transports (their SSH client, keys and known hosts loaded once) for other hosts:
   * closing it leaves them open; closing this one closes them.
   */
  public RoutedTransport reroute(Map<String, TransportKind> kinds) {
    return new RoutedTransport(kinds, options, transports, false);
  }

  @Override
  public TransportKind kind() {
    return kinds.values().stream().findFirst().orElse(TransportKind.SSH);
  }

  @Override
  public Session open(Endpoint endpoint) throws TransportException, InterruptedException {
    return transport(kinds.getOrDefault(endpoint.name(), TransportKind.SSH)).open(endpoint);
  }

  private Transport transport(TransportKind kind) {
    synchronized (transports) {
      return transports.computeIfAbsent(kind, k -> k.create(options));
    }
  }

  @Override
  public void close() {
    if (!owner) {
      return;
    }
    synchronized (transports) {
      transports.values().forEach(Transport::close);
      transports.clear();
    }
  }
}
