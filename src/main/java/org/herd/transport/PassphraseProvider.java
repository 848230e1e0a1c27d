package org.herd.transport;

import java.nio.file.Path;

/**
 * Asks the operator for the passphrase of an encrypted private key. The CLI implements it with the
 * terminal; the ssh transport asks at most once per key file and remembers the answer for the life
 * of the transport.
 */
@FunctionalInterface
public interface PassphraseProvider {

  /** A provider that knows no passphrase: encrypted keys are skipped. */
  PassphraseProvider NONE = keyFile -> null;

  /**
   * The passphrase of a key file.
   *
   * @param keyFile the encrypted private key
   * @return the passphrase, or null to skip this key
   */
  char[] passphrase(Path keyFile);
}
