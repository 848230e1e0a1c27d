package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.NamedResource;
import org.junit.jupiter.api.Test;

/** The ssh transport's key-exchange preference (see SshTransport#cheapKeyExchangeFirst). */
class KeyExchangeOrderTest {

  private static List<String> names(List<? extends NamedResource> factories) {
    return factories.stream().map(NamedResource::getName).toList();
  }

  @Test
  void sntrupComesRightAfterCurve25519AndMlKemStaysFirst() {
    List<String> ordered =
        names(
            SshTransport.cheapKeyExchangeFirst(
                SshClient.setUpDefaultClient().getKeyExchangeFactories()));
    assertThat(ordered.get(0)).isEqualTo("mlkem768x25519-sha256");
    assertThat(ordered.indexOf("curve25519-sha256"))
        .isLessThan(ordered.indexOf("sntrup761x25519-sha512"));
    assertThat(ordered.indexOf("sntrup761x25519-sha512"))
        .isLessThan(ordered.indexOf("curve448-sha512"));
  }

  @Test
  void nothingIsDropped() {
    List<? extends NamedResource> defaults =
        SshClient.setUpDefaultClient().getKeyExchangeFactories();
    assertThat(names(SshTransport.cheapKeyExchangeFirst(defaults)))
        .containsExactlyInAnyOrderElementsOf(names(defaults));
  }
}
