package org.herd.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the {@code ssh} binary printed when it could not connect, and names the failure. */
final class OpenSshErrors {
  private static final Pattern OFFERED =
      Pattern.compile(
          "The fingerprint for the (\\S+) key sent by the remote host is\\s+(\\S+?)\\.?\\s");
  private static final Pattern OFFENDING = Pattern.compile("Offending (\\S+) key in (.+):(\\d+)");
  private static final Pattern NOT_KNOWN = Pattern.compile("No (\\S+) host key is known for");

  private OpenSshErrors() {}

  /**
   * The failure {@code ssh} reported on stderr when it exited with 255 before running anything.
   *
   * @param host the endpoint name
   * @param address {@code host:port} as ssh resolved it, for messages
   * @param timeout the connect timeout in force
   * @param knownHosts the known_hosts files ssh used, for messages
   */
  static TransportException classify(
      String host, String address, String stderr, Duration timeout, List<Path> knownHosts) {
    if (stderr.contains("REMOTE HOST IDENTIFICATION HAS CHANGED")) {
      Matcher offered = OFFERED.matcher(stderr);
      Matcher offending = OFFENDING.matcher(stderr);
      boolean hasOffered = offered.find();
      boolean hasOffending = offending.find();
      return new TransportException.HostKeyChanged(
          host,
          hasOffered ? offered.group(1) : "?",
          hasOffered ? offered.group(2) : "?",
          hasOffending ? offending.group(1) : "?",
          hasOffending ? Path.of(offending.group(2)) : Path.of("known_hosts"),
          hasOffending ? Integer.parseInt(offending.group(3)) : 0);
    }
    if (stderr.contains("Host key verification failed")) {
      Matcher notKnown = NOT_KNOWN.matcher(stderr);
      return new TransportException.UnknownHostKey(
          host, notKnown.find() ? notKnown.group(1) : null, null, knownHosts);
    }
    if (stderr.contains("Connection refused")) {
      return new TransportException.ConnectionRefused(host, address, null);
    }
    if (stderr.contains("timed out") || stderr.contains("Operation timed out")) {
      return new TransportException.ConnectTimedOut(host, address, timeout, null);
    }
    if (stderr.contains("Permission denied")) {
      return new TransportException.AuthFailed(host, userOf(stderr), lastLine(stderr), null);
    }
    if (stderr.contains("Could not resolve hostname")) {
      return new TransportException.Failed(host, "could not resolve host", lastLine(stderr), null);
    }
    if (stderr.contains("No route to host")) {
      return new TransportException.Failed(host, "no route to host", lastLine(stderr), null);
    }
    if (stderr.contains("Connection closed") || stderr.contains("Connection reset")) {
      return new TransportException.Disconnected(host, lastLine(stderr), null, null);
    }
    String last = lastLine(stderr);
    return new TransportException.Failed(
        host, "ssh failed", last.isEmpty() ? "ssh exited with 255" : last, null);
  }

  private static String userOf(String stderr) {
    int denied = stderr.indexOf(": Permission denied");
    if (denied < 0) {
      return "the login user";
    }
    int lineStart = stderr.lastIndexOf('\n', denied) + 1;
    String who = stderr.substring(lineStart, denied);
    int at = who.lastIndexOf('@');
    return at < 0 ? who : who.substring(0, at);
  }

  static String lastLine(String text) {
    String stripped = text.strip();
    int newline = stripped.lastIndexOf('\n');
    return newline < 0 ? stripped : stripped.substring(newline + 1).strip();
  }
}
