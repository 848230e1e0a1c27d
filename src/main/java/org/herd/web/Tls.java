package org.herd.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The server's certificate and key, from PEM files as Debian operators have them (certbot's {@code
 * fullchain.pem} and {@code privkey.pem}, or their CA's): the certificate chain, and an unencrypted
 * PKCS#8, PKCS#1 (RSA) or SEC1 (EC) private key. Read with Bouncy Castle, which herd already ships
 * for SSH keys, into an in-memory key store for Jetty. Optionally, the certificates of the CA that
 * signs operators' client certificates: a client that shows one it signed may act as the
 * certificate's common name.
 *
 * @param certificate the chain file
 * @param key the private key file
 * @param clientCa the CA certificates that client certificates are checked against, or empty
 */
public record Tls(Path certificate, Path key, Optional<Path> clientCa) {

  /** A server certificate and key, without client certificates. */
  public Tls(Path certificate, Path key) {
    this(certificate, key, Optional.empty());
  }

  /** The alias and password of the in-memory key store (it never touches the disk). */
  static final String ALIAS = "herd";

  static final char[] PASSWORD = "herd-in-memory".toCharArray();

  /**
   * The key store Jetty serves from.
   *
   * @throws IllegalArgumentException with a one-line reason
   */
  public KeyStore keyStore() {
    List<X509Certificate> chain = certificates(certificate, "--tls-cert");
    PrivateKey privateKey = privateKey();
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, privateKey, PASSWORD, chain.toArray(Certificate[]::new));
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "--tls-key " + key + ": does not go with --tls-cert " + certificate + ": " + e);
    }
  }

  /**
   * The trust store of client certificates' CA, when there is one.
   *
   * @throws IllegalArgumentException with a one-line reason
   */
  public Optional<KeyStore> clientTrust() {
    if (clientCa.isEmpty()) {
      return Optional.empty();
    }
    List<X509Certificate> authorities = certificates(clientCa.get(), "--client-ca");
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < authorities.size(); i++) {
        store.setCertificateEntry("client-ca-" + i, authorities.get(i));
      }
      return Optional.of(store);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("--client-ca " + clientCa.get() + ": " + e.getMessage());
    }
  }

  /** The PEM certificates of {@code file}, given by {@code option}; at least one. */
  private static List<X509Certificate> certificates(Path file, String option) {
    List<X509Certificate> found = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser pem = new PEMParser(reader)) {
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
      for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
        if (item instanceof X509CertificateHolder holder) {
          found.add(converter.getCertificate(holder));
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(option + " " + file + ": " + e.getMessage());
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException(option + " " + file + ": no PEM certificate");
    }
    return found;
  }

  private PrivateKey privateKey() {
    try (Reader reader = Files.newBufferedReader(key, StandardCharsets.US_ASCII);
        PEMParser pem = new PEMParser(reader)) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
        if (item instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
        if (item instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("--tls-key " + key + ": " + e.getMessage());
    }
    throw new IllegalArgumentException(
        "--tls-key " + key + ": no unencrypted PEM private key (encrypted keys are not read)");
  }
}
