package org.herd.inventory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads herd's own inventory format, {@code herd.yaml}, into an {@link InventorySpec}, reporting
 * every unknown key, wrong type and bad value with its position. The format is documented in {@code
 * docs/inventory.md}.
 */
final class HerdYamlReader {

  static final List<String> TOP_KEYS =
      List.of("defaults", "hosts", "groups", "clusters", "waves", "vars");
  static final List<String> HOST_KEYS = with(SettingsReader.KEYS, "vars");
  static final List<String> GROUP_KEYS = with(List.of("members"), HOST_KEYS);
  static final List<String> DEFAULT_KEYS =
      SettingsReader.KEYS.subList(1, SettingsReader.KEYS.size());
  static final List<String> CLUSTER_KEYS = List.of("members", "recipe", "budget", "order", "vars");
  static final List<String> WAVE_KEYS = List.of("name", "nodes", "soak");

  private final Problems problems;
  private final YamlFields fields;
  private final SettingsReader settings;

  HerdYamlReader(Problems problems) {
    this.problems = problems;
    this.fields = new YamlFields(problems);
    this.settings = new SettingsReader(problems);
  }

  /** Reads {@code text}, the content of {@code file}. */
  InventorySpec read(String file, Path directory, String text) {
    YamlNode root = YamlTree.parse(file, text);
    fields.duplicateKeys(root);
    YamlNode.Mapping top;
    if (root instanceof YamlNode.Mapping mapping) {
      top = mapping;
    } else if (root instanceof YamlNode.Scalar s && s.isNull()) {
      problems.add(Position.of(file), "the inventory is empty; declare at least `hosts`");
      top = new YamlNode.Mapping(List.of(), root.position());
    } else {
      problems.add(
          root.position(),
          "an inventory must be a mapping of "
              + String.join(", ", TOP_KEYS)
              + ", not "
              + root.describe());
      top = new YamlNode.Mapping(List.of(), root.position());
    }
    fields.knownKeys(top, TOP_KEYS, "at the top level");
    return new InventorySpec(
        file,
        directory,
        InventorySpec.HERD_SOURCE,
        false,
        section(top, "defaults").map(this::defaults).orElse(ConnectionSettings.NONE),
        section(top, "vars").map(n -> fields.vars(n, "`vars`")).orElse(Map.of()),
        section(top, "hosts").map(this::hosts).orElse(List.of()),
        section(top, "groups").map(this::groups).orElse(List.of()),
        section(top, "clusters").map(this::clusters).orElse(List.of()),
        section(top, "waves").map(this::waves).orElse(List.of()));
  }

  private static Optional<YamlNode> section(YamlNode.Mapping top, String key) {
    return top.entry(key).map(YamlNode.Entry::value);
  }

  private ConnectionSettings defaults(YamlNode node) {
    Optional<YamlNode.Mapping> mapping = fields.mapping(node, "`defaults`");
    if (mapping.isEmpty()) {
      return ConnectionSettings.NONE;
    }
    for (YamlNode.Entry entry : mapping.get().entries()) {
      if (entry.name().equals("address")) {
        problems.add(
            entry.key().position(),
            "`address` cannot be a default: it is the address of one host; set it on the host");
      } else if (entry.name().equals("vars")) {
        problems.add(
            entry.key().position(),
            "variables of every host go in the top-level `vars`, not in `defaults`");
      }
    }
    fields.knownKeys(mapping.get(), with(DEFAULT_KEYS, "address", "vars"), "in `defaults`");
    ConnectionSettings read = settings.read(mapping.get());
    return new ConnectionSettings(
        null,
        read.user(),
        read.port(),
        read.transport(),
        read.become(),
        read.sshConfig(),
        read.identityFile(),
        read.sshOptions());
  }

  private List<InventorySpec.HostSpec> hosts(YamlNode node) {
    List<InventorySpec.HostSpec> hosts = new ArrayList<>();
    fields
        .mapping(node, "`hosts`")
        .ifPresent(
            mapping -> {
              for (YamlNode.Entry entry : mapping.entries()) {
                Located key = new Located(entry.name().strip(), entry.key().position());
                String where = "in host `" + entry.name() + "`";
                YamlNode.Mapping body =
                    fields
                        .mapping(entry.value(), "host `" + entry.name() + "`")
                        .orElse(new YamlNode.Mapping(List.of(), entry.value().position()));
                fields.knownKeys(body, HOST_KEYS, where);
                hosts.add(
                    new InventorySpec.HostSpec(key, false, settings.read(body), vars(body, where)));
              }
            });
    return hosts;
  }

  private List<InventorySpec.GroupSpec> groups(YamlNode node) {
    List<InventorySpec.GroupSpec> groups = new ArrayList<>();
    Optional<YamlNode.Mapping> mapping = fields.mapping(node, "`groups`");
    for (YamlNode.Entry entry : mapping.map(YamlNode.Mapping::entries).orElse(List.of())) {
      String source = InventorySpec.HERD_SOURCE;
      YamlNode.Scalar key = entry.key();
      int colon = key.text().indexOf(':');
      if (colon >= 0) {
        // `racks:rack1` declares group rack1 of source racks, as imported from ClusterShell.
        source = key.text().substring(0, colon);
        key =
            new YamlNode.Scalar(key.kind(), key.text().substring(colon + 1), null, key.position());
        if (!YamlFields.NAME.matcher(source).matches()) {
          problems.add(key.position(), "group source `" + source + "` is not a valid name");
        }
      }
      Optional<Located> name = fields.name(key, "group");
      String what = "group `" + entry.name() + "`";
      List<Located> members;
      ConnectionSettings groupSettings = ConnectionSettings.NONE;
      Map<String, Object> vars = Map.of();
      if (entry.value() instanceof YamlNode.Mapping body) {
        fields.knownKeys(body, GROUP_KEYS, "in " + what);
        members =
            body.entry("members")
                .map(e -> fields.nodeSets(e.value(), "`members` of " + what))
                .orElseGet(
                    () -> {
                      problems.add(entry.key().position(), what + " needs `members`");
                      return List.of();
                    });
        groupSettings = settings.read(body);
        vars = vars(body, "in " + what);
      } else {
        members = fields.nodeSets(entry.value(), what);
      }
      if (name.isPresent()) {
        groups.add(new InventorySpec.GroupSpec(source, name.get(), members, groupSettings, vars));
      }
    }
    return groups;
  }

  private List<InventorySpec.ClusterSpec> clusters(YamlNode node) {
    List<InventorySpec.ClusterSpec> clusters = new ArrayList<>();
    Optional<YamlNode.Mapping> mapping = fields.mapping(node, "`clusters`");
    for (YamlNode.Entry entry : mapping.map(YamlNode.Mapping::entries).orElse(List.of())) {
      Optional<Located> name = fields.name(entry.key(), "cluster");
      String what = "cluster `" + entry.name() + "`";
      Optional<YamlNode.Mapping> body = fields.mapping(entry.value(), what);
      if (body.isEmpty()) {
        continue;
      }
      fields.knownKeys(body.get(), CLUSTER_KEYS, "in " + what);
      List<Located> members =
          body.get()
              .entry("members")
              .map(e -> fields.nodeSets(e.value(), "`members` of " + what))
              .orElseGet(
                  () -> {
                    problems.add(entry.key().position(), what + " needs `members`");
                    return List.of();
                  });
      Located recipe =
          body.get().entry("recipe").flatMap(e -> recipe(e.value(), what)).orElse(null);
      DisruptionBudget budget = body.get().entry("budget").map(e -> budget(e.value())).orElse(null);
      List<Located> order =
          body.get()
              .entry("order")
              .map(e -> fields.nodeSets(e.value(), "`order` of " + what))
              .orElse(List.of());
      if (name.isPresent()) {
        clusters.add(
            new InventorySpec.ClusterSpec(
                name.get(), members, recipe, budget, order, vars(body.get(), "in " + what)));
      }
    }
    return clusters;
  }

  private Optional<Located> recipe(YamlNode node, String what) {
    if (node instanceof YamlNode.Scalar s && !s.isNull()) {
      return fields.name(s, "recipe");
    }
    problems.add(
        node.position(), "`recipe` of " + what + " must be a recipe name, not " + node.describe());
    return Optional.empty();
  }

  private DisruptionBudget budget(YamlNode node) {
    if (node instanceof YamlNode.Scalar s && !s.isNull()) {
      Optional<DisruptionBudget> budget = DisruptionBudget.parse(s.text());
      if (budget.isPresent()) {
        return budget.get();
      }
    }
    problems.add(
        node.position(),
        "`budget` must be a number of members (at least 1) or a percentage from 1% to 100%, not "
            + SettingsReader.shown(node));
    return DisruptionBudget.ONE;
  }

  private List<InventorySpec.WaveSpec> waves(YamlNode node) {
    List<InventorySpec.WaveSpec> waves = new ArrayList<>();
    if (!(node instanceof YamlNode.Sequence sequence)) {
      if (!(node instanceof YamlNode.Scalar s && s.isNull())) {
        problems.add(
            node.position(), "`waves` must be a list (waves run in order), not " + node.describe());
      }
      return waves;
    }
    Map<String, Located> names = new HashMap<>();
    for (YamlNode item : sequence.items()) {
      Optional<YamlNode.Mapping> body = fields.mapping(item, "a wave");
      if (body.isEmpty()) {
        continue;
      }
      fields.knownKeys(body.get(), WAVE_KEYS, "in a wave");
      Optional<Located> name = body.get().entry("name").flatMap(e -> waveName(e.value()));
      if (body.get().entry("name").isEmpty()) {
        problems.add(body.get().position(), "a wave needs a `name`");
      }
      String what = "wave `" + name.map(Located::text).orElse("?") + "`";
      List<Located> nodes =
          body.get()
              .entry("nodes")
              .map(e -> fields.nodeSets(e.value(), "`nodes` of " + what))
              .orElseGet(
                  () -> {
                    problems.add(body.get().position(), what + " needs `nodes`");
                    return List.of();
                  });
      Duration soak = body.get().entry("soak").map(e -> soak(e.value())).orElse(Duration.ZERO);
      if (name.isPresent()) {
        Located first = names.putIfAbsent(name.get().text(), name.get());
        if (first != null) {
          problems.add(
              name.get().position(),
              "there is already a wave `"
                  + first.text()
                  + "` (at line "
                  + first.position().line()
                  + ")");
        }
        waves.add(new InventorySpec.WaveSpec(name.get(), nodes, soak));
      }
    }
    return waves;
  }

  private Optional<Located> waveName(YamlNode node) {
    if (node instanceof YamlNode.Scalar s && !s.isNull()) {
      return fields.name(s, "wave");
    }
    problems.add(node.position(), "a wave `name` must be a name, not " + node.describe());
    return Optional.empty();
  }

  private Duration soak(YamlNode node) {
    if (node instanceof YamlNode.Scalar s && !s.isNull()) {
      Optional<Duration> soak = SoakTime.parse(s.text());
      if (soak.isPresent()) {
        return soak.get();
      }
      if (s.text().matches("[0-9]+")) {
        problems.add(
            s.position(), "`soak` needs a unit, as in `" + s.text() + "s` or `" + s.text() + "m`");
        return Duration.ZERO;
      }
    }
    problems.add(
        node.position(),
        "`soak` must be a duration such as 30s, 10m, 1h or 1h30m, not "
            + SettingsReader.shown(node));
    return Duration.ZERO;
  }

  private Map<String, Object> vars(YamlNode.Mapping body, String where) {
    return body.entry("vars").map(e -> fields.vars(e.value(), "`vars` " + where)).orElse(Map.of());
  }

  private static List<String> with(List<String> list, String... more) {
    return Stream.concat(list.stream(), Stream.of(more)).toList();
  }

  private static List<String> with(List<String> list, List<String> more) {
    return Stream.concat(list.stream(), more.stream()).toList();
  }
}
