package org.herd.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.herd.text.PortNumber;

/**
 * Collects what an Ansible inventory (INI or YAML) declares and turns it into an {@link
 * InventorySpec}: Ansible groups become herd groups (children become {@code @child} members),
 * {@code all} variables become defaults and top-level variables, and connection variables become
 * connection settings (see {@link AnsibleVars}).
 *
 * <p>Ansible's implicit groups {@code all} and {@code ungrouped} are not turned into herd groups:
 * {@code @*} already means every host.
 */
final class AnsibleInventoryBuilder {

  static final Set<String> IMPLICIT_GROUPS = Set.of("all", "ungrouped");

  private final String file;
  private final Path directory;
  private final Problems problems;
  private final Map<String, GroupDraft> groups = new LinkedHashMap<>();
  private final List<InventorySpec.HostSpec> hosts = new ArrayList<>();
  private final List<AnsibleVars.Var> allVars = new ArrayList<>();

  private static final class GroupDraft {
    final Located name;
    final List<Located> members = new ArrayList<>();
    final List<AnsibleVars.Var> vars = new ArrayList<>();

    GroupDraft(Located name) {
      this.name = name;
    }
  }

  AnsibleInventoryBuilder(String file, Path directory, Problems problems) {
    this.file = file;
    this.directory = directory;
    this.problems = problems;
  }

  /** Declares {@code name} if it is new; the first declaration is where it is reported. */
  void group(String name, Position position) {
    if (!IMPLICIT_GROUPS.contains(name)) {
      groups.computeIfAbsent(name, n -> new GroupDraft(new Located(n, position)));
    }
  }

  /**
   * Adds the hosts of one Ansible host pattern ({@code web[01:20]:2222}) to {@code group}, with
   * their own variables.
   */
  void hosts(String group, String pattern, Position position, List<AnsibleVars.Var> vars) {
    group(group, position);
    HostPattern parsed;
    try {
      parsed = HostPattern.parse(pattern);
    } catch (BadPort e) {
      problems.add(
          new Position(position.file(), position.line(), position.column() + e.offset),
          e.getMessage());
      return;
    }
    List<String> names;
    try {
      names = AnsibleRange.expand(parsed.hosts());
    } catch (AnsibleRange.RangeException e) {
      problems.add(position, e.getMessage());
      return;
    }
    AnsibleVars.Split split = AnsibleVars.split(vars, problems);
    ConnectionSettings settings = split.settings();
    if (parsed.port() != null) {
      settings =
          new ConnectionSettings(null, null, parsed.port(), null, null, null, null, null)
              .overriddenBy(settings);
    }
    for (String name : names) {
      hosts.add(
          new InventorySpec.HostSpec(new Located(name, position), true, settings, split.vars()));
      if (groups.containsKey(group)) {
        groups.get(group).members.add(new Located(name, position));
      }
    }
  }

  /** Makes {@code child} a member of {@code parent}. */
  void child(String parent, String child, Position position) {
    group(parent, position);
    if (groups.containsKey(parent) && !IMPLICIT_GROUPS.contains(child)) {
      groups.get(parent).members.add(new Located("@" + child, position));
    }
  }

  /** Sets a variable of {@code group}; variables of {@code all} apply to every host. */
  void var(String group, AnsibleVars.Var var) {
    if (group.equals("all")) {
      allVars.add(var);
    } else {
      group(group, var.position());
      if (groups.containsKey(group)) {
        groups.get(group).vars.add(var);
      }
    }
  }

  InventorySpec build() {
    List<InventorySpec.GroupSpec> specs = new ArrayList<>();
    for (GroupDraft draft : groups.values()) {
      if (!YamlFields.NAME.matcher(draft.name.text()).matches()) {
        problems.add(
            draft.name.position(),
            "group name `"
                + draft.name.text()
                + "` cannot be used in node sets: use letters, digits, `_`, `.` and `-`");
        continue;
      }
      AnsibleVars.Split split = AnsibleVars.split(draft.vars, problems);
      specs.add(
          new InventorySpec.GroupSpec(
              InventorySpec.HERD_SOURCE,
              draft.name,
              List.copyOf(draft.members),
              split.settings(),
              split.vars()));
    }
    AnsibleVars.Split all = AnsibleVars.split(allVars, problems);
    if (all.settings().address() != null) {
      allVars.stream()
          .filter(v -> v.name().equals("ansible_host") || v.name().equals("ansible_ssh_host"))
          .forEach(
              v ->
                  problems.add(
                      v.position(),
                      v.name() + " for all hosts would give every host the same address"));
    }
    ConnectionSettings defaults = all.settings();
    return new InventorySpec(
        file,
        directory,
        InventorySpec.HERD_SOURCE,
        false,
        new ConnectionSettings(
            null,
            defaults.user(),
            defaults.port(),
            defaults.transport(),
            defaults.become(),
            defaults.sshConfig(),
            defaults.identityFile(),
            defaults.sshOptions()),
        all.vars(),
        List.copyOf(hosts),
        specs,
        List.of(),
        List.of());
  }

  /** A host pattern whose {@code :port} is not a port, {@code offset} characters into it. */
  static final class BadPort extends Exception {
    private static final long serialVersionUID = 1L;
    final int offset;

    BadPort(String message, int offset) {
      super(message);
      this.offset = offset;
    }
  }

  /** An Ansible host pattern split into hosts and an optional {@code :port}. */
  record HostPattern(String hosts, Integer port) {
    /**
     * Splits {@code host:port}.
     *
     * @throws BadPort when the text after the colon is not a port from 1 to 65535
     */
    static HostPattern parse(String pattern) throws BadPort {
      // The port is after the last colon outside brackets, when there is exactly one such
      // colon; several colons outside brackets are an IPv6 address, which has no port unless
      // written in brackets.
      int depth = 0;
      int colons = 0;
      int last = -1;
      for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i);
        if (c == '[') {
          depth++;
        } else if (c == ']') {
          depth--;
        } else if (c == ':' && depth == 0) {
          colons++;
          last = i;
        }
      }
      if (colons != 1) {
        return new HostPattern(pattern, null);
      }
      String port = pattern.substring(last + 1);
      OptionalInt number = PortNumber.parse(port);
      if (number.isPresent()) {
        return new HostPattern(pattern.substring(0, last), number.getAsInt());
      }
      throw new BadPort(
          "host `"
              + pattern.substring(0, last)
              + "` has a bad port `"
              + port
              + "`: write host:PORT with a port from 1 to 65535",
          last + 1);
    }
  }
}
