package org.herd.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DebianVersionTest {

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // plain numbers and separators
        "1.0 | < | 1.1",
        "1.9 | < | 1.10",
        "1.010 | = | 1.10",
        "1.99999999999999999999 | < | 1.100000000000000000000",
        "1.0000000000000000000001 | > | 1.0",
        // tilde sorts before everything, even the end
        "1.0~rc1 | < | 1.0",
        "1.0~~ | < | 1.0~",
        "1.0~~a | < | 1.0~",
        "1.0~ | < | 1.0",
        "1.0~rc1 | < | 1.0~rc2",
        // letters before non-letters, the end before letters
        "1.0 | < | 1.0a",
        "1.0a | < | 1.0+",
        "1.0+ | < | 1.0.",
        "1.0a | < | 1.0b",
        "1.0Z | < | 1.0a",
        // epochs
        "1:0.1 | > | 9.9",
        "0:1.0 | = | 1.0",
        "2:1.0 | > | 1:9.9",
        // revisions; absent equals 0
        "1.0-0 | = | 1.0",
        "1.0-1 | > | 1.0",
        "2.0-1 | > | 1.0-99",
        "1.0-1~bpo12+1 | < | 1.0-1",
        "1.2-3-4 | > | 1.2-3-3",
        "1.2-3-4 | > | 1.2-2-9",
        // real pairs from the captures (installed < candidate)
        "5.2.15-2+b8 | < | 5.2.15-2+b13",
        "1:4.13+dfsg1-1+deb12u1 | < | 1:4.13+dfsg1-1+deb12u2",
        "1:2.66-4+deb12u2+b2 | < | 1:2.66-4+deb12u3+b1",
        "1.47.0-2 | < | 1.47.0-2+b2",
        "3.0.19-1~deb12u2 | < | 3.0.22-1~deb12u2",
        "3.0.17-1~deb12u2 | < | 3.0.17-1~deb12u3",
        "26.4.14-0+deb12u1 | < | 26.4.20-0+deb12u1",
        "2025b-0+deb12u2 | < | 2026f-0+deb12u1",
        "1:0.9~rc1-2 | > | 2",
        "1:528.0.0-0 | > | 528.0.0-0",
        "20.20.2-1nodesource1+repack1 | > | 20.20.2-1",
        "2.9-1~bpo12+1 | < | 2.9-1",
      })
  void ordersLikeDpkg(String a, String relation, String b) {
    int expected =
        switch (relation) {
          case "<" -> -1;
          case ">" -> 1;
          default -> 0;
        };
    DebianVersion va = DebianVersion.parse(a);
    DebianVersion vb = DebianVersion.parse(b);
    assertThat(Integer.signum(va.compareTo(vb))).isEqualTo(expected);
    assertThat(Integer.signum(vb.compareTo(va))).isEqualTo(-expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.0 | 0 | 1.0 | ''",
        "1:2.3-4 | 1 | 2.3 | 4",
        "1.2-3-4 | 0 | 1.2-3 | 4",
        "1:2:3-4 | 1 | 2:3 | 4",
        "3.0.17-1~deb12u3 | 0 | 3.0.17 | 1~deb12u3",
        "0:1.0 | 0 | 1.0 | ''",
        "2147483647:1 | 2147483647 | 1 | ''",
        "a1 | 0 | a1 | ''",
      })
  void splitsEpochUpstreamAndRevision(String text, int epoch, String upstream, String revision) {
    DebianVersion v = DebianVersion.parse(text);
    assertThat(v.epoch()).isEqualTo(epoch);
    assertThat(v.upstream()).isEqualTo(upstream);
    assertThat(v.revision()).isEqualTo(revision);
    assertThat(v.toString()).isEqualTo(text);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        " 1.0",
        "1.0 ",
        "1 .0",
        "a:1.0",
        ":1.0",
        "1:",
        "1:-1",
        "1.0-",
        "-1",
        "1.0_1",
        "1.0-1_2",
        "1.0-a:b",
        "2147483648:1",
        "99999999999:1",
        "1.0;rm -rf /",
        "1.0$(id)",
        "1.0'",
        "1,0",
        "1.0/2",
      })
  void rejectsWhatDpkgRejects(String text) {
    assertThat(DebianVersion.isValid(text)).isFalse();
    assertThat(DebianVersion.tryParse(text)).isEmpty();
    assertThatThrownBy(() -> DebianVersion.parse(text))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageStartingWith("version '" + text + "': ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "0:1.0", "1.0-0"})
  void keepsTheExactStringForEquality(String text) {
    assertThat(DebianVersion.parse(text)).isEqualTo(DebianVersion.parse(text));
    assertThat(DebianVersion.parse(text).compareTo(DebianVersion.parse("1.0"))).isZero();
    assertThat(DebianVersion.parse(text).equals(DebianVersion.parse("1.0")))
        .isEqualTo(text.equals("1.0"));
  }
}
