package org.herd.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.herd.text.PortNumber;

/**
 * Where {@code herd serve} listens: {@code ADDR:PORT}, {@code [IPv6]:PORT}. Only a loopback address
 * may be served without TLS: reads are open to whoever reaches the listener.
 *
 * @param host the address as given (brackets removed)
 * @param port 0 (any free port, for tests) to 65535
 */
public record ListenAddress(String host, int port) {

  /** Where herd serve listens unless told: loopback, so that only this machine reads. */
  public static final ListenAddress DEFAULT = new ListenAddress("127.0.0.1", 8080);

  /**
   * Parses {@code ADDR:PORT}.
   *
   * @throws IllegalArgumentException with a one-line reason
   */
  public static ListenAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(
          "--listen " + text + ": expected ADDR:PORT (127.0.0.1:8080, [::1]:8080)");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException(
          "--listen " + text + ": write an IPv6 address in brackets ([::1]:8080)");
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("--listen " + text + ": no address");
    }
    String portText = text.substring(colon + 1);
    int port;
    if (portText.equals("0")) {
      port = 0;
    } else {
      port =
          PortNumber.parse(portText)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--listen " + text + ": not a port number: " + portText));
    }
    return new ListenAddress(host, port);
  }

  /**
   * Whether the address is this machine's loopback.
   *
   * @throws IllegalArgumentException when the name does not resolve
   */
  public boolean loopback() {
    try {
      InetAddress[] all = InetAddress.getAllByName(host);
      for (InetAddress address : all) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--listen " + host + ": unknown address");
    }
  }

  /** {@code ADDR:PORT}, IPv6 in brackets. */
  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
