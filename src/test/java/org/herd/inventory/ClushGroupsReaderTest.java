package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClushGroupsReaderTest {

  private static InventorySpec read(String text, Problems problems) {
    return new ClushGroupsReader(problems).read("site.yaml", Path.of("."), text);
  }

  @Test
  void readsEverySourceAndGroup() {
    Problems problems = new Problems();
    InventorySpec spec = read(AnsibleReadersTest.resource("clush-site.yaml"), problems);
    problems.throwIfAny();
    assertThat(spec.defaultSource()).isEqualTo("roles");
    assertThat(spec.hostsFromGroups()).isTrue();
    assertThat(spec.groups())
        .extracting(g -> g.source() + ":" + g.name().text())
        .containsExactly(
            "roles:adm",
            "roles:io",
            "roles:compute",
            "roles:all",
            "racks:rack1",
            "racks:rack2",
            "racks:rack3",
            "racks:rack4",
            "racks:old",
            "racks:rack5");
    InventorySpec.GroupSpec rack5 = spec.groups().get(9);
    assertThat(rack5.members())
        .extracting(Located::text)
        .containsExactly("example[200-201]", "example245", "example300");
    assertThat(rack5.members().get(2).position()).hasToString("site.yaml:16:7");
  }

  @Test
  void reportsMistakesWithPositions() {
    Problems problems = new Problems();
    read(
        """
        roles:
          adm: {a: 1}
          "bad name": x1
        racks: [x]
        """,
        problems);
    assertThat(problems.size()).isEqualTo(3);
    try {
      problems.throwIfAny();
    } catch (InventoryException e) {
      assertThat(e.problems())
          .extracting(Problem::toString)
          .isEqualTo(
              List.of(
                  "site.yaml:2:8: group `adm` must be a node set or a list of node sets, not a"
                      + " mapping",
                  "site.yaml:3:3: group name `bad name` may contain only letters, digits, `_`,"
                      + " `.` and `-`, and must not start with `.` or `-`",
                  "site.yaml:4:8: group source `racks` must be a mapping, not a list"));
    }
  }
}
