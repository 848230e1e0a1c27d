package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlacementTest {

  @ParameterizedTest(name = "{0} in {1}: release {2}, security {3}")
  @CsvSource({
    "DEPENDENCY, OLD, true, false",
    "DEPENDENCY, NEW, true, false",
    "OLD, OLD, true, false",
    "OLD, NEW, true, false",
    "NEW, OLD, false, false",
    "NEW, NEW, true, false",
    "SECURITY_UPDATE, OLD, false, false",
    "SECURITY_UPDATE, NEW, false, true",
    "PUBLISHED, OLD, true, false",
    "PUBLISHED, NEW, true, false",
  })
  void whereEachPackageShowsUp(
      Placement placement, Suite suite, boolean inRelease, boolean inSecurity) {
    assertThat(placement.shown(suite, false)).isEqualTo(inRelease);
    assertThat(placement.shown(suite, true)).isEqualTo(inSecurity);
  }
}
