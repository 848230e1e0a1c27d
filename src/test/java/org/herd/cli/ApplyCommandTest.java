package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.herd.debian.DebianVersion;
import org.herd.debian.PackageName;
import org.herd.engine.RunLease;
import org.herd.journal.HolderIdentity;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.plan.HostPlan;
import org.herd.plan.Plan;
import org.herd.plan.PlanBasis;
import org.herd.plan.PlanJson;
import org.herd.plan.PlanOptions;
import org.herd.plan.PlannedInstall;
import org.herd.plan.RebootRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code herd apply} refusals that happen before any host is touched. */
class ApplyCommandTest {

  @TempDir Path dir;

  private CliRunner cli() {
    return new CliRunner(dir, Map.of("HERD_JOURNAL", dir.resolve("journal.db").toString()));
  }

  void writePlan() throws Exception {
    writePlan(org.herd.plan.RebootPolicy.NEVER);
  }

  void writePlan(org.herd.plan.RebootPolicy reboot) throws Exception {
    List<PlannedInstall> installs =
        List.of(
            new PlannedInstall(
                PackageName.parse("nginx"),
                DebianVersion.parse("1.22.1-9"),
                DebianVersion.parse("1.22.1-9+deb12u1"),
                PlannedInstall.Action.UPGRADE,
                PlannedInstall.Classification.SECURITY,
                List.of("Debian-Security:12/bookworm-security"),
                List.of("nginx.service")));
    HostPlan host =
        new HostPlan(
            "web1",
            installs,
            List.of(),
            List.of(),
            List.of(),
            RebootRule.of(installs),
            PlanBasis.of(
                List.of(
                    new PlanBasis.InstalledVersion(
                        PackageName.parse("nginx"), DebianVersion.parse("1.22.1-9")))),
            List.of(),
            true);
    Plan plan =
        new Plan(
            Plan.FORMAT_VERSION,
            Instant.parse("2026-11-25T12:00:00Z"),
            "test",
            new PlanOptions(false, List.of(), List.of(), false, reboot),
            List.of(host));
    Files.writeString(dir.resolve("plan.json"), PlanJson.write(plan));
  }

  @Test
  void hostsHeldByAnotherRunAreRefusedNamingTheHolder() throws Exception {
    writePlan();
    try (Journal other =
            Journal.open(
                JournalLocation.parse(dir.resolve("journal.db").toString()), Clock.systemUTC());
        RunLease held =
            RunLease.acquire(
                other,
                List.of("web1"),
                new HolderIdentity("bob", "ops2", 4242, Optional.empty()))) {
      CliRunner.Result result = cli().run("apply", "--transport", "local", "plan.json");
      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.UNAVAILABLE.code());
      assertThat(result.err()).startsWith("herd: host web1 is held by bob@ops2 pid=4242 since ");
    }
  }

  @Test
  void aBrokenPlanFileIsOneLineAndExit2() throws Exception {
    Files.writeString(dir.resolve("plan.json"), "{\"formatVersion\": 99}");
    CliRunner.Result result = cli().run("apply", "plan.json");
    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err()).startsWith("herd: plan.json: ");
  }

  @Test
  void rebootOnApplyReplacesThePlansAndSaysSoOnceBeforeTheRun() throws Exception {
    writePlan(org.herd.plan.RebootPolicy.IF_REQUIRED);
    try (Journal other =
            Journal.open(
                JournalLocation.parse(dir.resolve("journal.db").toString()), Clock.systemUTC());
        RunLease held =
            RunLease.acquire(
                other,
                List.of("web1"),
                new HolderIdentity("bob", "ops2", 4242, Optional.empty()))) {
      CliRunner.Result result =
          cli().run("apply", "--transport", "local", "--reboot", "always", "plan.json");

      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.UNAVAILABLE.code());
      assertThat(result.err().lines())
          .containsOnlyOnce("herd: --reboot always replaces the plan's --reboot if-required")
          .hasSize(2);
    }
  }

  /** One hand-edited mistake in an otherwise good plan file. */
  record Edit(String name, Consumer<ObjectNode> change, String said) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Edit> badPlans() {
    return List.of(
        new Edit(
            "an empty host name", p -> host(p).put("host", ""), "hosts[0].host: not a host name"),
        new Edit(
            "a host name with a command in it",
            p -> host(p).put("host", "web1; reboot"),
            "hosts[0].host: not a host name: 'web1; reboot'"),
        new Edit("no hosts", p -> p.remove("hosts"), "`hosts` is missing"),
        new Edit("hosts not a list", p -> p.put("hosts", "web1"), "hosts: expected list"),
        new Edit("an unknown field", p -> host(p).put("hostz", "x"), "unknown field `hostz`"),
        new Edit(
            "a service unit with a command in it",
            p -> install(p).putArray("serviceUnits").add("nginx.service; reboot"),
            "hosts[0].installs[0]: not a systemd unit name"),
        new Edit(
            "a misspelt action",
            p -> install(p).put("action", "UPGRAED"),
            "hosts[0].installs[0].action: `UPGRAED` is not a valid value (one of UPGRADE,"),
        new Edit(
            "no basis digest",
            p -> ((ObjectNode) host(p).get("basis")).remove("digest"),
            "hosts[0].basis: `digest` is missing"),
        new Edit(
            "no version",
            p -> install(p).remove("version"),
            "hosts[0].installs[0]: `version` is missing"),
        new Edit(
            "executable although refused",
            p -> {
              host(p).put("executable", true);
              host(p)
                  .putArray("refusals")
                  .addObject()
                  .put("kind", "APT_ERRORS")
                  .put("message", "E");
            },
            "hosts[0].executable is true, but the host has refusals"));
  }

  private static ObjectNode host(ObjectNode plan) {
    return (ObjectNode) plan.get("hosts").get(0);
  }

  private static ObjectNode install(ObjectNode plan) {
    return (ObjectNode) host(plan).get("installs").get(0);
  }

  /**
   * A plan file edited by hand is refused with the field at fault, in one line, exit 2, before
   * anything is recorded.
   */
  @ParameterizedTest
  @MethodSource("badPlans")
  void aPlanEditedWrongIsOneLineNamingTheField(Edit edit) throws Exception {
    writePlan();
    ObjectNode plan = (ObjectNode) new ObjectMapper().readTree(dir.resolve("plan.json").toFile());
    edit.change().accept(plan);
    Files.writeString(dir.resolve("plan.json"), plan.toString());

    assertRefusedBeforeAnyRun(edit.said());
  }

  @Test
  void aPlanWhoseEveryHostIsRefusedIsNotAppliedAndExits1() throws Exception {
    writePlan();
    ObjectNode plan = (ObjectNode) new ObjectMapper().readTree(dir.resolve("plan.json").toFile());
    host(plan).put("executable", false);
    host(plan)
        .putArray("refusals")
        .addObject()
        .put("kind", "APT_ERRORS")
        .put("message", "apt-get -s printed errors");
    Files.writeString(dir.resolve("plan.json"), plan.toString());

    CliRunner.Result result = cli().run("apply", "--transport", "local", "plan.json");

    assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURE.code());
    assertThat(result.err().lines())
        .containsExactly(
            "herd: web1: not applied: apt-get -s printed errors",
            "herd: the plan has no host to apply");
  }

  @Test
  void aPlanFileThatIsNotUtf8IsOneLine() throws Exception {
    writePlan();
    String json = Files.readString(dir.resolve("plan.json"));
    Files.write(dir.resolve("plan.json"), json.getBytes(StandardCharsets.UTF_16));

    assertRefusedBeforeAnyRun("plan.json: not UTF-8 text");
  }

  private void assertRefusedBeforeAnyRun(String said) throws Exception {
    CliRunner.Result result = cli().run("apply", "--transport", "local", "plan.json");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err())
        .startsWith("herd: plan.json: ")
        .contains(said)
        .doesNotContain("java.", "Exception", "jackson", "Cannot invoke");
    try (Journal journal =
        Journal.open(
            JournalLocation.parse(dir.resolve("journal.db").toString()), Clock.systemUTC())) {
      assertThat(journal.runs()).isEmpty();
    }
  }

  /**
   * What a run reads from the inventory is checked before the run exists: a misspelt recipe or a
   * bad restart value is one line and exit 2, and the journal has no run left "running".
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "hosts:\n  web1:\n    vars:\n      restart: later\n",
        "hosts:\n  web1:\nclusters:\n  web:\n    members: web1\n    recipe: galrea\n"
      })
  void aBadInventoryIsRefusedBeforeTheRunIsRecorded(String inventory) throws Exception {
    writePlan();
    Files.writeString(dir.resolve("herd.yaml"), inventory);
    CliRunner.Result result = cli().run("apply", "--transport", "local", "plan.json");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err()).containsAnyOf("restart 'later'", "no recipe named galrea");
    try (Journal journal =
        Journal.open(
            JournalLocation.parse(dir.resolve("journal.db").toString()), Clock.systemUTC())) {
      assertThat(journal.runs()).isEmpty();
    }
  }
}
