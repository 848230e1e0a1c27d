package org.herd.transport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Why a host could not be reached or a command did not complete.
 *
 * <p>Every failure has a {@link #host()} (the endpoint's name) and a short, user-facing {@link
 * #reason()} ({@code connection refused}, {@code host key changed}, …) so the fleet layer can fold
 * hosts that failed for the same reason: {@code herd: n[4-6]: connection refused}. {@link
 * #getMessage()} is the long form with the details an operator needs to act (the known_hosts line
 * of a changed key, the authentication methods tried).
 *
 * <p>Failures after a command started ({@link CommandTimedOut}, {@link Disconnected}, {@link
 * Cancelled}) carry the output received so far, when there was a command.
 */
public abstract sealed class TransportException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final String reason;

  TransportException(String host, String reason, String message, Throwable cause) {
    super(host == null ? message : host + ": " + message, cause);
    this.host = host;
    this.reason = reason;
  }

  /** The endpoint's name, or null when not known. */
  public String host() {
    return host;
  }

  /** The short reason, the same for every host that failed this way. */
  public String reason() {
    return reason;
  }

  /** Wraps anything that is not already a transport exception, for {@link Execution#await()}. */
  static TransportException unwrap(Throwable cause, RemoteCommand command) {
    if (cause instanceof TransportException transport) {
      return transport;
    }
    return new Failed(null, "command failed", command + ": " + cause, cause);
  }

  /** Nothing listens on the port (TCP RST). */
  public static final class ConnectionRefused extends TransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the failure. */
    public ConnectionRefused(String host, String address, Throwable cause) {
      super(host, "connection refused", "connection refused by " + address, cause);
    }
  }

  /** No answer (TCP or SSH handshake) before the connect timeout. */
  public static final class ConnectTimedOut extends TransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the failure. */
    public ConnectTimedOut(String host, String address, Duration timeout, Throwable cause) {
      super(
          host,
          "connect timeout",
          "no answer from " + address + " within " + timeout.toMillis() + " ms",
          cause);
    }
  }

  /** The host key is not in known_hosts and accept-new is off. */
  public static final class UnknownHostKey extends TransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the failure; {@code keyType} and {@code fingerprint} may be null when unknown. */
    public UnknownHostKey(String host, String keyType, String fingerprint, List<Path> knownHosts) {
      super(
          host,
          "unknown host key",
          "unknown "
              + (keyType == null ? "" : keyType + " ")
              + "host key"
              + (fingerprint == null ? "" : " " + fingerprint)
              + " (not in "
              + knownHosts
              + "); verify it and add it to known_hosts, or use --accept-new-host-keys",
          null);
    }
  }

  /** The host presented a key that differs from the one recorded: refused, always. */
  public static final class HostKeyChanged extends TransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the failure. */
    public HostKeyChanged(
        String host,
        String offeredType,
        String offeredFingerprint,
        String knownType,
        Path knownHostsFile,
        int line) {
      super(
          host,
          "host key changed",
          "HOST KEY CHANGED: the host offered "
              + offeredType
              + " key "
              + offeredFingerprint
              + " but "
              + knownHostsFile
              + ":"
              + line
              + " records a different "
              + knownType
              + " key; this may be an attack. If the host was reinstalled, remove that line"
              + " (ssh-keygen -R) and connect again",
          null);
    }
  }

  /** The server rejected every authentication method herd could offer. */
  public static final class AuthFailed extends TransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the failure; {@code detail} lists what was tried. */
    public AuthFailed(String host, String user, String detail, Throwable cause) {
      super(
          host,
          "authentication failed",
          "authentication failed for " + user + ": " + detail,
          cause);
    }
  }

  /** The connection dropped while a command ran (or before it could start). */
  public static final class Disconnected extends TransportException {
    private static final long serialVersionUID = 1L;

    /** Its {@link #reason()}. */
    public static final String REASON = "connection lost";

    private final transient CommandResult partial;

    /** Creates the failure; {@code partial} is the output so far, or null. */
    public Disconnected(String host, String detail, CommandResult partial, Throwable cause) {
      super(host, REASON, REASON + ": " + detail, cause);
      this.partial = partial;
    }

    /** Output received before the connection dropped, or null. */
    public CommandResult partial() {
      return partial;
    }
  }

  /** The command ran past its timeout; its process group was killed. */
  public static final class CommandTimedOut extends TransportException {
    private static final long serialVersionUID = 1L;
    private final transient CommandResult partial;

    /** Creates the failure. */
    public CommandTimedOut(String host, Duration timeout, CommandResult partial) {
      super(
          host,
          "command timeout",
          "command killed after the " + timeout.toMillis() + " ms timeout",
          null);
      this.partial = partial;
    }

    /** Output received before the timeout, or null. */
    public CommandResult partial() {
      return partial;
    }
  }

  /** {@link Execution#cancel()} stopped the command. */
  public static final class Cancelled extends TransportException {
    private static final long serialVersionUID = 1L;
    private final transient CommandResult partial;

    /** Creates the failure. */
    public Cancelled(String host, CommandResult partial) {
      super(host, "cancelled", "command cancelled", null);
      this.partial = partial;
    }

    /** Output received before the command was cancelled, or null. */
    public CommandResult partial() {
      return partial;
    }
  }

  /** sudo refused: a password is required, or the one given was wrong. */
  public static final class BecomeFailed extends TransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the failure; {@code reason} is short (e.g. {@code sudo: a password is required}). */
    public BecomeFailed(String host, String reason, String detail) {
      super(host, reason, detail, null);
    }
  }

  /** A copy to or from the host failed. */
  public static final class CopyFailed extends TransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the failure; {@code detail} is the error of tar or of the file system. */
    public CopyFailed(String host, String detail, Throwable cause) {
      super(host, "copy failed", "copy failed: " + detail, cause);
    }
  }

  /** Any other failure to reach the host (name resolution, key exchange, local errors). */
  public static final class Failed extends TransportException {
    private static final long serialVersionUID = 1L;

    /** Creates the failure. */
    public Failed(String host, String reason, String detail, Throwable cause) {
      super(host, reason, detail, cause);
    }
  }
}
