package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ControlStanzaTest {

  private static final String CONTROL =
      """
      Package: redis-server
      Version: 5:7.0.15-1~deb12u4
      Architecture: amd64
      Depends: adduser, redis-tools (= 5:7.0.15-1~deb12u4)
      Description: Persistent key-value database with network interface
       Redis is a key-value database in a similar vein to memcache but the dataset
       .
       is non-volatile.
      """;

  @Test
  void keepsFieldOrderAndMultiLineValues() {
    ControlStanza stanza = ControlStanza.parse(CONTROL);
    assertThat(stanza.names())
        .containsExactly("Package", "Version", "Architecture", "Depends", "Description");
    assertThat(stanza.require("Description"))
        .startsWith("Persistent key-value")
        .contains("\n .\n is non-volatile.");
    assertThat(stanza.render()).isEqualTo(CONTROL);
  }

  @Test
  void fieldNamesAreCaseInsensitiveAndKeepTheirSpelling() {
    ControlStanza stanza = ControlStanza.parse(CONTROL);
    stanza.set("version", "1.0");
    assertThat(stanza.get("VERSION")).contains("1.0");
    assertThat(stanza.render()).contains("\nVersion: 1.0\n");
    stanza.set("Filename", "pool/x.deb");
    assertThat(stanza.render()).endsWith("Filename: pool/x.deb\n");
  }

  @Test
  void rejectsTextThatIsNotAStanza() {
    assertThatThrownBy(() -> ControlStanza.parse(" continuation first"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ControlStanza.parse("no colon here"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ControlStanza.parse("A: b").require("Version"))
        .hasMessageContaining("missing field Version");
  }
}
