package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KexPreferenceTest {
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
        "+diffie-hellman-group1-sha1 | sntrup761x25519-sha512,curve25519-sha256,ecdh-sha2-nistp256,ext-info-c,kex-strict-c-v00@openssh.com",
        "unknown-kex | sntrup761x25519-sha512,curve25519-sha256,ecdh-sha2-nistp256,ext-info-c,kex-strict-c-v00@openssh.com",
      })
  void appliesKexAlgorithmsLikeOpenSsh(String wanted, String proposal) {
    assertThat(KexPreference.apply(MINA, wanted)).isEqualTo(proposal);
  }
}
