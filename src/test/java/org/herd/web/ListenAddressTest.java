package org.herd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --listen ADDR:PORT}, and which addresses may be served without TLS. */
class ListenAddressTest {

  record Good(String text, String host, int port, boolean loopback) {}

  static List<Good> good() {
    return List.of(
        new Good("127.0.0.1:8080", "127.0.0.1", 8080, true),
        new Good("127.0.0.2:80", "127.0.0.2", 80, true),
        new Good("localhost:9000", "localhost", 9000, true),
        new Good("[::1]:8443", "::1", 8443, true),
        new Good("127.0.0.1:0", "127.0.0.1", 0, true),
        new Good("0.0.0.0:8080", "0.0.0.0", 8080, false),
        new Good("192.0.2.10:443", "192.0.2.10", 443, false),
        new Good("[::]:8080", "::", 8080, false),
        new Good("[2001:db8::1]:8443", "2001:db8::1", 8443, false));
  }

  @ParameterizedTest
  @MethodSource("good")
  void anAddressIsReadAndKnownForLoopbackOrNot(Good g) {
    ListenAddress address = ListenAddress.parse(g.text());

    assertThat(address).isEqualTo(new ListenAddress(g.host(), g.port()));
    assertThat(address.loopback()).isEqualTo(g.loopback());
    assertThat(address.toString()).isEqualTo(g.text());
  }

  record Bad(String text, String said) {}

  static List<Bad> bad() {
    return List.of(
        new Bad("8080", "--listen 8080: expected ADDR:PORT"),
        new Bad(":8080", "--listen :8080: expected ADDR:PORT"),
        new Bad("127.0.0.1:", "--listen 127.0.0.1:: expected ADDR:PORT"),
        new Bad("127.0.0.1:http", "--listen 127.0.0.1:http: not a port number: http"),
        new Bad("127.0.0.1:70000", "--listen 127.0.0.1:70000: not a port number: 70000"),
        new Bad("::1:8080", "--listen ::1:8080: write an IPv6 address in brackets"),
        new Bad("[]:8080", "--listen []:8080: no address"));
  }

  @ParameterizedTest
  @MethodSource("bad")
  void aBadAddressIsRefusedInOneLine(Bad b) {
    assertThatThrownBy(() -> ListenAddress.parse(b.text()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(b.said());
  }

  @ParameterizedTest
  @MethodSource("good")
  void onlyLoopbackMayBeServedWithoutTls(Good g) {
    HerdServer.Settings settings =
        new HerdServer.Settings(
            ListenAddress.parse(g.text()), Optional.empty(), Tokens.NONE, false, "v", "sqlite");
    if (g.loopback()) {
      settings.check();
    } else {
      assertThatThrownBy(settings::check)
          .hasMessageContaining("not a loopback address")
          .hasMessageContaining("--tls-cert and --tls-key");
    }
  }
}
