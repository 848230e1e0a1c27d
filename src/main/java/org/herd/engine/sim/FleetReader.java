package org.herd.engine.sim;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.herd.engine.Canary;
import org.herd.engine.Rollout;
import org.herd.engine.Serial;
import org.herd.engine.UpgradeStep;
import org.herd.inventory.DisruptionBudget;
import org.herd.inventory.InventoryException;
import org.herd.inventory.Position;
import org.herd.inventory.Problem;
import org.herd.inventory.SoakTime;
import org.herd.nodeset.GroupResolver;
import org.herd.nodeset.NodeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a fleet file (docs/simulate.md) into a {@link Fleet}, reporting every mistake at once as
 * {@code FILE:LINE:COL: message}, one line each ({@link InventoryException}).
 */
public final class FleetReader {

  private static final Set<String> TOP =
      Set.of(
          "seed",
          "parallel",
          "serial",
          "canary",
          "gate-retry",
          "gate-deadline",
          "steps",
          "clusters",
          "pools",
          "standalone",
          "waves",
          "failures");
  private static final Set<String> GROUP =
      Set.of("name", "count", "size", "members", "budget", "settle", "steps");

  private final String file;
  private final List<Problem> problems = new ArrayList<>();

  private FleetReader(String file) {
    this.file = file;
  }

  /**
   * Reads the fleet file {@code text}, named {@code file} in messages.
   *
   * @throws InventoryException with every problem found
   */
  public static Fleet read(String file, String text) {
    return new FleetReader(file).read(text);
  }

  private Fleet read(String text) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      throw new InventoryException(
          new Position(file, mark.getLine() + 1, mark.getColumn() + 1),
          "YAML syntax: " + e.getProblem());
    }
    if (!(root instanceof MappingNode top)) {
      throw new InventoryException(
          root == null ? Position.of(file) : at(root), "a fleet file is a mapping of settings");
    }
    Map<String, Node> fields = fields(top, TOP);
    long seed = integer(fields.get("seed"), 1, Long.MIN_VALUE);
    int parallel = (int) integer(fields.get("parallel"), 10, 1);
    Serial serial = Serial.ALL;
    if (fields.containsKey("serial")) {
      serial = parse(fields.get("serial"), t -> Serial.parse(serialText(fields.get("serial"))));
    }
    Canary canary = Canary.NONE;
    if (fields.containsKey("canary")) {
      canary = parse(fields.get("canary"), t -> Canary.parse(t, SoakTime::parse));
    }
    Duration retry = duration(fields.get("gate-retry"), Duration.ofSeconds(10));
    Duration deadline = duration(fields.get("gate-deadline"), Duration.ofMinutes(30));
    Map<UpgradeStep, Timing> defaults = steps(fields.get("steps"), Map.of());
    List<FleetGroup> groups = new ArrayList<>();
    groups(fields.get("clusters"), FleetGroup.Kind.CLUSTER, defaults, groups);
    groups(fields.get("pools"), FleetGroup.Kind.POOL, defaults, groups);
    groups(fields.get("standalone"), FleetGroup.Kind.STANDALONE, defaults, groups);
    Set<String> hosts = new LinkedHashSet<>();
    groups.forEach(g -> hosts.addAll(g.members()));
    Map<String, String> groupHosts = new LinkedHashMap<>();
    groups.forEach(
        g -> groupHosts.merge(g.name(), String.join(",", g.members()), (a, b) -> a + "," + b));
    List<Rollout.Stage> waves = waves(fields.get("waves"), hosts, groupHosts);
    Map<String, UpgradeStep> failures = new LinkedHashMap<>();
    List<Fleet.GateFailure> gateFailures = new ArrayList<>();
    List<Fleet.GateFailure> stopRefusals = new ArrayList<>();
    failures(fields.get("failures"), hosts, groupHosts, failures, gateFailures, stopRefusals);
    if (hosts.isEmpty() && problems.isEmpty()) {
      problems.add(
          Problem.at(
              at(top), "the fleet has no hosts: declare clusters, pools or standalone hosts"));
    }
    if (!problems.isEmpty()) {
      problems.sort(Problem.IN_FILE_ORDER);
      throw new InventoryException(problems);
    }
    return new Fleet(
        groups,
        waves,
        serial,
        parallel,
        canary,
        retry,
        deadline,
        failures,
        gateFailures,
        stopRefusals,
        seed);
  }

  private void groups(
      Node node, FleetGroup.Kind kind, Map<UpgradeStep, Timing> defaults, List<FleetGroup> groups) {
    for (Node item : list(node)) {
      if (!(item instanceof MappingNode mapping)) {
        problem(item, "expected a mapping with name, size, budget…");
        continue;
      }
      Map<String, Node> fields = fields(mapping, GROUP);
      String name = scalar(fields.get("name"));
      if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
        problem(
            fields.getOrDefault("name", item), "a group needs a name of letters, digits, - _ .");
        continue;
      }
      int count = (int) integer(fields.get("count"), 0, 1);
      int size = (int) integer(fields.get("size"), 0, 1);
      DisruptionBudget budget = DisruptionBudget.ONE;
      if (fields.containsKey("budget")) {
        budget =
            parse(
                fields.get("budget"),
                t ->
                    DisruptionBudget.parse(t)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "a budget is a number of members (at least 1) or a percentage"
                                        + " from 1% to 100%, not `"
                                        + t
                                        + "`")));
      } else if (kind == FleetGroup.Kind.POOL) {
        budget = new DisruptionBudget.Percent(25);
      }
      Duration settle = duration(fields.get("settle"), Duration.ZERO);
      Map<UpgradeStep, Timing> steps = steps(fields.get("steps"), defaults);
      List<String> explicit = List.of();
      if (fields.containsKey("members")) {
        String expr = scalar(fields.get("members"));
        explicit = parse(fields.get("members"), t -> NodeSet.parse(expr).expand());
      } else if (size == 0) {
        problem(item, "group " + name + " needs a size or members");
        continue;
      }
      for (int c = 1; c <= Math.max(1, count); c++) {
        String cluster = count == 0 ? name : name + c;
        List<String> members = new ArrayList<>(explicit);
        if (explicit.isEmpty()) {
          for (int i = 1; i <= size; i++) {
            members.add(cluster + "-" + i);
          }
        }
        groups.add(new FleetGroup(cluster, kind, members, budget, steps, settle));
      }
    }
  }

  private Map<UpgradeStep, Timing> steps(Node node, Map<UpgradeStep, Timing> defaults) {
    Map<UpgradeStep, Timing> steps = new EnumMap<>(UpgradeStep.class);
    steps.putAll(defaults);
    if (node == null) {
      return steps;
    }
    if (!(node instanceof MappingNode mapping)) {
      problem(node, "steps: expected a mapping of step: duration, such as install: 3m ±1m");
      return steps;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalar(tuple.getKeyNode());
      UpgradeStep step;
      try {
        step = simulatedStep(key);
      } catch (IllegalArgumentException e) {
        problem(tuple.getKeyNode(), "unknown step `" + key + "`; steps are " + stepNames());
        continue;
      }
      Optional<Timing> timing = Timing.parse(String.valueOf(scalar(tuple.getValueNode())));
      if (timing.isEmpty()) {
        problem(tuple.getValueNode(), "expected a duration such as 3m or 3m ±1m");
      } else {
        steps.put(step, timing.get());
      }
    }
    return steps;
  }

  private List<Rollout.Stage> waves(Node node, Set<String> hosts, Map<String, String> groupHosts) {
    List<Rollout.Stage> waves = new ArrayList<>();
    for (Node item : list(node)) {
      if (!(item instanceof MappingNode mapping)) {
        problem(item, "expected a mapping with name, nodes, soak");
        continue;
      }
      Map<String, Node> fields = fields(mapping, Set.of("name", "nodes", "soak"));
      String name = scalar(fields.get("name"));
      if (name == null) {
        problem(item, "a wave needs a name");
        continue;
      }
      Duration soak = duration(fields.get("soak"), Duration.ZERO);
      List<String> members = nodes(fields.get("nodes"), hosts, groupHosts, item);
      waves.add(new Rollout.Stage(name, members, soak));
    }
    return waves;
  }

  private void failures(
      Node node,
      Set<String> hosts,
      Map<String, String> groupHosts,
      Map<String, UpgradeStep> failures,
      List<Fleet.GateFailure> gateFailures,
      List<Fleet.GateFailure> stopRefusals) {
    for (Node item : list(node)) {
      if (!(item instanceof MappingNode mapping)) {
        problem(
            item,
            "expected host: HOST, step: STEP, or gate (or ok-to-stop): CLUSTER, from: TIME, for:"
                + " TIME");
        continue;
      }
      Map<String, Node> fields =
          fields(mapping, Set.of("host", "step", "gate", "ok-to-stop", "from", "for"));
      if (fields.containsKey("host")) {
        String host = scalar(fields.get("host"));
        String step = scalar(fields.get("step"));
        if (!hosts.contains(host)) {
          problem(fields.get("host"), "unknown host `" + host + "`");
        } else if (step == null) {
          problem(item, "a host failure needs the step it fails at");
        } else {
          try {
            failures.put(host, simulatedStep(step));
          } catch (IllegalArgumentException e) {
            problem(fields.get("step"), "unknown step `" + step + "`; steps are " + stepNames());
          }
        }
      } else if (fields.containsKey("gate") || fields.containsKey("ok-to-stop")) {
        String key = fields.containsKey("gate") ? "gate" : "ok-to-stop";
        String cluster = scalar(fields.get(key));
        if (!groupHosts.containsKey(cluster)) {
          problem(fields.get(key), "unknown cluster `" + cluster + "`");
        }
        Duration from = duration(fields.get("from"), Duration.ZERO);
        Duration length = duration(fields.get("for"), Duration.ofDays(365));
        (key.equals("gate") ? gateFailures : stopRefusals)
            .add(new Fleet.GateFailure(cluster, from, length));
      } else {
        problem(
            item,
            "a failure names a host (host:, step:), a cluster's gate (gate:, from:, for:) or its"
                + " ok-to-stop check (ok-to-stop:, from:, for:)");
      }
    }
  }

  private List<String> nodes(
      Node node, Set<String> hosts, Map<String, String> groupHosts, Node owner) {
    if (node == null) {
      problem(owner, "a wave needs nodes");
      return List.of();
    }
    List<String> expressions = new ArrayList<>();
    if (node instanceof SequenceNode sequence) {
      sequence.getValue().forEach(n -> expressions.add(scalar(n)));
    } else {
      expressions.add(scalar(node));
    }
    GroupResolver groups =
        new GroupResolver() {
          @Override
          public Optional<String> group(String source, String name) {
            return Optional.ofNullable(groupHosts.get(name));
          }

          @Override
          public Optional<String> all(String source) {
            return Optional.of(String.join(",", hosts));
          }
        };
    try {
      List<String> members = new ArrayList<>();
      for (String expression : expressions) {
        for (String host : NodeSet.parse(expression, groups).expand()) {
          if (!hosts.contains(host)) {
            problem(node, "unknown host `" + host + "`");
            return List.of();
          }
          members.add(host);
        }
      }
      return members;
    } catch (RuntimeException e) {
      problem(node, "bad node set: " + e.getMessage());
      return List.of();
    }
  }

  private Map<String, Node> fields(MappingNode mapping, Set<String> known) {
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalar(tuple.getKeyNode());
      if (!known.contains(key)) {
        problem(
            tuple.getKeyNode(),
            "unknown key `" + key + "`; expected one of " + new java.util.TreeSet<>(known));
      } else if (fields.put(key, tuple.getValueNode()) != null) {
        problem(tuple.getKeyNode(), "duplicate key `" + key + "`");
      }
    }
    return fields;
  }

  private List<Node> list(Node node) {
    if (node == null) {
      return List.of();
    }
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    problem(node, "expected a list");
    return List.of();
  }

  private String scalar(Node node) {
    return node instanceof ScalarNode s ? s.getValue() : null;
  }

  private String serialText(Node node) {
    if (node instanceof SequenceNode sequence) {
      return String.join(
          ",", sequence.getValue().stream().map(this::scalar).map(String::valueOf).toList());
    }
    return String.valueOf(scalar(node));
  }

  private long integer(Node node, long fallback, long min) {
    if (node == null) {
      return fallback;
    }
    String text = scalar(node);
    try {
      long value = Long.parseLong(String.valueOf(text).strip());
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(
        node,
        "expected a whole number"
            + (min > Long.MIN_VALUE ? " of at least " + min : "")
            + ", not `"
            + text
            + "`");
    return fallback;
  }

  private Duration duration(Node node, Duration fallback) {
    if (node == null) {
      return fallback;
    }
    Optional<Duration> parsed = SoakTime.parse(String.valueOf(scalar(node)));
    if (parsed.isEmpty()) {
      problem(node, "expected a duration such as 30s, 10m, 1h30m or 0, not `" + scalar(node) + "`");
      return fallback;
    }
    return parsed.get();
  }

  private <T> T parse(Node node, java.util.function.Function<String, T> parser) {
    String text = node instanceof SequenceNode ? serialText(node) : String.valueOf(scalar(node));
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      problem(node, e.getMessage() == null ? "bad value `" + text + "`" : e.getMessage());
      return null;
    }
  }

  private void problem(Node node, String message) {
    problems.add(Problem.at(at(node), message));
  }

  private Position at(Node node) {
    return new Position(
        file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
  }

  /** The step named so, among those the simulator runs (it installs every host in its turn). */
  private static UpgradeStep simulatedStep(String name) {
    UpgradeStep step = UpgradeStep.ofJournalName(name);
    if (step == UpgradeStep.PREINSTALL) {
      throw new IllegalArgumentException("not simulated: " + name);
    }
    return step;
  }

  private static String stepNames() {
    return String.join(
            ", ",
            java.util.Arrays.stream(UpgradeStep.values())
                .filter(step -> step != UpgradeStep.PREINSTALL)
                .map(UpgradeStep::journalName)
                .toList())
        .toLowerCase(Locale.ROOT);
  }
}
