package org.herd.recipe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.herd.text.CountOrPercent;
import org.herd.text.DidYouMean;

/**
 * Turns the YAML nodes of one recipe file into a {@link Recipe}, collecting every problem (unknown
 * keys with a "did you mean", wrong types, bad durations, budgets, regular expressions, JSON
 * pointers and template variables) before it reports them all. One instance per file.
 */
final class RecipeParser {

  private static final Set<String> TOP =
      Set.of(
          "name",
          "description",
          "packages",
          "services",
          "budget",
          "health",
          "ok-to-stop",
          "drain",
          "undrain",
          "order",
          "finalize",
          "install",
          "in-turn");
  private static final Set<String> HEALTH = Set.of("cluster", "member");
  private static final Set<String> CHECK =
      Set.of(
          "name",
          "command",
          "exit",
          "json",
          "stdout-matches",
          "tcp",
          "http",
          "status",
          "body-matches",
          "where",
          "interval",
          "stable-for",
          "deadline",
          "when");
  private static final Set<String> COMMAND = Set.of("command", "where", "when");
  private static final Set<String> ORDER_KINDS = Set.of("leader-last", "command");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})\\s*(ms|s|m|h)?");
  private static final Pattern WHEN = Pattern.compile("vars\\.[A-Za-z_][A-Za-z0-9_-]*");

  private final String origin;
  private final List<RecipeProblem> problems = new ArrayList<>();

  private RecipeParser(String origin) {
    this.origin = origin;
  }

  /**
   * Parses one recipe.
   *
   * @param file the file name for positions
   * @param origin {@link Recipe#BUILTIN} or the file
   * @throws RecipeException with every problem found
   */
  static Recipe parse(String file, String text, String origin) {
    RecipeNode root = RecipeYaml.parse(file, text);
    RecipeParser parser = new RecipeParser(origin);
    Recipe recipe = parser.recipe(root);
    if (!parser.problems.isEmpty()) {
      List<RecipeProblem> sorted = new ArrayList<>(parser.problems);
      sorted.sort(RecipeProblem.IN_FILE_ORDER);
      throw new RecipeException(sorted);
    }
    return recipe;
  }

  private Recipe recipe(RecipeNode root) {
    if (!(root instanceof RecipeNode.Mapping top)) {
      problem(
          root.position(), "a recipe is a mapping (name:, health:, ...), not " + root.describe());
      return null;
    }
    keys(top, TOP, "recipe");
    String name = top.get("name").map(n -> string(n, "name")).orElse("");
    if (top.get("name").isEmpty()) {
      problem(top.position(), "the recipe has no `name`");
    } else if (!name.isEmpty() && !NAME.matcher(name).matches()) {
      problem(
          top.get("name").get().position(),
          "recipe name `" + name + "`: use lower-case letters, digits, - and _");
    }
    String description = top.get("description").map(n -> string(n, "description")).orElse("");
    List<String> packages = top.get("packages").map(n -> strings(n, "packages")).orElse(List.of());
    List<String> services = top.get("services").map(n -> strings(n, "services")).orElse(List.of());
    CountOrPercent budget = top.get("budget").map(this::budget).orElse(CountOrPercent.ONE);
    List<Check> clusterHealth = List.of();
    List<Check> memberHealth = List.of();
    Optional<RecipeNode> health = top.get("health");
    if (health.isPresent()) {
      if (health.get() instanceof RecipeNode.Mapping h) {
        keys(h, HEALTH, "health");
        clusterHealth = h.get("cluster").map(n -> checks(n, CheckScope.ANY)).orElse(List.of());
        memberHealth = h.get("member").map(n -> checks(n, CheckScope.SELF)).orElse(List.of());
      } else {
        problem(health.get().position(), "`health` takes `cluster:` and `member:` check lists");
      }
    }
    List<Check> okToStop =
        top.get("ok-to-stop").map(n -> checks(n, CheckScope.SELF)).orElse(List.of());
    List<RecipeCommand> drain = top.get("drain").map(n -> commands(n, "drain")).orElse(List.of());
    List<RecipeCommand> undrain =
        top.get("undrain").map(n -> commands(n, "undrain")).orElse(List.of());
    List<RecipeCommand> finalizeSteps =
        top.get("finalize").map(n -> commands(n, "finalize")).orElse(List.of());
    MemberOrder order = top.get("order").map(this::order).orElse(MemberOrder.INVENTORY);
    InstallTiming install = top.get("install").map(this::install).orElse(InstallTiming.IN_TURN);
    List<String> inTurn = top.get("in-turn").map(n -> strings(n, "in-turn")).orElse(List.of());
    if (!inTurn.isEmpty() && install != InstallTiming.AHEAD) {
      problem(
          top.get("in-turn").get().position(),
          "`in-turn` names what waits for the member's turn when the recipe says `install: ahead`");
    }
    return new Recipe(
        name,
        description,
        packages,
        services,
        budget,
        clusterHealth,
        memberHealth,
        okToStop,
        drain,
        undrain,
        order,
        finalizeSteps,
        install,
        inTurn,
        origin);
  }

  // ---- parts ----

  private CountOrPercent budget(RecipeNode node) {
    if (node instanceof RecipeNode.Scalar s && !s.isNull()) {
      Optional<CountOrPercent> budget =
          CountOrPercent.parse(s.text()).filter(CountOrPercent::atLeastOne);
      if (budget.isPresent()) {
        return budget.get();
      }
    }
    problem(
        node.position(),
        "budget " + node.describe() + ": a number of members (1) or a percentage (1% to 100%)");
    return CountOrPercent.ONE;
  }

  private InstallTiming install(RecipeNode node) {
    if (node instanceof RecipeNode.Scalar s) {
      for (InstallTiming timing : InstallTiming.values()) {
        if (timing.key().equals(s.text())) {
          return timing;
        }
      }
    }
    problem(node.position(), "install " + node.describe() + ": `in-turn` or `ahead`");
    return InstallTiming.IN_TURN;
  }

  private MemberOrder order(RecipeNode node) {
    if (node instanceof RecipeNode.Scalar s && s.text().equals("inventory")) {
      return MemberOrder.INVENTORY;
    }
    if (node instanceof RecipeNode.Mapping m && m.entries().size() == 1) {
      RecipeNode.Entry entry = m.entries().get(0);
      if (ORDER_KINDS.contains(entry.key())) {
        Template command = template(entry.value(), "order " + entry.key());
        return entry.key().equals("leader-last")
            ? new MemberOrder.LeaderLast(command)
            : new MemberOrder.Listed(command);
      }
      problem(
          entry.keyPosition(),
          "unknown order `" + entry.key() + "`" + DidYouMean.hint(entry.key(), ORDER_KINDS));
      return MemberOrder.INVENTORY;
    }
    problem(
        node.position(),
        "order " + node.describe() + ": `inventory`, `leader-last: COMMAND` or `command: COMMAND`");
    return MemberOrder.INVENTORY;
  }

  private List<Check> checks(RecipeNode node, CheckScope defaultScope) {
    if (!(node instanceof RecipeNode.Sequence seq)) {
      problem(node.position(), "checks are a list, not " + node.describe());
      return List.of();
    }
    List<Check> checks = new ArrayList<>();
    for (RecipeNode item : seq.items()) {
      Check check = check(item, defaultScope);
      if (check != null) {
        checks.add(check);
      }
    }
    return checks;
  }

  private Check check(RecipeNode node, CheckScope defaultScope) {
    if (!(node instanceof RecipeNode.Mapping m)) {
      problem(
          node.position(),
          "a check is a mapping (command:, tcp: or http:), not " + node.describe());
      return null;
    }
    keys(m, CHECK, "check");
    List<String> kinds =
        m.entries().stream()
            .map(RecipeNode.Entry::key)
            .filter(k -> Set.of("command", "tcp", "http").contains(k))
            .toList();
    if (kinds.size() != 1) {
      problem(
          m.position(),
          kinds.isEmpty()
              ? "the check has no `command`, `tcp` or `http`"
              : "a check has one of `command`, `tcp`, `http`, not " + String.join(" and ", kinds));
      return null;
    }
    String kind = kinds.get(0);
    onlyFor(m, kind, "command", Set.of("exit", "json", "stdout-matches"));
    onlyFor(m, kind, "http", Set.of("status", "body-matches"));
    Probe probe =
        switch (kind) {
          case "command" ->
              new Probe.Command(
                  template(m.get("command").get(), "command"),
                  m.get("exit").map(n -> integer(n, "exit", 0, 255)).orElse(0),
                  m.get("json").map(this::json).orElse(Map.of()),
                  m.get("stdout-matches").map(this::regexes).orElse(List.of()));
          case "tcp" -> new Probe.Tcp(tcp(m.get("tcp").get()));
          default ->
              new Probe.Http(
                  template(m.get("http").get(), "http"),
                  m.get("status").map(n -> integer(n, "status", 100, 599)).orElse(200),
                  m.get("body-matches").map(this::regex));
        };
    String name = m.get("name").map(n -> string(n, "name")).orElse(probe.templates().get(0).text());
    CheckScope where = m.get("where").map(this::scope).orElse(defaultScope);
    CheckTiming timing =
        new CheckTiming(
            m.get("interval").map(this::duration).orElse(CheckTiming.DEFAULT.interval()),
            m.get("stable-for").map(this::duration).orElse(CheckTiming.DEFAULT.stableFor()),
            m.get("deadline").map(this::duration).orElse(CheckTiming.DEFAULT.deadline()));
    if (timing.interval().isZero()) {
      problem(m.get("interval").get().position(), "interval must be more than 0");
    }
    Optional<String> when = m.get("when").map(this::when);
    return new Check(name, probe, where, timing, when);
  }

  private void onlyFor(RecipeNode.Mapping m, String kind, String owner, Set<String> keys) {
    if (kind.equals(owner)) {
      return;
    }
    for (RecipeNode.Entry entry : m.entries()) {
      if (keys.contains(entry.key())) {
        problem(entry.keyPosition(), "`" + entry.key() + "` applies only to " + owner + " checks");
      }
    }
  }

  private CheckScope scope(RecipeNode node) {
    String text = string(node, "where");
    for (CheckScope scope : CheckScope.values()) {
      if (scope.key().equals(text)) {
        return scope;
      }
    }
    problem(node.position(), "where `" + text + "`: one of self, any, each");
    return CheckScope.SELF;
  }

  private String when(RecipeNode node) {
    String text = string(node, "when");
    if (!WHEN.matcher(text).matches()) {
      problem(node.position(), "when `" + text + "`: name a cluster variable, as in vars.port");
    }
    return text;
  }

  private Map<String, Template> json(RecipeNode node) {
    if (!(node instanceof RecipeNode.Mapping m)) {
      problem(node.position(), "json takes JSON pointers and values (/health: \"true\")");
      return Map.of();
    }
    Map<String, Template> expected = new LinkedHashMap<>();
    for (RecipeNode.Entry entry : m.entries()) {
      if (!entry.key().isEmpty() && !entry.key().startsWith("/")) {
        problem(
            entry.keyPosition(),
            "JSON pointer `" + entry.key() + "` must start with / (as in /0/health)");
      }
      expected.put(entry.key(), template(entry.value(), "json " + entry.key()));
    }
    return expected;
  }

  private List<Template> regexes(RecipeNode node) {
    if (node instanceof RecipeNode.Sequence seq) {
      return seq.items().stream().map(this::regex).toList();
    }
    return List.of(regex(node));
  }

  private Template regex(RecipeNode node) {
    Template regex = template(node, "regular expression");
    try {
      Pattern.compile(regex.text().replaceAll("\\{\\{[^{}]*}}", "x"));
    } catch (PatternSyntaxException e) {
      problem(node.position(), "bad regular expression: " + e.getDescription());
    }
    return regex;
  }

  private Template tcp(RecipeNode node) {
    Template address = template(node, "tcp");
    if (!address.text().matches(".+:([0-9]{1,5}|\\{\\{[^{}]*}})")) {
      problem(node.position(), "tcp `" + address.text() + "`: HOST:PORT, as in {{address}}:5672");
    }
    return address;
  }

  private List<RecipeCommand> commands(RecipeNode node, String what) {
    if (node instanceof RecipeNode.Sequence seq) {
      return seq.items().stream().map(n -> command(n, what)).toList();
    }
    return List.of(command(node, what));
  }

  /** A bare shell line, or {@code {command: LINE, where: self|each, when: vars.NAME}}. */
  private RecipeCommand command(RecipeNode node, String what) {
    if (!(node instanceof RecipeNode.Mapping m)) {
      return RecipeCommand.onSelf(template(node, what));
    }
    keys(m, COMMAND, what + " command");
    Optional<RecipeNode> line = m.get("command");
    if (line.isEmpty()) {
      problem(node.position(), what + ": a mapping needs `command:`");
      return RecipeCommand.onSelf(new Template("", node.position()));
    }
    CheckScope where = m.get("where").map(this::scope).orElse(CheckScope.SELF);
    if (where == CheckScope.ANY) {
      problem(m.get("where").get().position(), what + ": where `any` is for checks; self or each");
    }
    Optional<String> when = m.get("when").map(this::when);
    return new RecipeCommand(template(line.get(), what), where, when);
  }

  // ---- scalars ----

  private Template template(RecipeNode node, String what) {
    Template template = new Template(string(node, what), node.position());
    for (String variable : template.variables()) {
      Template.unknown(variable).ifPresent(message -> problem(node.position(), message));
    }
    if (template.hasStrayBraces()) {
      problem(node.position(), what + ": `{{` without a matching `}}`");
    }
    return template;
  }

  private String string(RecipeNode node, String what) {
    if (node instanceof RecipeNode.Scalar s && !s.isNull()) {
      return s.text();
    }
    problem(node.position(), what + " takes a value, not " + node.describe());
    return "";
  }

  private List<String> strings(RecipeNode node, String what) {
    if (node instanceof RecipeNode.Sequence seq) {
      return seq.items().stream().map(n -> string(n, what)).toList();
    }
    problem(node.position(), what + " is a list, not " + node.describe());
    return List.of();
  }

  private int integer(RecipeNode node, String what, int min, int max) {
    String text = string(node, what);
    if (text.matches("[0-9]{1,9}")) {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    }
    if (!text.isEmpty()) {
      problem(node.position(), what + " `" + text + "`: a number from " + min + " to " + max);
    }
    return min;
  }

  private Duration duration(RecipeNode node) {
    String text = string(node, "a duration").strip();
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      if (!text.isEmpty()) {
        problem(node.position(), "duration `" + text + "`: a number and ms, s, m or h (as in 30s)");
      }
      return Duration.ofSeconds(1);
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }

  private void keys(RecipeNode.Mapping mapping, Set<String> allowed, String what) {
    Set<String> seen = new java.util.HashSet<>();
    for (RecipeNode.Entry entry : mapping.entries()) {
      if (!allowed.contains(entry.key())) {
        problem(
            entry.keyPosition(),
            "unknown "
                + what
                + " key `"
                + entry.key()
                + "`"
                + DidYouMean.hint(entry.key(), allowed));
      } else if (!seen.add(entry.key())) {
        problem(entry.keyPosition(), "`" + entry.key() + "` is given twice");
      }
    }
  }

  private void problem(SourcePosition position, String message) {
    problems.add(new RecipeProblem(position, message));
  }
}
