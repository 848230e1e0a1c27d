package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlgorithmPreferencesTest {
  private static final String MINA =
      "sntrup761x25519-sha512,curve25519-sha256,ecdh-sha2-nistp256,ext-info-c,kex-strict-c-v00@openssh.com";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "curve25519-sha256 | curve25519-sha256,ext-info-c,kex-strict-c-v00@openssh.com",
        "ecdh-sha2-nistp256,curve25519-sha256 | ecdh-sha2-nistp256,curve25519-sha256,ext-info-c,kex-strict-c-v00@openssh.com",
        "^curve25519-sha256 | curve25519-sha256,sntrup761x25519-sha512,ecdh-sha2-nistp256,ext-info-c,kex-strict-c-v00@openssh.com",
        "-sntrup* | curve25519-sha256,ecdh-sha2-nistp256,ext-info-c,kex-strict-c-v00@openssh.com",
        "+ecdh-sha2-nistp256 | sntrup761x25519-sha512,curve25519-sha256,ecdh-sha2-nistp256,ext-info-c,kex-strict-c-v00@openssh.com",
      })
  void appliesAlgorithmListsLikeOpenSsh(String wanted, String proposal) {
    assertThat(AlgorithmPreferences.apply(MINA, wanted)).isEqualTo(proposal);
  }

  /** What MINA lacks cannot be honoured: named before connecting. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "kex | curve25519-sha256 | ",
        "kex | +diffie-hellman-group1-sha1 | KexAlgorithms diffie-hellman-group1-sha1",
        "kex | -sntrup*,diffie-hellman-group1-sha1 | ",
        "ciphers | aes256-ctr,aes128-cbc | Ciphers aes128-cbc",
        "ciphers | ^aes256-ctr | ",
        "macs | hmac-md5 | MACs hmac-md5",
        "hostKeys | ssh-dss | HostKeyAlgorithms ssh-dss",
        "hostKeys | ssh-ed25519 | ",
        "publicKeys | +rsa-sha2-512 | ",
        "publicKeys | +ssh-dss | PubkeyAcceptedAlgorithms ssh-dss",
      })
  void namesWhatMinaLacks(String kind, String wanted, String refused) {
    HostSettings.Algorithms algorithms =
        new HostSettings.Algorithms(
            kind.equals("kex") ? wanted : null,
            kind.equals("ciphers") ? wanted : null,
            kind.equals("macs") ? wanted : null,
            kind.equals("hostKeys") ? wanted : null,
            kind.equals("publicKeys") ? wanted : null);
    AlgorithmPreferences.Available available =
        new AlgorithmPreferences.Available(
            List.of("curve25519-sha256", "sntrup761x25519-sha512"),
            List.of("aes256-ctr", "aes128-ctr"),
            List.of("hmac-sha2-256"),
            List.of("ssh-ed25519", "rsa-sha2-512"));

    assertThat(AlgorithmPreferences.unsupported(algorithms, available))
        .isEqualTo(
            refused == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(
                    refused + " is not supported by the ssh transport; use --transport openssh"));
  }
}
