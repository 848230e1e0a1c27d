package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The INI and YAML readers of Ansible inventories describe the same fixture site identically. */
class AnsibleReadersTest {

  static String resource(String name) {
    try (InputStream in = AnsibleReadersTest.class.getResourceAsStream("/inventory/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static InventorySpec ini(String text) {
    Problems problems = new Problems();
    InventorySpec spec = new AnsibleIniReader(problems).read("hosts.ini", Path.of("."), text);
    problems.throwIfAny();
    return spec;
  }

  private static InventorySpec yaml(String text) {
    Problems problems = new Problems();
    InventorySpec spec = new AnsibleYamlReader(problems).read("hosts.yaml", Path.of("."), text);
    problems.throwIfAny();
    return spec;
  }

  private static List<String> problems(Runnable read) {
    try {
      read.run();
      return List.of();
    } catch (InventoryException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }

  @Test
  void iniAndYamlFixturesDeclareTheSameSite() {
    for (InventorySpec spec :
        List.of(ini(resource("ansible-hosts.ini")), yaml(resource("ansible-hosts.yaml")))) {
      assertThat(spec.hosts())
          .extracting(h -> h.key().text())
          .containsExactlyInAnyOrder(
              "bastion.example.com",
              "ctl1",
              "ctl2",
              "ctl3",
              "web01.example.com",
              "web02.example.com",
              "web03.example.com",
              "web04.example.com",
              "web-canary",
              "db-a",
              "db-b",
              "db-c");
      assertThat(spec.defaults().user()).isEqualTo("ops");
      assertThat(spec.hosts()).allMatch(InventorySpec.HostSpec::literal);
      InventorySpec.HostSpec bastion = host(spec, "bastion.example.com");
      assertThat(bastion.settings().port()).isEqualTo(2200);
      InventorySpec.HostSpec canary = host(spec, "web-canary");
      assertThat(canary.settings().address()).isEqualTo("10.0.0.50");
      assertThat(canary.settings().port()).isEqualTo(2222);
      assertThat(host(spec, "ctl2").settings().user()).isEqualTo("admin");
      InventorySpec.GroupSpec web = group(spec, "web");
      assertThat(web.settings().user()).isEqualTo("deploy");
      assertThat(web.settings().become()).isEqualTo(Become.SUDO);
      assertThat(web.vars())
          .containsEntry("http_port", 8080L == 8080 ? web.vars().get("http_port") : null);
      assertThat(((Number) web.vars().get("http_port")).intValue()).isEqualTo(8080);
      assertThat(group(spec, "openstack").members())
          .extracting(Located::text)
          .containsExactly("@controllers", "@web");
      assertThat(spec.groups()).extracting(g -> g.name().text()).doesNotContain("all", "ungrouped");
    }
  }

  @Test
  void iniRangesOfLettersAndVarsOfAll() {
    InventorySpec spec = ini(resource("ansible-hosts.ini"));
    assertThat(group(spec, "db").members())
        .extracting(Located::text)
        .containsExactly("db-a", "db-b", "db-c");
    assertThat(spec.vars()).isEqualTo(Map.of("datacenter", "paris"));
    assertThat(host(spec, "web03.example.com").key().position()).hasToString("hosts.ini:8:1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'[web]\nweb[1-3]\n'           | hosts.ini:2:1: host range `[1-3]` must be [begin:end] or"
            + " [begin:end:step]",
        "'[web]\nweb1 port=22 bad\n'   | hosts.ini:2:14: expected key=value after the host name,"
            + " got `bad`",
        "'[web:child]\nweb1\n'         | hosts.ini:1:1: section [web:child] has unknown type"
            + " `child`; use children or vars; did you mean `children`?",
        "'[web]\nw1 ansible_port=x\n'  | hosts.ini:2:4: ansible_port must be a port from 1 to"
            + " 65535, not `x`",
        "'[db:vars]\nx=1\n'            | hosts.ini:1:1: section [db:vars] is for a group that is"
            + " never declared with [db] or [db:children]",
        "'[web]\nw1\n[web:vars]\nnokey\n' | hosts.ini:4:1: expected key=value in [web:vars], got"
            + " `nokey`",
        "'[web ]\n'                    | hosts.ini:1:1: invalid section `[web ]`: write [group],"
            + " [group:children] or [group:vars], without spaces",
        "'[a+b]\nw1\n'                 | hosts.ini:1:2: group name `a+b` cannot be used in node"
            + " sets: use letters, digits, `_`, `.` and `-`",
        "'[w]\nw1 ansible_connection=docker\n' | hosts.ini:2:4: ansible_connection=docker is not"
            + " supported by herd (ssh, paramiko and local are)",
        "'[w]\nw1 ansible_become_user=postgres\n' | hosts.ini:2:4: ansible_become_user=postgres"
            + " cannot be honoured: herd becomes root (apt and dpkg need it); remove it or set root",
        "'[w]\nw1\n[w:vars]\nansible_become_password=s3cret\n' | hosts.ini:4:1:"
            + " ansible_become_password: herd takes no password from an inventory (it would be"
            + " shown and copied); remove it: herd logs in with SSH keys or an agent, and asks for"
            + " the sudo password with --ask-become-pass",
      })
  void iniMistakesAreReportedWithLineAndColumn(String ini, String expected) {
    assertThat(problems(() -> ini(ini))).containsExactly(expected);
  }

  @Test
  void anEmptyBecomeMethodIsAnsiblesDefaultSudo() {
    assertThat(problems(() -> ini("[w]\nw1 ansible_become=true ansible_become_method=\n")))
        .isEmpty();
    assertThat(
            problems(
                () ->
                    yaml(
                        "all:\n  hosts:\n    w1: {ansible_become: true, ansible_become_method: ~}\n")))
        .isEmpty();
    assertThat(problems(() -> yaml("all:\n  hosts:\n    w1: {ansible_become_method: su}\n")))
        .containsExactly(
            "hosts.yaml:3:33: ansible_become_method=su is not supported: herd becomes root with"
                + " sudo only");
  }

  @Test
  void everyIniMistakeIsReportedNotOnlyTheFirst() {
    assertThat(problems(() -> ini("[web]\nweb[1-3]\n  w2 x\n[db:vars]\na=1\n")))
        .containsExactly(
            "hosts.ini:2:1: host range `[1-3]` must be [begin:end] or [begin:end:step]",
            "hosts.ini:3:6: expected key=value after the host name, got `x`",
            "hosts.ini:4:1: section [db:vars] is for a group that is never declared with [db] or"
                + " [db:children]");
  }

  @Test
  void yamlMistakesAreReportedWithLineAndColumn() {
    String text =
        """
        all:
          children:
            web:
              host:
                web1:
              vars:
                ansible_port: nope
        """;
    assertThat(problems(() -> yaml(text)))
        .containsExactly(
            "hosts.yaml:4:7: unknown key `host` in group `web`; did you mean `hosts`?",
            "hosts.yaml:7:23: ansible_port must be a port from 1 to 65535, not `nope`");
  }

  @Test
  void shellQuotingOnHostLines() {
    assertThat(AnsibleIniReader.tokens("  h1 a='x y' b=\"q\\\"r\" c=d # comment"))
        .containsExactly(
            new AnsibleIniReader.Token("h1", 3),
            new AnsibleIniReader.Token("a=x y", 6),
            new AnsibleIniReader.Token("b=q\"r", 14),
            new AnsibleIniReader.Token("c=d", 23));
    assertThatThrownBy(() -> AnsibleIniReader.tokens("h1 a='x"))
        .hasMessageContaining("unclosed quote");
  }

  static InventorySpec.HostSpec host(InventorySpec spec, String name) {
    return spec.hosts().stream()
        .filter(h -> h.key().text().equals(name))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no host " + name));
  }

  static InventorySpec.GroupSpec group(InventorySpec spec, String name) {
    return spec.groups().stream()
        .filter(g -> g.name().text().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no group " + name));
  }
}
