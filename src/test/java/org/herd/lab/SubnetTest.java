package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubnetTest {

  @Test
  void bridgeTakesDotOneAndHostsStartAtDotEleven() {
    Subnet subnet = Subnet.parse("10.213.0.0/24");
    assertThat(subnet.bridgeAddress()).isEqualTo("10.213.0.1");
    assertThat(subnet.hostAddress(1)).isEqualTo("10.213.0.11");
    assertThat(subnet.hostAddress(Subnet.MAX_HOSTS)).isEqualTo("10.213.0.254");
    assertThat(subnet.cidr()).isEqualTo("10.213.0.0/24");
  }

  @Test
  void leadingZerosAreNormalised() {
    assertThat(Subnet.parse("10.213.07.0/24").cidr()).isEqualTo("10.213.7.0/24");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.213.0.0/16", "10.213.0.5/24", "10.213.0/24", "10.256.0.0/24", "x"})
  void onlyWhole24sAreAccepted(String cidr) {
    assertThatThrownBy(() -> Subnet.parse(cidr))
        .isInstanceOf(LabException.class)
        .hasMessageStartingWith("subnet '" + cidr + "'")
        .matches(e -> ((LabException) e).badInput());
  }

  @Test
  void hostIndexOutsideTheSubnetIsRejected() {
    Subnet subnet = Subnet.labDefault(3);
    assertThatThrownBy(() -> subnet.hostAddress(0)).isInstanceOf(LabException.class);
    assertThatThrownBy(() -> subnet.hostAddress(Subnet.MAX_HOSTS + 1))
        .isInstanceOf(LabException.class);
  }
}
