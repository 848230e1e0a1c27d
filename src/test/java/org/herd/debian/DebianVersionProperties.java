package org.herd.debian;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The order of {@link DebianVersion} is a total order, and parsing round-trips. */
class DebianVersionProperties {

  @Property
  void reflexive(@ForAll("versions") DebianVersion a) {
    assertThat(a.compareTo(a)).isZero();
  }

  @Property
  void antisymmetric(@ForAll("versions") DebianVersion a, @ForAll("versions") DebianVersion b) {
    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
  }

  @Property(tries = 2000)
  void transitive(
      @ForAll("versions") DebianVersion a,
      @ForAll("versions") DebianVersion b,
      @ForAll("versions") DebianVersion c) {
    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
      assertThat(a.compareTo(c)).isLessThanOrEqualTo(0);
    }
    if (a.compareTo(b) == 0 && b.compareTo(c) == 0) {
      assertThat(a.compareTo(c)).isZero();
    }
  }

  @Property
  void roundTrips(@ForAll("versions") DebianVersion a) {
    assertThat(DebianVersion.parse(a.toString())).isEqualTo(a);
    assertThat(DebianVersion.isValid(a.toString())).isTrue();
  }

  @Property
  void tildeSortsBeforeTheEnd(@ForAll("upstreams") String upstream) {
    assertThat(DebianVersion.parse(upstream + "~beta").compareTo(DebianVersion.parse(upstream)))
        .isNegative();
    assertThat(DebianVersion.parse(upstream + "+1").compareTo(DebianVersion.parse(upstream)))
        .isPositive();
  }

  @Property
  void epochDominates(@ForAll("upstreams") String a, @ForAll("upstreams") String b) {
    assertThat(DebianVersion.parse("1:" + a).compareTo(DebianVersion.parse(b))).isPositive();
  }

  @Provide
  Arbitrary<DebianVersion> versions() {
    Arbitrary<String> epoch =
        Arbitraries.oneOf(
            Arbitraries.just(""), Arbitraries.integers().between(0, 3).map(e -> e + ":"));
    Arbitrary<String> revision =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.strings()
                .withChars("01239ab.+~")
                .ofMinLength(1)
                .ofMaxLength(5)
                .map(r -> "-" + r));
    return Combinators.combine(epoch, upstreams(), revision)
        .as((e, u, r) -> DebianVersion.parse(e + u + r));
  }

  @Provide
  Arbitrary<String> upstreams() {
    Arbitrary<String> digit = Arbitraries.strings().withChars("0123456789").ofLength(1);
    Arbitrary<String> tail = Arbitraries.strings().withChars("0019ab.+~").ofMaxLength(6);
    return Combinators.combine(digit, tail).as(String::concat);
  }
}
