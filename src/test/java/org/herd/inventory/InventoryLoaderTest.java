package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table tests of herd.yaml: each file and the exact problem lines it yields. */
class InventoryLoaderTest {

  static Stream<Arguments> badFiles() {
    return Stream.of(
        bad(
            "an unknown key, with a suggestion",
            """
            hosts:
              db1:
                prot: 22
            """,
            "herd.yaml:3:5: unknown key `prot` in host `db1`; did you mean `port`?"),
        bad(
            "wrong types and values in one host",
            """
            hosts:
              db1: {port: abc, user: [a], transport: sssh, become: root}
            """,
            "herd.yaml:2:15: `port` must be a number from 1 to 65535, not `abc`",
            "herd.yaml:2:26: `user` must be a string, not a list",
            "herd.yaml:2:42: `transport` must be one of ssh, openssh, local, not `sssh`; did you"
                + " mean `ssh`?",
            "herd.yaml:2:56: `become` must be one of none, sudo, not `root`"),
        bad(
            "an ssh_config with a NUL in it",
            """
            hosts:
              db1: {ssh_config: "a\\0b"}
            """,
            "herd.yaml:2:21: `ssh_config` has a NUL character, which no file name has"),
        bad(
            "a misspelt section",
            """
            host:
              db1:
            """,
            "herd.yaml:1:1: unknown key `host` at the top level; did you mean `hosts`?"),
        bad(
            "a duplicate key",
            """
            hosts:
              db1:
              db1:
            """,
            "herd.yaml:3:3: duplicate key `db1` (first at line 2)"),
        bad(
            "one address for many hosts",
            """
            hosts:
              web[1-3]: {address: 10.0.0.1}
            """,
            "herd.yaml:2:3: `address` is set for the 3 hosts of `web[1-3]`; give each host its"
                + " own"),
        bad(
            "a bad range in a host key",
            """
            hosts:
              web[3-1]:
            """,
            "herd.yaml:2:3: bad node set `web[3-1]`: bad range \"3-1\" at column 5: start is"
                + " greater than end"),
        bad(
            "groups that include each other",
            """
            hosts:
              web1:
            groups:
              a: ['@b']
              b: ['@c', web1]
              c: ['@a']
            """,
            "herd.yaml:6:7: groups include each other: @a -> @b -> @c -> @a"),
        bad(
            "an unknown group, with a suggestion",
            """
            hosts:
              web1:
            groups:
              a: ['@wbe']
              web: web1
            """,
            "herd.yaml:4:7: unknown group `@wbe`; did you mean `@web`?"),
        bad(
            "group members that are not hosts",
            """
            hosts:
              web1:
            groups:
              a: [wbe1, 'web[3-4]']
            """,
            "herd.yaml:4:7: group `a`: host `wbe1` is not declared under `hosts`; did you mean"
                + " `web1`?",
            "herd.yaml:4:13: group `a`: hosts `web[3-4]` are not declared under `hosts`"),
        bad(
            "cluster members outside the hosts, a zero budget, a bad order",
            """
            hosts:
              ctl[1-3]:
            clusters:
              galera:
                members: ctl[1-4]
                budget: 0
                order: [ctl3, ctl9, ctl3]
            """,
            "herd.yaml:5:14: cluster `galera`: host `ctl4` is not declared under `hosts`",
            "herd.yaml:6:13: `budget` must be a number of members (at least 1) or a percentage"
                + " from 1% to 100%, not `0`",
            "herd.yaml:7:13: `order` of cluster `galera` leaves out `ctl[1-2]`; list every member"
                + " once, or leave `order` out",
            "herd.yaml:7:19: `order` of cluster `galera`: host `ctl9` is not declared under"
                + " `hosts`",
            "herd.yaml:7:25: `order` of cluster `galera` lists `ctl3` twice"),
        bad(
            "a cluster without members, a bad recipe, a budget over 100%",
            """
            hosts:
              ctl[1-3]:
            clusters:
              galera:
                recipe: [x]
                budget: 150%
            """,
            "herd.yaml:4:3: cluster `galera` needs `members`",
            "herd.yaml:5:13: `recipe` of cluster `galera` must be a recipe name, not a list",
            "herd.yaml:6:13: `budget` must be a number of members (at least 1) or a percentage"
                + " from 1% to 100%, not `150%`"),
        bad(
            "waves without units, empty, or twice",
            """
            hosts:
              a1:
            waves:
              - name: s
                nodes: a1
                soak: 30
              - name: p
                nodes: '@*'
                soak: forever
              - {name: s, nodes: a1}
            """,
            "herd.yaml:6:11: `soak` needs a unit, as in `30s` or `30m`",
            "herd.yaml:8:12: wave `p` has no hosts that earlier waves do not already have",
            "herd.yaml:9:11: `soak` must be a duration such as 30s, 10m, 1h or 1h30m, not"
                + " `forever`",
            "herd.yaml:10:12: there is already a wave `s` (at line 4)",
            "herd.yaml:10:22: wave `s` has no hosts that earlier waves do not already have"),
        bad(
            "waves as a mapping",
            """
            hosts:
              a1:
            waves:
              s: {nodes: a1}
            """,
            "herd.yaml:4:3: `waves` must be a list (waves run in order), not a mapping"),
        bad(
            "a list instead of a mapping",
            """
            - a
            - b
            """,
            "herd.yaml:1:1: an inventory must be a mapping of defaults, hosts, groups, clusters,"
                + " waves, vars, not a list"),
        bad("an empty file", "", "herd.yaml: the inventory is empty; declare at least `hosts`"),
        bad(
            "what cannot be a default",
            """
            defaults:
              address: x
              vars: {}
              user: a b
              port:
            """,
            "herd.yaml:2:3: `address` cannot be a default: it is the address of one host; set it"
                + " on the host",
            "herd.yaml:3:3: variables of every host go in the top-level `vars`, not in"
                + " `defaults`",
            "herd.yaml:4:9: `user` must be one word, not `a b`",
            "herd.yaml:5:8: `port` is empty; remove it or give a value"),
        bad(
            "a group as a host key",
            """
            hosts:
              '@web':
            """,
            "herd.yaml:2:3: host keys name hosts, not groups: put `@web` hosts under `hosts` and"
                + " the group under `groups`"),
        bad(
            "a bad group name and a bad node set",
            """
            hosts:
              web1:
            groups:
              'web group': web1
              ok: 'web1,,'
            """,
            "herd.yaml:4:3: group name `web group` may contain only letters, digits, `_`, `.` and"
                + " `-`, and must not start with `.` or `-`",
            "herd.yaml:5:7: bad node set `web1,,`: missing operand \",\" at column 6: an operator"
                + " needs a node set on each side"),
        bad(
            "an unquoted @",
            """
            hosts:
              web1:
            groups:
              web: [@front]
            """,
            "herd.yaml:4:9: YAML syntax error while scanning for the next token: found character"
                + " '@' that cannot start any token; quote node sets that start with @, as in"
                + " \"@group\""),
        bad(
            "an unknown group source and an empty group list",
            """
            hosts:
              web1:
            groups:
              web: '@racks:r1'
              none: []
            """,
            "herd.yaml:4:8: unknown group `@racks:r1`",
            "herd.yaml:5:9: group `none` is an empty list"),
        bad(
            "two documents and an empty host key",
            """
            hosts:
              '':
            ---
            hosts:
              web1:
            """,
            "herd.yaml:4:1: a second YAML document (after ---): herd reads one per file"),
        bad(
            "an empty host key",
            """
            hosts:
              '':
            """,
            "herd.yaml:2:3: host key `` names no host"));
  }

  private static Arguments bad(String name, String yaml, String... problems) {
    return Arguments.of(name, yaml, List.of(problems));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void reportsEveryProblemWhereItIs(String name, String yaml, List<String> expected) {
    assertThat(Inventories.herdProblems(yaml)).isEqualTo(expected);
  }

  @Test
  void goodFilesLoad() {
    assertThat(
            Inventories.herdProblems(
                """
                hosts:
                  web[01-20]: {user: deploy}
                  db1:
                groups:
                  web: web[01-20]
                  everything: '@*'
                  odd: ['web[01-20/2]', db1]
                clusters:
                  pool: {members: '@web', budget: 10%}
                waves:
                  - {name: one, nodes: db1}
                  - {name: two, nodes: '@*', soak: 1h30m}
                vars:
                  nested: {a: [1, 2, {b: null}]}
                """))
        .isEmpty();
    assertThat(Inventories.herdProblems("hosts:\n  solo:\n")).isEmpty();
  }

  @Test
  void nodeSetKeysDeclareEveryHost() {
    Inventory inventory = Inventories.herd("hosts:\n  web[01-03]: {user: deploy}\n  db1:\n");
    assertThat(inventory.hosts())
        .extracting(Host::name)
        .containsExactly("db1", "web01", "web02", "web03");
    assertThat(inventory.host("web02").orElseThrow().connection().user()).isEqualTo("deploy");
    assertThat(inventory.host("db1").orElseThrow().connection().user()).isNull();
  }
}
