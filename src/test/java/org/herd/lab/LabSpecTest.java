package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabSpecTest {

  @ParameterizedTest
  @ValueSource(strings = {"lab", "l", "web2", "abcdefgh"})
  void shortLowerCaseNamesAreAccepted(String name) {
    assertThat(new LabSpec(name, 3, Release.BOOKWORM).hostName(2)).isEqualTo(name + "-2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Lab", "2lab", "lab-1", "abcdefghi", "la b", "lab_x"})
  void namesThatCannotBeInterfaceNamesAreRejected(String name) {
    assertThatThrownBy(() -> new LabSpec(name, 3, Release.BOOKWORM))
        .isInstanceOf(LabException.class)
        .hasMessageStartingWith("lab name '" + name + "'");
  }

  @Test
  void longestNamesStillFitLinuxInterfaceNames() {
    String name = "abcdefgh";
    assertThat(LabNetwork.vethName(name, Subnet.MAX_HOSTS)).hasSizeLessThanOrEqualTo(15);
    assertThat(LabNetwork.bridgeName(name)).hasSizeLessThanOrEqualTo(15);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Subnet.MAX_HOSTS + 1})
  void hostCountMustFitTheSubnet(int hosts) {
    assertThatThrownBy(() -> new LabSpec("lab", hosts, Release.BOOKWORM))
        .isInstanceOf(LabException.class)
        .hasMessageStartingWith("--hosts " + hosts);
  }

  @Test
  void releasesByCodename() {
    assertThat(Release.of("trixie")).isEqualTo(Release.TRIXIE);
    assertThat(Release.BOOKWORM.securityCodename()).isEqualTo("bookworm-security");
    assertThat(Release.TRIXIE.securitySuffix(1)).isEqualTo("+deb13u1");
    assertThatThrownBy(() -> Release.of("sid")).hasMessageContaining("bookworm or trixie");
  }
}
