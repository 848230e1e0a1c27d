package org.herd.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the {@code ssh} transport uses to reach one host: the endpoint's own values and ssh options,
 * then ssh_config, applied to an alias.
 *
 * @param alias the name the host was asked for (the endpoint name, or a ProxyJump hop)
 * @param hostName the address to connect to
 * @param port the TCP port
 * @param user the login user
 * @param identityFiles private keys to offer, in order (missing files are skipped)
 * @param identitiesOnly offer only {@code identityFiles}, not the agent's other keys
 * @param proxyJump the {@code ProxyJump} value, or null
 * @param proxyCommand the {@code ProxyCommand} with its tokens expanded, or null
 * @param connectTimeout the TCP connect and key-exchange deadline
 * @param serverAliveInterval keep-alive interval, zero for none
 * @param serverAliveCountMax unanswered keep-alives before the connection is declared dead
 * @param userKnownHostsFiles known_hosts files that are read and where new keys are recorded (the
 *     first one)
 * @param globalKnownHostsFiles system known_hosts files, read only
 * @param hostKeyPolicy what to do with an unknown host key
 * @param hashKnownHosts whether recorded host names are hashed
 * @param identityAgent the agent socket, or null for none
 * @param hostKeyAlias the name to look up in known_hosts instead of the host name, or null
 * @param algorithms the algorithm lists asked for ({@code KexAlgorithms}, {@code Ciphers}, …)
 */
record HostSettings(
    String alias,
    String hostName,
    int port,
    String user,
    List<Path> identityFiles,
    boolean identitiesOnly,
    String proxyJump,
    String proxyCommand,
    Duration connectTimeout,
    Duration serverAliveInterval,
    int serverAliveCountMax,
    List<Path> userKnownHostsFiles,
    List<Path> globalKnownHostsFiles,
    HostKeyPolicy hostKeyPolicy,
    boolean hashKnownHosts,
    Path identityAgent,
    String hostKeyAlias,
    Algorithms algorithms) {

  /**
   * The algorithm lists of ssh_config, each null for MINA's defaults, in OpenSSH's syntax ({@link
   * AlgorithmPreferences}).
   *
   * @param kex {@code KexAlgorithms}
   * @param ciphers {@code Ciphers}
   * @param macs {@code MACs}
   * @param hostKeys {@code HostKeyAlgorithms}
   * @param publicKeys {@code PubkeyAcceptedAlgorithms} (only {@code +list}: MINA's signatures are
   *     checked to have them, not changed)
   */
  record Algorithms(String kex, String ciphers, String macs, String hostKeys, String publicKeys) {}

  /** What herd does with a host key that known_hosts does not list. Changed keys are refused. */
  enum HostKeyPolicy {
    /** Refuse it ({@code StrictHostKeyChecking yes}, and {@code ask}, since herd never asks). */
    REFUSE,
    /** Record it and connect ({@code accept-new}; {@code no} is read the same way). */
    ACCEPT_NEW
  }

  HostSettings {
    identityFiles = List.copyOf(identityFiles);
    userKnownHostsFiles = List.copyOf(userKnownHostsFiles);
    globalKnownHostsFiles = List.copyOf(globalKnownHostsFiles);
  }

  /** A copy with another connect timeout (the endpoint's, which wins over ssh_config). */
  HostSettings withConnectTimeout(Duration value) {
    return new HostSettings(
        alias,
        hostName,
        port,
        user,
        identityFiles,
        identitiesOnly,
        proxyJump,
        proxyCommand,
        value,
        serverAliveInterval,
        serverAliveCountMax,
        userKnownHostsFiles,
        globalKnownHostsFiles,
        hostKeyPolicy,
        hashKnownHosts,
        identityAgent,
        hostKeyAlias,
        algorithms);
  }

  /** {@code host:port}, for messages. */
  String address() {
    return (hostName.contains(":") ? "[" + hostName + "]" : hostName) + ":" + port;
  }

  /** The name under which this host's key is looked up and recorded. */
  String knownHostsName() {
    return hostKeyAlias != null ? hostKeyAlias : hostName;
  }
}
