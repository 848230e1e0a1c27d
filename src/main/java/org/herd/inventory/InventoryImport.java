package org.herd.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herd.nodeset.NodeSet;

/**
 * Converts an Ansible inventory or a ClusterShell group file into an equivalent {@code herd.yaml}:
 * hosts with the same settings are folded into one node-set key, Ansible connection variables
 * become connection settings, children become {@code @child} members, and ClusterShell sources
 * other than the first become {@code source:group} groups.
 *
 * <p>The source must load without problems; the result loads to the same hosts, settings and groups
 * (tested by a round trip).
 */
public final class InventoryImport {

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .build();

  private InventoryImport() {}

  /**
   * The {@code herd.yaml} text equivalent to the inventory {@code ref} names.
   *
   * @throws InventoryException if the source has problems
   */
  public static String toHerdYaml(InventoryRef ref) {
    return toHerdYaml(ref, InventoryLoader.read(ref));
  }

  /** The {@code herd.yaml} text equivalent to {@code text}, the content of {@code ref}. */
  public static String toHerdYaml(InventoryRef ref, String text) {
    Problems problems = new Problems();
    InventorySpec spec = InventoryLoader.spec(ref, text, problems);
    Inventory inventory = new InventoryResolver(spec, problems).resolve();
    problems.throwIfAny();
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> defaults = settings(spec.defaults());
    if (!defaults.isEmpty()) {
      root.put("defaults", defaults);
    }
    root.put("hosts", spec.hostsFromGroups() ? allHosts(inventory) : hosts(spec));
    Map<String, Object> groups = groups(spec);
    if (!groups.isEmpty()) {
      root.put("groups", groups);
    }
    if (!spec.vars().isEmpty()) {
      root.put("vars", spec.vars());
    }
    try {
      String yaml = YAML.writeValueAsString(root);
      // `host: null` reads better as `host:`, and means the same.
      yaml = yaml.replaceAll("(?m)^(\\s*[^\\s#].*?): null$", "$1:");
      return "# Imported by herd from " + ref + "; see docs/inventory.md\n" + yaml;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> allHosts(Inventory inventory) {
    Map<String, Object> hosts = new LinkedHashMap<>();
    for (String key : keys(inventory.hostNames())) {
      hosts.put(key, null);
    }
    return hosts;
  }

  /** Each host's own settings and variables, hosts that share them folded into one key. */
  private static Map<String, Object> hosts(InventorySpec spec) {
    Map<String, ConnectionSettings> settings = new LinkedHashMap<>();
    Map<String, Map<String, Object>> vars = new LinkedHashMap<>();
    for (InventorySpec.HostSpec host : spec.hosts()) {
      for (String name : names(host)) {
        settings.merge(name, host.settings(), ConnectionSettings::overriddenBy);
        vars.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(host.vars());
      }
    }
    // Hosts with the same own settings and variables share a key; a host with an address never
    // shares one, as an address belongs to one host.
    record Own(ConnectionSettings settings, Map<String, Object> vars, String alone) {}
    Map<Own, List<String>> alike = new LinkedHashMap<>();
    for (String name : settings.keySet()) {
      ConnectionSettings own = settings.get(name);
      alike
          .computeIfAbsent(
              new Own(own, vars.get(name), own.address() == null ? null : name),
              o -> new ArrayList<>())
          .add(name);
    }
    Map<String, Object> hosts = new LinkedHashMap<>();
    alike.forEach(
        (own, names) -> {
          Map<String, Object> body = settings(own.settings());
          if (!own.vars().isEmpty()) {
            body.put("vars", own.vars());
          }
          for (String key : keys(NodeSet.of(names))) {
            hosts.put(key, body.isEmpty() ? null : body);
          }
        });
    return hosts;
  }

  private static List<String> names(InventorySpec.HostSpec host) {
    return host.literal() ? List.of(host.key().text()) : NodeSet.parse(host.key().text()).expand();
  }

  private static Map<String, Object> groups(InventorySpec spec) {
    Map<String, Object> groups = new LinkedHashMap<>();
    for (InventorySpec.GroupSpec group : spec.groups()) {
      boolean first = group.source().equals(spec.defaultSource());
      String key = first ? group.name().text() : group.source() + ":" + group.name().text();
      List<String> members = members(group, spec.defaultSource());
      Map<String, Object> body = settings(group.settings());
      if (!group.vars().isEmpty()) {
        body.put("vars", group.vars());
      }
      if (body.isEmpty()) {
        groups.put(key, members.size() == 1 ? members.get(0) : members);
      } else {
        Map<String, Object> withMembers = new LinkedHashMap<>();
        withMembers.put("members", members.size() == 1 ? members.get(0) : members);
        withMembers.putAll(body);
        groups.put(key, withMembers);
      }
    }
    return groups;
  }

  /**
   * The member expressions: plain host names folded together, other expressions kept, and
   * references to the default source written as herd's own ({@code @roles:x} → {@code
   * @herd:x}).
   */
  private static List<String> members(InventorySpec.GroupSpec group, String defaultSource) {
    List<String> names = new ArrayList<>();
    List<String> expressions = new ArrayList<>();
    for (Located member : group.members()) {
      String text = member.text();
      if (text.matches("[^@\\[\\],!&^*?\\s]+")) {
        names.add(text);
      } else {
        expressions.add(
            defaultSource.equals(InventorySpec.HERD_SOURCE)
                ? text
                : text.replace("@" + defaultSource + ":", "@" + InventorySpec.HERD_SOURCE + ":"));
      }
    }
    List<String> members = new ArrayList<>();
    if (!names.isEmpty()) {
      members.add(NodeSet.of(names).fold());
    }
    members.addAll(expressions);
    return members;
  }

  private static Map<String, Object> settings(ConnectionSettings s) {
    Map<String, Object> map = new LinkedHashMap<>();
    putIfSet(map, "address", s.address());
    putIfSet(map, "user", s.user());
    putIfSet(map, "port", s.port());
    putIfSet(map, "transport", s.transport() == null ? null : s.transport().key());
    putIfSet(map, "become", s.become() == null ? null : s.become().key());
    putIfSet(map, "ssh_config", s.sshConfig());
    putIfSet(map, "identity_file", s.identityFile());
    putIfSet(map, "ssh_options", s.sshOptions());
    return map;
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** A folded node set split at its top-level commas: one host key per pattern. */
  private static List<String> keys(NodeSet set) {
    List<String> keys = new ArrayList<>();
    String folded = set.fold();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        keys.add(folded.substring(start, i));
        start = i + 1;
      }
    }
    if (start < folded.length()) {
      keys.add(folded.substring(start));
    }
    return keys;
  }
}
