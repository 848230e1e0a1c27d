package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReversionerTest {

  private static final Map<String, String> RAISED =
      Map.of(
          "redis-tools", "5:7.0.15-1~deb12u4",
          "mariadb-server-core", "1:10.11.6-0+deb12u1");

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        // exact relations on raised packages follow them
        "redis-tools (= 5:7.0.15-1~deb12u4) => redis-tools (= 5:7.0.15-1~deb12u4+lab1)",
        "redis-tools:any (= 5:7.0.15-1~deb12u4) => redis-tools:any (= 5:7.0.15-1~deb12u4+lab1)",
        "adduser, redis-tools (=5:7.0.15-1~deb12u4) => adduser, redis-tools (= 5:7.0.15-1~deb12u4+lab1)",
        "mariadb-server-core (= 1:10.11.6-0+deb12u1) | foo => mariadb-server-core (= 1:10.11.6-0+deb12u1+lab1) | foo",
        // other relations, other versions and other packages are kept as written
        "redis-tools (>= 5:7.0.15-1~deb12u4) => redis-tools (>= 5:7.0.15-1~deb12u4)",
        "redis-tools (= 5:6.0-1) => redis-tools (= 5:6.0-1)",
        "libc6 (= 2.36-9) => libc6 (= 2.36-9)",
        "redis-tools-extra (= 5:7.0.15-1~deb12u4) => redis-tools-extra (= 5:7.0.15-1~deb12u4)",
      })
  void exactRelationsOnRaisedPackagesAreRewritten(String field, String expected) {
    assertThat(Reversioner.rewriteRelations(field, RAISED)).isEqualTo(expected);
  }

  @Test
  void raisedControlHasTheNewVersionAndKeepsEverythingElse() {
    ControlStanza control =
        ControlStanza.parse(
            """
            Package: redis-server
            Version: 5:7.0.15-1~deb12u4
            Depends: redis-tools (= 5:7.0.15-1~deb12u4)
            Description: x
             y
            """);
    ControlStanza raised = Reversioner.raiseControl(control, RAISED);
    assertThat(raised.require("Version")).isEqualTo("5:7.0.15-1~deb12u4+lab1");
    assertThat(raised.require("Depends")).isEqualTo("redis-tools (= 5:7.0.15-1~deb12u4+lab1)");
    assertThat(raised.require("Description")).isEqualTo(control.require("Description"));
    assertThat(control.require("Version")).isEqualTo("5:7.0.15-1~deb12u4");
    assertThat(DebianNames.debFileName(raised.set("Architecture", "amd64")))
        .isEqualTo("redis-server_7.0.15-1~deb12u4+lab1_amd64.deb");
  }
}
