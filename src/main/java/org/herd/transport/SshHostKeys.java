package org.herd.transport;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strict host-key checking for the {@code ssh} transport (MINA's default verifier accepts every
 * key, so this replaces it).
 *
 * <ul>
 *   <li>A recorded key is accepted; a {@code @revoked} one is refused.
 *   <li>An unknown host is refused, unless the host's policy (ssh_config {@code
 *       StrictHostKeyChecking accept-new}) or {@link TransportOptions#acceptNewHostKeys()} says
 *       accept-new: then its key is appended to the first UserKnownHostsFile and accepted.
 *   <li>A host whose recorded key differs (same type, or only other types recorded) is always
 *       refused, with the recorded line in the message.
 * </ul>
 *
 * <p>As OpenSSH does, it also asks the server first for the key types already recorded for the host
 * (by reordering the key-exchange proposal), so a host that has several keys presents the one
 * known_hosts has.
 *
 * <p>Why a connection was refused is stored on the session ({@link #FAILURE}), for the transport to
 * report instead of MINA's generic "server key did not validate".
 */
final class SshHostKeys implements ServerKeyVerifier, SessionListener {
  private static final Logger log = LoggerFactory.getLogger(SshHostKeys.class);

  // Why a session's key was refused (MINA clears session attributes when it closes the session).
  private final Map<ClientSession, TransportException> failures =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private final SessionSettings settings;
  private final KnownHosts knownHosts;
  private final boolean acceptNew;

  SshHostKeys(SessionSettings settings, KnownHosts knownHosts, boolean acceptNew) {
    this.settings = settings;
    this.knownHosts = knownHosts;
    this.acceptNew = acceptNew;
  }

  @Override
  public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
    HostSettings host = settings.of(session);
    String[] entry = PublicKeyEntry.toString(key).split(" ");
    String type = entry[0];
    String blob = entry[1];
    String fingerprint = KeyUtils.getFingerPrint(key);
    List<Path> files = files(host);
    try {
      KnownHosts.Verdict verdict =
          knownHosts.check(files, host.knownHostsName(), host.port(), type, blob);
      if (verdict instanceof KnownHosts.Verdict.Known) {
        return true;
      }
      if (verdict instanceof KnownHosts.Verdict.Changed changed) {
        return refuse(
            session,
            new TransportException.HostKeyChanged(
                host.alias(),
                type,
                fingerprint,
                changed.recorded().keyType(),
                changed.recorded().file(),
                changed.recorded().line()));
      }
      if (verdict instanceof KnownHosts.Verdict.Revoked revoked) {
        return refuse(
            session,
            new TransportException.Failed(
                host.alias(),
                "host key revoked",
                "the "
                    + type
                    + " host key "
                    + fingerprint
                    + " is marked @revoked in "
                    + revoked.entry().file()
                    + ":"
                    + revoked.entry().line(),
                null));
      }
      if (acceptNew || host.hostKeyPolicy() == HostSettings.HostKeyPolicy.ACCEPT_NEW) {
        Path file = host.userKnownHostsFiles().get(0);
        knownHosts.record(
            file, host.knownHostsName(), host.port(), type, blob, host.hashKnownHosts());
        log.info("{}: recorded new {} host key {} in {}", host.alias(), type, fingerprint, file);
        return true;
      }
      return refuse(
          session, new TransportException.UnknownHostKey(host.alias(), type, fingerprint, files));
    } catch (IOException e) {
      return refuse(
          session,
          new TransportException.Failed(
              host.alias(), "cannot read known_hosts", e.getMessage(), e));
    }
  }

  /** Why the key of {@code session} was refused, or null; forgets it. */
  TransportException failure(ClientSession session) {
    return failures.remove(session);
  }

  private boolean refuse(ClientSession session, TransportException why) {
    failures.put(session, why);
    log.debug("{}", why.getMessage());
    return false;
  }

  private static List<Path> files(HostSettings host) {
    List<Path> files = new ArrayList<>(host.userKnownHostsFiles());
    files.addAll(host.globalKnownHostsFiles());
    return files;
  }

  @Override
  public void sessionNegotiationOptionsCreated(
      Session session, Map<KexProposalOption, String> proposal) {
    if (!(session instanceof ClientSession)) {
      return;
    }
    HostSettings host = settings.of(session);
    List<String> recorded;
    try {
      recorded = knownHosts.recordedKeyTypes(files(host), host.knownHostsName(), host.port());
    } catch (IOException e) {
      return;
    }
    String offered = proposal.get(KexProposalOption.SERVERKEYS);
    if (recorded.isEmpty() || offered == null) {
      return;
    }
    List<String> first = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (String algorithm : offered.split(",")) {
      (recorded.stream().anyMatch(type -> signs(type, algorithm)) ? first : rest).add(algorithm);
    }
    first.addAll(rest);
    proposal.put(KexProposalOption.SERVERKEYS, String.join(",", first));
  }

  /** Whether a host key of {@code keyType} can produce signatures of {@code algorithm}. */
  private static boolean signs(String keyType, String algorithm) {
    if (keyType.equals("ssh-rsa")) {
      return algorithm.equals("ssh-rsa") || algorithm.startsWith("rsa-sha2-");
    }
    return algorithm.equals(keyType);
  }
}
