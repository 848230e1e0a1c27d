package org.herd.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Ansible YAML inventories: top-level groups (usually just {@code all}), each a mapping of
 * {@code hosts} (host pattern → variables), {@code children} (group name → group) and {@code vars},
 * as Ansible's {@code yaml} inventory plugin does, reporting every mistake with its position.
 */
final class AnsibleYamlReader {

  private static final List<String> GROUP_KEYS = List.of("hosts", "children", "vars");

  private final Problems problems;
  private final YamlFields fields;

  AnsibleYamlReader(Problems problems) {
    this.problems = problems;
    this.fields = new YamlFields(problems);
  }

  InventorySpec read(String file, Path directory, String text) {
    YamlNode root = YamlTree.parse(file, text);
    fields.duplicateKeys(root);
    AnsibleInventoryBuilder builder = new AnsibleInventoryBuilder(file, directory, problems);
    if (root instanceof YamlNode.Scalar s && s.isNull()) {
      problems.add(Position.of(file), "the inventory is empty");
    } else {
      fields
          .mapping(root, "an Ansible YAML inventory")
          .ifPresent(
              top -> {
                for (YamlNode.Entry entry : top.entries()) {
                  group(builder, entry);
                }
              });
    }
    return builder.build();
  }

  private void group(AnsibleInventoryBuilder builder, YamlNode.Entry entry) {
    String name = entry.name();
    builder.group(name, entry.key().position());
    Optional<YamlNode.Mapping> body = fields.mapping(entry.value(), "group `" + name + "`");
    if (body.isEmpty()) {
      return;
    }
    fields.knownKeys(body.get(), GROUP_KEYS, "in group `" + name + "`");
    body.get()
        .entry("vars")
        .flatMap(e -> fields.mapping(e.value(), "`vars` of group `" + name + "`"))
        .ifPresent(vars -> vars(vars).forEach(v -> builder.var(name, v)));
    body.get()
        .entry("hosts")
        .flatMap(e -> fields.mapping(e.value(), "`hosts` of group `" + name + "`"))
        .ifPresent(
            hosts -> {
              for (YamlNode.Entry host : hosts.entries()) {
                List<AnsibleVars.Var> vars =
                    fields
                        .mapping(host.value(), "host `" + host.name() + "`")
                        .map(this::vars)
                        .orElse(List.of());
                builder.hosts(name, host.name(), host.key().position(), vars);
              }
            });
    body.get()
        .entry("children")
        .flatMap(e -> fields.mapping(e.value(), "`children` of group `" + name + "`"))
        .ifPresent(
            children -> {
              for (YamlNode.Entry child : children.entries()) {
                group(builder, child);
                if (!name.equals("all")) {
                  builder.child(name, child.name(), child.key().position());
                }
              }
            });
  }

  private List<AnsibleVars.Var> vars(YamlNode.Mapping mapping) {
    List<AnsibleVars.Var> vars = new ArrayList<>();
    for (YamlNode.Entry entry : mapping.entries()) {
      vars.add(new AnsibleVars.Var(entry.name(), entry.value().toJava(), entry.value().position()));
    }
    return vars;
  }
}
