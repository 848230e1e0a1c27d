package org.herd.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads ClusterShell group files ({@code groups.d/*.yaml}): a mapping of group sources, each a
 * mapping of group names to a node set or a list of node sets, as ClusterShell's {@code
 * YAMLGroupLoader} reads them. Within a source, {@code @group} names a group of the same source;
 * the first source of the file is the default one, and the hosts are every member of every group.
 *
 * <p>As in ClusterShell, whitespace inside a group's value separates node sets just like a comma.
 */
final class ClushGroupsReader {

  private final Problems problems;
  private final YamlFields fields;

  ClushGroupsReader(Problems problems) {
    this.problems = problems;
    this.fields = new YamlFields(problems);
  }

  InventorySpec read(String file, Path directory, String text) {
    YamlNode root = YamlTree.parse(file, text);
    fields.duplicateKeys(root);
    List<InventorySpec.GroupSpec> groups = new ArrayList<>();
    String defaultSource = null;
    if (root instanceof YamlNode.Scalar s && s.isNull()) {
      problems.add(Position.of(file), "the group file is empty");
    } else if (!(root instanceof YamlNode.Mapping top)) {
      problems.add(
          root.position(),
          "a ClusterShell group file must be a mapping of group sources, not " + root.describe());
    } else {
      for (YamlNode.Entry source : top.entries()) {
        Optional<Located> sourceName = fields.name(source.key(), "group source");
        if (sourceName.isEmpty()) {
          continue;
        }
        if (defaultSource == null) {
          defaultSource = sourceName.get().text();
        }
        Optional<YamlNode.Mapping> body =
            fields.mapping(source.value(), "group source `" + source.name() + "`");
        for (YamlNode.Entry group : body.map(YamlNode.Mapping::entries).orElse(List.of())) {
          Optional<Located> name = fields.name(group.key(), "group");
          List<Located> members = members(group);
          name.ifPresent(
              n ->
                  groups.add(
                      new InventorySpec.GroupSpec(
                          sourceName.get().text(), n, members, ConnectionSettings.NONE, Map.of())));
        }
      }
    }
    return new InventorySpec(
        file,
        directory,
        defaultSource == null ? InventorySpec.HERD_SOURCE : defaultSource,
        true,
        ConnectionSettings.NONE,
        Map.of(),
        List.of(),
        groups,
        List.of(),
        List.of());
  }

  private List<Located> members(YamlNode.Entry group) {
    String what = "group `" + group.name() + "`";
    List<YamlNode> items =
        group.value() instanceof YamlNode.Sequence sequence
            ? sequence.items()
            : List.of(group.value());
    List<Located> members = new ArrayList<>();
    for (YamlNode item : items) {
      if (item instanceof YamlNode.Scalar s && !s.isNull()) {
        for (String part : s.text().strip().split("\\s+")) {
          if (!part.isEmpty()) {
            members.add(new Located(part, s.position()));
          }
        }
      } else if (!(item instanceof YamlNode.Scalar)) {
        problems.add(
            item.position(),
            what + " must be a node set or a list of node sets, not " + item.describe());
      }
    }
    return members;
  }
}
