package org.herd.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private keys the {@code ssh} transport offers: each session's IdentityFiles, loaded once per
 * file for the life of the transport (a thousand hosts sharing a key decrypt it once), with the
 * passphrase of an encrypted key asked once through the {@link PassphraseProvider}.
 */
final class SshIdentities implements KeyIdentityProvider {
  private static final Logger log = LoggerFactory.getLogger(SshIdentities.class);

  private final SessionSettings settings;
  private final PassphraseProvider passphrases;
  private final Map<Path, List<KeyPair>> loaded = new ConcurrentHashMap<>();

  SshIdentities(SessionSettings settings, PassphraseProvider passphrases) {
    this.settings = settings;
    this.passphrases = passphrases;
  }

  @Override
  public Iterable<KeyPair> loadKeys(SessionContext session) {
    HostSettings host = settings.of((org.apache.sshd.common.session.Session) session);
    List<KeyPair> keys = new ArrayList<>();
    for (Path file : host.identityFiles()) {
      keys.addAll(load(file));
    }
    return keys;
  }

  /** The public keys of a host's identity files ({@code .pub} next to them, or the loaded key). */
  List<PublicKey> publicKeys(HostSettings host) {
    List<PublicKey> keys = new ArrayList<>();
    for (Path file : host.identityFiles()) {
      Path pub = Path.of(file + ".pub");
      try {
        if (Files.isReadable(pub)) {
          keys.add(
              PublicKeyEntry.parsePublicKeyEntry(Files.readString(pub).strip())
                  .resolvePublicKey(null, null, null));
          continue;
        }
      } catch (IOException | GeneralSecurityException | RuntimeException e) {
        log.debug("{}: {}", pub, e.toString());
      }
      load(file).forEach(pair -> keys.add(pair.getPublic()));
    }
    return keys;
  }

  /** Whether {@code key} is one of the host's identity files' keys. */
  boolean isIdentityFileKey(HostSettings host, PublicKey key) {
    return publicKeys(host).stream().anyMatch(known -> KeyUtils.compareKeys(known, key));
  }

  private List<KeyPair> load(Path file) {
    if (!Files.isReadable(file)) {
      return List.of();
    }
    return loaded.computeIfAbsent(file, this::read);
  }

  // Runs at most once per file (computeIfAbsent), so the passphrase is asked at most once.
  private List<KeyPair> read(Path file) {
    FilePasswordProvider asker =
        (session, resource, retry) -> {
          char[] secret = passphrases.passphrase(file);
          return secret == null ? null : new String(secret);
        };
    try (InputStream in = Files.newInputStream(file)) {
      List<KeyPair> pairs = new ArrayList<>();
      Iterable<KeyPair> read =
          SecurityUtils.loadKeyPairIdentities(null, new PathResource(file), in, asker);
      if (read != null) {
        read.forEach(pairs::add);
      }
      log.debug("{}: {} key(s) loaded", file, pairs.size());
      return List.copyOf(pairs);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      log.warn("cannot load the key {}: {}", file, e.getMessage());
      return List.of();
    }
  }
}
