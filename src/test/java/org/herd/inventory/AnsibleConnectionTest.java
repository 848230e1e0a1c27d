package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ansible's connection variables and host patterns, one row per case, read from an INI and from a
 * YAML inventory: what herd makes of them (the first host's connection, every field that differs
 * from the defaults), or the problem it reports at file:line:col.
 */
class AnsibleConnectionTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "w1 | ansible_ssh_private_key_file=/k/id_web | identity_file=/k/id_web",
        "w1 | ansible_private_key_file=/k/id_web | identity_file=/k/id_web",
        "w1 | ansible_ssh_common_args=-o ProxyJump=bastion | ssh_options=[ProxyJump=bastion]",
        "w1 | ansible_ssh_common_args=-o 'ProxyCommand ssh -W %h:%p bastion'"
            + " | ssh_options=[ProxyCommand=ssh -W %h:%p bastion]",
        "w1 | ansible_ssh_extra_args=-oStrictHostKeyChecking=no"
            + " | ssh_options=[StrictHostKeyChecking=no]",
        "w1 | ansible_ssh_common_args=-J jump@bastion:2222"
            + " | ssh_options=[ProxyJump=jump@bastion:2222]",
        "w1 | ansible_ssh_common_args=-i /k/other -p 2200 -l deploy -F /etc/herd/ssh_config"
            + " | user=deploy port=2200 ssh_config=/etc/herd/ssh_config identity_file=/k/other",
        "w1 | ansible_ssh_extra_args=-o Compression=no;ansible_ssh_common_args=-o ForwardX11=no"
            + " | ssh_options=[ForwardX11=no, Compression=no]",
        "w1 | ansible_port=2201;ansible_ssh_extra_args=-p 2200 | port=2201",
        "w1 | ansible_become_user=root | ",
        "w1 | ansible_ssh_args=-C -o ControlMaster=auto -o ControlPersist=60s"
            + " | ssh_options=[Compression=yes, ControlMaster=auto, ControlPersist=60s]",
        "w1 | ansible_ssh_common_args=-L 80:web:80 | problem: ansible_ssh_common_args: ssh"
            + " argument `-L` is not supported (-o, -J, -i, -p, -l, -F and the flags that are an"
            + " option are); write it as an ssh option or drop it",
        "w1 | ansible_ssh_extra_args=-o | problem: ansible_ssh_extra_args: ssh argument `-o`"
            + " needs a value",
        "w1 | ansible_ssh_common_args=-o Nope | problem: ansible_ssh_common_args: ssh option"
            + " `Nope` must be written Key=Value, as ssh -o takes it",
        "w1 | ansible_become_user=postgres | problem: ansible_become_user=postgres cannot be"
            + " honoured: herd becomes root (apt and dpkg need it); remove it or set root",
        "w[1:2] | ansible_host=10.0.0.1 | address=10.0.0.1",
        "w1:2222 | | port=2222",
        "w1:abc | | problem: host `w1` has a bad port `abc`: write host:PORT with a port from 1 to"
            + " 65535",
        "w1:99999 | | problem: host `w1` has a bad port `99999`: write host:PORT with a port from"
            + " 1 to 65535",
      })
  void readsConnectionVariablesAsAnsibleDoes(String pattern, String vars, String expected) {
    List<String[]> pairs = new ArrayList<>();
    if (vars != null) {
      Arrays.stream(vars.split(";")).forEach(v -> pairs.add(v.split("=", 2)));
    }
    assertThat(outcome(ini(pattern, pairs), "hosts.ini"))
        .isEqualTo(expect(expected, "ini", pattern, pairs));
    assertThat(outcome(yaml(pattern, pairs), "hosts.yaml"))
        .isEqualTo(expect(expected, "yaml", pattern, pairs));
  }

  private static String ini(String pattern, List<String[]> vars) {
    StringBuilder line = new StringBuilder("[w]\n").append(pattern);
    vars.forEach(v -> line.append(' ').append(v[0]).append("=\"").append(v[1]).append('"'));
    return line.append('\n').toString();
  }

  private static String yaml(String pattern, List<String[]> vars) {
    StringBuilder text = new StringBuilder("all:\n  hosts:\n    ").append(pattern).append(":\n");
    vars.forEach(
        v -> text.append("      ").append(v[0]).append(": \"").append(v[1]).append("\"\n"));
    return text.toString();
  }

  /** The problem, with its position, or the first host's connection. */
  private static String outcome(String text, String name) {
    List<String> problems = Inventories.problems(InventoryFormat.ANSIBLE, name, text);
    if (!problems.isEmpty()) {
      return String.join("\n", problems);
    }
    Inventory inventory =
        InventoryLoader.load(new InventoryRef(InventoryFormat.ANSIBLE, Path.of(name), name), text);
    return inventory.hosts().stream()
        .map(host -> describe(host.name(), host.connection()))
        .distinct()
        .reduce((a, b) -> a + " / " + b)
        .orElseThrow();
  }

  private static String describe(String name, Connection c) {
    List<String> fields = new ArrayList<>();
    if (!c.address().equals(name)) {
      fields.add("address=" + c.address());
    }
    if (c.user() != null) {
      fields.add("user=" + c.user());
    }
    if (c.port() != 22) {
      fields.add("port=" + c.port());
    }
    if (c.sshConfig() != null) {
      fields.add("ssh_config=" + c.sshConfig());
    }
    if (c.identityFile() != null) {
      fields.add("identity_file=" + c.identityFile());
    }
    if (!c.sshOptions().isEmpty()) {
      fields.add("ssh_options=" + c.sshOptions());
    }
    return String.join(" ", fields);
  }

  /**
   * The expected outcome in {@code format}: a problem gets the position of what it is about (the
   * port in the host pattern, else the first variable's value); a connection is the same for every
   * host the pattern stands for.
   */
  private static String expect(
      String expected, String format, String pattern, List<String[]> vars) {
    if (expected == null) {
      return "";
    }
    if (!expected.startsWith("problem: ")) {
      return expected;
    }
    String message = expected.substring("problem: ".length());
    boolean aboutPort = message.startsWith("host `");
    int portAt = pattern.indexOf(':') + 1;
    String position =
        format.equals("ini")
            ? "hosts.ini:2:" + (aboutPort ? 1 + portAt : pattern.length() + 2)
            : aboutPort
                ? "hosts.yaml:3:" + (5 + portAt)
                : "hosts.yaml:4:" + (7 + vars.get(0)[0].length() + 2);
    return position + ": " + message;
  }
}
