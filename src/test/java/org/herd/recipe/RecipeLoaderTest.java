package org.herd.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.herd.text.CountOrPercent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Recipe files: what a valid one means, and the exact message of each kind of mistake. */
class RecipeLoaderTest {

  @Test
  void readsEveryKeyOfAFullRecipe() {
    Recipe recipe =
        RecipeCatalog.parse(
            "kafka.yaml",
            """
            name: kafka
            description: Apache Kafka brokers
            packages: [kafka, "kafka-*"]
            services: [kafka.service]
            budget: 25%
            health:
              member:
                - name: broker answers
                  tcp: "{{address}}:9092"
                  interval: 500ms
                  stable-for: 10s
                  deadline: 2m
              cluster:
                - command: kafka-topics --describe --under-replicated-partitions
                  exit: 0
                  stdout-matches: '^$'
                  where: any
                - http: "http://{{address}}:8080/health"
                  status: 204
                  body-matches: "ok"
                  where: each
            ok-to-stop:
              - command: curl -s localhost:9644/status
                json:
                  /ready: "true"
                  /name: "{{host}}"
            drain: kafka-leader-election --all --member {{host}}
            undrain:
              - echo back
              - command: "echo {{vars.site}}"
                where: each
                when: vars.site
            order:
              leader-last: kafka-controller {{members}}
            finalize:
              - kafka-features upgrade --release {{vars.release}}
            """);
    assertThat(recipe.name()).isEqualTo("kafka");
    assertThat(recipe.packages()).containsExactly("kafka", "kafka-*");
    assertThat(recipe.budget()).isEqualTo(new CountOrPercent(25, true));
    Check member = recipe.memberHealth().get(0);
    assertThat(member.name()).isEqualTo("broker answers");
    assertThat(member.where()).isEqualTo(CheckScope.SELF);
    assertThat(member.timing())
        .isEqualTo(
            new CheckTiming(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMinutes(2)));
    assertThat(member.probe()).isInstanceOf(Probe.Tcp.class);
    Check topics = recipe.clusterHealth().get(0);
    assertThat(topics.name()).isEqualTo("kafka-topics --describe --under-replicated-partitions");
    assertThat(topics.timing()).isEqualTo(CheckTiming.DEFAULT);
    assertThat(((Probe.Command) topics.probe()).stdoutMatches()).hasSize(1);
    Probe.Http http = (Probe.Http) recipe.clusterHealth().get(1).probe();
    assertThat(http.status()).isEqualTo(204);
    assertThat(recipe.clusterHealth().get(1).where()).isEqualTo(CheckScope.EACH);
    Probe.Command ready = (Probe.Command) recipe.okToStop().get(0).probe();
    assertThat(ready.json()).containsOnlyKeys("/ready", "/name");
    assertThat(recipe.drain()).hasSize(1);
    assertThat(recipe.undrain())
        .extracting(c -> c.command().text())
        .containsExactly("echo back", "echo {{vars.site}}");
    assertThat(recipe.undrain())
        .extracting(RecipeCommand::where, RecipeCommand::when)
        .containsExactly(
            tuple(CheckScope.SELF, Optional.empty()),
            tuple(CheckScope.EACH, Optional.of("vars.site")));
    assertThat(recipe.order()).isInstanceOf(MemberOrder.LeaderLast.class);
    assertThat(recipe.finalizeSteps()).hasSize(1);
    assertThat(recipe.origin()).isEqualTo("kafka.yaml");
    assertThat(recipe.builtin()).isFalse();
  }

  @Test
  void defaultsAreOneMemberInventoryOrderAndNoChecks() {
    Recipe recipe = RecipeCatalog.parse("min.yaml", "name: min\n");
    assertThat(recipe.budget()).isEqualTo(CountOrPercent.ONE);
    assertThat(recipe.order()).isEqualTo(MemberOrder.INVENTORY);
    assertThat(recipe.clusterHealth()).isEmpty();
    assertThat(recipe.drain()).isEmpty();
    assertThat(recipe.install()).isEqualTo(InstallTiming.IN_TURN);
    assertThat(RecipeCatalog.parse("a.yaml", "name: a\ninstall: ahead\n").install())
        .isEqualTo(InstallTiming.AHEAD);
    Recipe globs =
        RecipeCatalog.parse("g.yaml", "name: g\ninstall: ahead\nin-turn: [\"x-*\", y]\n");
    assertThat(globs.installsInTurn("x-server")).isTrue();
    assertThat(globs.installsInTurn("y:amd64")).isTrue();
    assertThat(globs.installsInTurn("yy")).isFalse();
    assertThat(recipe.installsInTurn("anything")).isFalse();
  }

  @Test
  void theBuiltInsLoadAndMeanWhatTheirDocsSay() {
    RecipeCatalog catalog = RecipeCatalog.builtins();
    assertThat(catalog.entries())
        .extracting(e -> e.recipe().name())
        .containsExactly("generic", "etcd", "galera", "rabbitmq");
    Recipe galera = catalog.find("galera").orElseThrow();
    assertThat(galera.builtin()).isTrue();
    assertThat(galera.clusterHealth().get(0).where()).isEqualTo(CheckScope.EACH);
    Recipe etcd = catalog.find("etcd").orElseThrow();
    assertThat(etcd.order()).isInstanceOf(MemberOrder.LeaderLast.class);
    assertThat(etcd.drain().get(0).command().text()).contains("move-leader");
    // etcd's package restarts it after the upgrade and never stops it: installs go ahead.
    assertThat(etcd.install()).isEqualTo(InstallTiming.AHEAD);
    // MariaDB's server package must stop the server before its postinst (mysql_install_db on
    // the datadir): it waits for the turn, the rest goes ahead.
    assertThat(galera.install()).isEqualTo(InstallTiming.AHEAD);
    assertThat(galera.installsInTurn("mariadb-server")).isTrue();
    assertThat(galera.installsInTurn("mariadb-server-core")).isFalse();
    assertThat(galera.installsInTurn("galera-4")).isFalse();
    assertThat(catalog.find("generic").orElseThrow().memberHealth().get(1).when())
        .contains("vars.tcp_port");
  }

  @Test
  void aUserRecipeReplacesTheBuiltInOfItsNameAndSaysSo(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("etcd.yaml"), "name: etcd\ndescription: ours\n");
    Files.writeString(dir.resolve("zk.yaml"), "name: zookeeper\n");
    Files.writeString(dir.resolve("notes.txt"), "not a recipe");
    RecipeCatalog catalog = RecipeCatalog.load(List.of(dir.resolve("missing"), dir));
    RecipeCatalog.Entry etcd =
        catalog.entries().stream().filter(e -> e.recipe().name().equals("etcd")).findFirst().get();
    assertThat(etcd.recipe().description()).isEqualTo("ours");
    assertThat(etcd.overrides()).contains("builtin");
    assertThat(catalog.find("zookeeper")).isPresent();
    assertThat(catalog.entries()).hasSize(5);
  }

  @Test
  void problemsOfEveryFileAreReportedTogether(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), "name: a\nbudgte: 1\n");
    Files.writeString(dir.resolve("b.yaml"), "name: b\nbudget: 0\n");
    assertThatThrownBy(() -> RecipeCatalog.load(List.of(dir)))
        .isInstanceOfSatisfying(
            RecipeException.class,
            e ->
                assertThat(e.problems())
                    .extracting(RecipeProblem::toString)
                    .containsExactly(
                        dir.resolve("a.yaml")
                            + ":2:1: unknown recipe key `budgte`; did you mean `budget`?",
                        dir.resolve("b.yaml")
                            + ":2:9: budget `0`: a number of members (1) or a percentage (1% to 100%)"));
  }

  static Stream<Arguments> badRecipes() {
    return Stream.of(
        Arguments.of(
            "no name", "description: x\n", List.of("r.yaml:1:1: the recipe has no `name`")),
        Arguments.of(
            "bad name",
            "name: My Recipe\n",
            List.of(
                "r.yaml:1:7: recipe name `My Recipe`: use lower-case letters, digits, - and _")),
        Arguments.of(
            "not a mapping",
            "- a\n",
            List.of("r.yaml:1:1: a recipe is a mapping (name:, health:, ...), not a list")),
        Arguments.of(
            "unknown key with a hint",
            "name: x\nservice: [a]\n",
            List.of("r.yaml:2:1: unknown recipe key `service`; did you mean `services`?")),
        Arguments.of(
            "given twice", "name: x\nname: y\n", List.of("r.yaml:2:1: `name` is given twice")),
        Arguments.of(
            "packages not a list",
            "name: x\npackages: mariadb\n",
            List.of("r.yaml:2:11: packages is a list, not `mariadb`")),
        Arguments.of(
            "in-turn without install ahead",
            "name: x\nin-turn: [x-server]\n",
            List.of(
                "r.yaml:2:10: `in-turn` names what waits for the member's turn when the recipe"
                    + " says `install: ahead`")),
        Arguments.of(
            "command mapping without a command",
            "name: x\ndrain:\n  - where: each\n",
            List.of("r.yaml:3:5: drain: a mapping needs `command:`")),
        Arguments.of(
            "command where any, unknown key, bad when",
            "name: x\nundrain:\n  - command: echo\n    where: any\n    when: site\n    on: all\n",
            List.of(
                "r.yaml:4:12: undrain: where `any` is for checks; self or each",
                "r.yaml:5:11: when `site`: name a cluster variable, as in vars.port",
                "r.yaml:6:5: unknown undrain command key `on`")),
        Arguments.of(
            "install timing unknown",
            "name: x\ninstall: early\n",
            List.of("r.yaml:2:10: install `early`: `in-turn` or `ahead`")),
        Arguments.of(
            "percent budget over 100",
            "name: x\nbudget: 150%\n",
            List.of(
                "r.yaml:2:9: budget `150%`: a number of members (1) or a percentage (1% to 100%)")),
        Arguments.of(
            "unknown health key",
            "name: x\nhealth:\n  members: []\n",
            List.of("r.yaml:3:3: unknown health key `members`; did you mean `member`?")),
        Arguments.of(
            "checks not a list",
            "name: x\nhealth:\n  member: {command: true}\n",
            List.of("r.yaml:3:11: checks are a list, not a mapping")),
        Arguments.of(
            "check without a probe",
            "name: x\nok-to-stop:\n  - name: nothing\n",
            List.of("r.yaml:3:5: the check has no `command`, `tcp` or `http`")),
        Arguments.of(
            "check with two probes",
            "name: x\nok-to-stop:\n  - command: a\n    tcp: b:1\n",
            List.of(
                "r.yaml:3:5: a check has one of `command`, `tcp`, `http`, not command and tcp")),
        Arguments.of(
            "check key typo",
            "name: x\nok-to-stop:\n  - command: a\n    stable_for: 5s\n",
            List.of("r.yaml:4:5: unknown check key `stable_for`; did you mean `stable-for`?")),
        Arguments.of(
            "status on a command",
            "name: x\nok-to-stop:\n  - command: a\n    status: 200\n",
            List.of("r.yaml:4:5: `status` applies only to http checks")),
        Arguments.of(
            "bad where",
            "name: x\nok-to-stop:\n  - command: a\n    where: all\n",
            List.of("r.yaml:4:12: where `all`: one of self, any, each")),
        Arguments.of(
            "bad duration",
            "name: x\nok-to-stop:\n  - command: a\n    deadline: 5 minutes\n",
            List.of("r.yaml:4:15: duration `5 minutes`: a number and ms, s, m or h (as in 30s)")),
        Arguments.of(
            "bad exit",
            "name: x\nok-to-stop:\n  - command: a\n    exit: 300\n",
            List.of("r.yaml:4:11: exit `300`: a number from 0 to 255")),
        Arguments.of(
            "bad regex",
            "name: x\nok-to-stop:\n  - command: a\n    stdout-matches: '(a'\n",
            List.of("r.yaml:4:21: bad regular expression: Unclosed group")),
        Arguments.of(
            "bad json pointer",
            "name: x\nok-to-stop:\n  - command: a\n    json: {health: 'true'}\n",
            List.of("r.yaml:4:12: JSON pointer `health` must start with / (as in /0/health)")),
        Arguments.of(
            "bad tcp",
            "name: x\nok-to-stop:\n  - tcp: '{{address}}'\n",
            List.of("r.yaml:3:10: tcp `{{address}}`: HOST:PORT, as in {{address}}:5672")),
        Arguments.of(
            "bad when",
            "name: x\nok-to-stop:\n  - command: a\n    when: port\n",
            List.of("r.yaml:4:11: when `port`: name a cluster variable, as in vars.port")),
        Arguments.of(
            "unknown variable with a hint",
            "name: x\ndrain: echo {{hots}}\n",
            List.of("r.yaml:2:8: unknown template variable {{hots}}; did you mean `host`?")),
        Arguments.of(
            "unknown variable",
            "name: x\nfinalize: [\"echo {{peer_urls}}\"]\n",
            List.of("r.yaml:2:12: unknown template variable {{peer_urls}}")),
        Arguments.of(
            "stray braces",
            "name: x\nundrain: echo {{host}\n",
            List.of("r.yaml:2:10: undrain: `{{` without a matching `}}`")),
        Arguments.of(
            "unknown order",
            "name: x\norder: leader-first\n",
            List.of(
                "r.yaml:2:8: order `leader-first`: `inventory`, `leader-last: COMMAND` or `command: COMMAND`")),
        Arguments.of(
            "unknown order kind",
            "name: x\norder:\n  leader-lst: cmd\n",
            List.of("r.yaml:3:3: unknown order `leader-lst`; did you mean `leader-last`?")),
        Arguments.of(
            "unquoted variable in a flow list",
            "name: x\nfinalize: [echo {{host}}]\n",
            List.of(
                "r.yaml:2:17: YAML syntax error: expected ',' or ']', but got {; quote a value with"
                    + " {{variables}} inside [ ], or that starts with {{")),
        Arguments.of(
            "syntax error",
            "name: x\nhealth: [\n",
            List.of(
                "r.yaml:3:1: YAML syntax error: expected the node content, but found '<stream end>'")),
        Arguments.of(
            "several problems, in file order",
            "name: x\nbudget: none\nok-to-stop:\n  - command: echo {{nope}}\n    where: some\n",
            List.of(
                "r.yaml:2:9: budget `none`: a number of members (1) or a percentage (1% to 100%)",
                "r.yaml:4:14: unknown template variable {{nope}}",
                "r.yaml:5:12: where `some`: one of self, any, each")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRecipes")
  void everyMistakeIsReportedWithItsPlace(String what, String text, List<String> expected) {
    assertThatThrownBy(() -> RecipeCatalog.parse("r.yaml", text))
        .isInstanceOfSatisfying(
            RecipeException.class,
            e -> assertThat(e.problems()).extracting(RecipeProblem::toString).isEqualTo(expected));
  }
}
