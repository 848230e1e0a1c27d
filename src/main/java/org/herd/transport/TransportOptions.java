package org.herd.transport;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Process-wide settings of a {@link Transport}: what the CLI learns once (options, environment,
 * passwords asked once) and every session shares. Per-host settings live in {@link Endpoint}.
 *
 * @param sshConfig the default OpenSSH client config, or null for {@code ~/.ssh/config} (read only
 *     when it exists)
 * @param home the user's home directory, for {@code ~} in ssh_config and the default key files
 * @param environment the process environment ({@code SSH_AUTH_SOCK}, {@code USER}); injected so
 *     tests never depend on the real one
 * @param acceptNewHostKeys record unknown host keys instead of refusing them (as {@code
 *     StrictHostKeyChecking=accept-new}); changed keys are refused regardless
 * @param passphrases asked for the passphrase of encrypted keys, at most once per key
 * @param becomePassword the sudo password asked once by {@code --ask-become-pass}, or null for
 *     NOPASSWD sudo; never logged
 * @param connectTimeout connect and handshake deadline when neither the endpoint nor ssh_config
 *     says
 * @param connectAttempts connection attempts per host before giving up (at least 1); only errors
 *     that may be transient (refused, timeout, reset) are retried
 * @param maxConcurrentHandshakes how many SSH handshakes may be in flight at once
 * @param keepAliveInterval how often to probe an idle connection when ssh_config sets no {@code
 *     ServerAliveInterval}; zero disables keep-alives
 * @param clock the clock that measures command durations
 */
public record TransportOptions(
    Path sshConfig,
    Path home,
    Map<String, String> environment,
    boolean acceptNewHostKeys,
    PassphraseProvider passphrases,
    char[] becomePassword,
    Duration connectTimeout,
    int connectAttempts,
    int maxConcurrentHandshakes,
    Duration keepAliveInterval,
    Clock clock) {

  /** Validates the fields and freezes the environment. */
  public TransportOptions {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(passphrases, "passphrases");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
    Objects.requireNonNull(clock, "clock");
    environment = Map.copyOf(environment);
    if (connectAttempts < 1) {
      throw new IllegalArgumentException("connectAttempts must be at least 1: " + connectAttempts);
    }
    if (maxConcurrentHandshakes < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentHandshakes must be at least 1: " + maxConcurrentHandshakes);
    }
  }

  /**
   * Defaults for the current user: {@code ~/.ssh/config}, refuse unknown host keys, NOPASSWD sudo,
   * 10 s connect timeout, 3 attempts, 64 handshakes in flight, keep-alive every 30 s.
   */
  public static TransportOptions defaults(Path home, Map<String, String> environment) {
    return new TransportOptions(
        null,
        home,
        environment,
        false,
        PassphraseProvider.NONE,
        null,
        Duration.ofSeconds(10),
        3,
        64,
        Duration.ofSeconds(30),
        Clock.systemUTC());
  }

  /** A copy with another default ssh_config. */
  public TransportOptions withSshConfig(Path value) {
    return new TransportOptions(
        value,
        home,
        environment,
        acceptNewHostKeys,
        passphrases,
        becomePassword,
        connectTimeout,
        connectAttempts,
        maxConcurrentHandshakes,
        keepAliveInterval,
        clock);
  }

  /** A copy that accepts (and records) unknown host keys. */
  public TransportOptions withAcceptNewHostKeys(boolean value) {
    return new TransportOptions(
        sshConfig,
        home,
        environment,
        value,
        passphrases,
        becomePassword,
        connectTimeout,
        connectAttempts,
        maxConcurrentHandshakes,
        keepAliveInterval,
        clock);
  }

  /** A copy with another passphrase provider. */
  public TransportOptions withPassphrases(PassphraseProvider value) {
    return new TransportOptions(
        sshConfig,
        home,
        environment,
        acceptNewHostKeys,
        value,
        becomePassword,
        connectTimeout,
        connectAttempts,
        maxConcurrentHandshakes,
        keepAliveInterval,
        clock);
  }

  /** A copy with a sudo password (null for NOPASSWD sudo). */
  public TransportOptions withBecomePassword(char[] value) {
    return new TransportOptions(
        sshConfig,
        home,
        environment,
        acceptNewHostKeys,
        passphrases,
        value,
        connectTimeout,
        connectAttempts,
        maxConcurrentHandshakes,
        keepAliveInterval,
        clock);
  }

  /** A copy with another default connect timeout. */
  public TransportOptions withConnectTimeout(Duration value) {
    return new TransportOptions(
        sshConfig,
        home,
        environment,
        acceptNewHostKeys,
        passphrases,
        becomePassword,
        value,
        connectAttempts,
        maxConcurrentHandshakes,
        keepAliveInterval,
        clock);
  }

  /** A copy with another number of connection attempts. */
  public TransportOptions withConnectAttempts(int value) {
    return new TransportOptions(
        sshConfig,
        home,
        environment,
        acceptNewHostKeys,
        passphrases,
        becomePassword,
        connectTimeout,
        value,
        maxConcurrentHandshakes,
        keepAliveInterval,
        clock);
  }

  /** A copy with another cap on handshakes in flight. */
  public TransportOptions withMaxConcurrentHandshakes(int value) {
    return new TransportOptions(
        sshConfig,
        home,
        environment,
        acceptNewHostKeys,
        passphrases,
        becomePassword,
        connectTimeout,
        connectAttempts,
        value,
        keepAliveInterval,
        clock);
  }

  /** A copy with another keep-alive interval. */
  public TransportOptions withKeepAliveInterval(Duration value) {
    return new TransportOptions(
        sshConfig,
        home,
        environment,
        acceptNewHostKeys,
        passphrases,
        becomePassword,
        connectTimeout,
        connectAttempts,
        maxConcurrentHandshakes,
        value,
        clock);
  }

  /** A copy with another clock. */
  public TransportOptions withClock(Clock value) {
    return new TransportOptions(
        sshConfig,
        home,
        environment,
        acceptNewHostKeys,
        passphrases,
        becomePassword,
        connectTimeout,
        connectAttempts,
        maxConcurrentHandshakes,
        keepAliveInterval,
        value);
  }

  /** Hides the become password. */
  @Override
  public String toString() {
    return "TransportOptions[sshConfig="
        + sshConfig
        + ", acceptNewHostKeys="
        + acceptNewHostKeys
        + ", becomePassword="
        + (becomePassword == null ? "none" : "***")
        + ", connectTimeout="
        + connectTimeout
        + ", connectAttempts="
        + connectAttempts
        + ", maxConcurrentHandshakes="
        + maxConcurrentHandshakes
        + ", keepAliveInterval="
        + keepAliveInterval
        + "]";
  }
}
