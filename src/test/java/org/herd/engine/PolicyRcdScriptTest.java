package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.Prerequisites.require;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.herd.debian.PolicyRcd;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * herd's policy-rc.d run on this machine in a temporary guard directory ({@code HERD_GUARD_DIR}),
 * with its clock set by {@code HERD_GUARD_NOW}: every action and lease case, with and without a
 * foreign policy-rc.d behind it.
 */
class PolicyRcdScriptTest {

  private static final long LEASE = 1_800_000_000L;

  @TempDir Path dir;
  private Path script;
  private Path guard;

  @BeforeEach
  void setUp() throws Exception {
    require(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
    guard = Files.createDirectory(dir.resolve("guard"));
    script = dir.resolve("policy-rc.d");
    Files.writeString(script, ServiceGuard.script());
    Files.writeString(guard.resolve("services"), "herd-lab-service\nnginx\n");
    Files.writeString(guard.resolve("lease"), LEASE + "\n");
  }

  private Sh.Result ask(long now, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/sh", script.toString()));
    command.addAll(Arrays.asList(args));
    return Sh.run(
        command, Map.of("HERD_GUARD_DIR", guard.toString(), "HERD_GUARD_NOW", Long.toString(now)));
  }

  private String spool() throws Exception {
    Path spool = guard.resolve("spool");
    return Files.exists(spool) ? Files.readString(spool) : "";
  }

  @ParameterizedTest(name = "{0} {1} at lease{2} -> {3}")
  @CsvSource({
    // service, action, seconds from the lease, exit, spooled action (empty: none)
    "herd-lab-service, restart, -1, 101, restart",
    "herd-lab-service.service, restart, -1, 101, restart",
    "herd-lab-service, start, -100, 101, start",
    "herd-lab-service, (start), -1, 101, start",
    "nginx, reload, -1, 101, reload",
    "nginx, force-reload, -1, 101, force-reload",
    "nginx.service, try-restart, -1, 101, try-restart",
    "herd-lab-service, stop, -1, 0, ",
    "herd-lab-service, status, -1, 0, ",
    "ssh, restart, -1, 0, ",
    "herd-lab-service-extra, restart, -1, 0, ",
    "herd-lab, restart, -1, 0, ",
    "herd-lab-service, restart, 0, 0, ",
    "herd-lab-service, restart, 1, 0, ",
    "nginx, start, 3600, 0, ",
  })
  void deniesAndSpoolsOnlyControlledServicesStartsWhileTheLeaseRuns(
      String service, String action, long fromLease, int exit, String spooled) throws Exception {
    Sh.Result result = ask(LEASE + fromLease, service, action);

    assertThat(result.exit()).as(result.stderr()).isEqualTo(exit);
    assertThat(result.stdout()).isEmpty();
    String expected =
        spooled == null ? "" : (LEASE + fromLease) + "\t" + service + "\t" + spooled + "\n";
    assertThat(spool()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "holding: {0} {1} -> {2}")
  @CsvSource({
    // service, action, exit, spooled action (empty: none)
    "herd-lab-service, stop, 101, stop",
    "herd-lab-service.service, stop, 101, stop",
    "herd-lab-service, restart, 101, restart",
    "herd-lab-service, status, 0, ",
    "ssh, stop, 0, ",
  })
  void aHoldingGuardDeniesStopsToo(String service, String action, int exit, String spooled)
      throws Exception {
    Files.writeString(guard.resolve("hold"), "hold\n");

    Sh.Result result = ask(LEASE - 1, service, action);

    assertThat(result.exit()).as(result.stderr()).isEqualTo(exit);
    String expected = spooled == null ? "" : (LEASE - 1) + "\t" + service + "\t" + spooled + "\n";
    assertThat(spool()).isEqualTo(expected);
    assertThat(DeniedRequest.parseSpool(spool()).warnings()).isEmpty();
  }

  @Test
  void theSpoolIsWhatTheParserReads() throws Exception {
    ask(LEASE - 10, "nginx.service", "restart");
    ask(LEASE - 5, "herd-lab-service", "start");

    assertThat(DeniedRequest.parseSpool(spool()).value())
        .extracting(DeniedRequest::unit, DeniedRequest::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("nginx.service", GuardAction.RESTART),
            org.assertj.core.groups.Tuple.tuple("herd-lab-service.service", GuardAction.START));
    assertThat(DeniedRequest.parseSpool(spool()).warnings()).isEmpty();
  }

  @Test
  void quietAsksWithoutAMessage() throws Exception {
    Sh.Result loud = ask(LEASE - 1, "nginx", "restart");
    Sh.Result quiet = ask(LEASE - 1, "--quiet", "nginx", "restart");

    assertThat(loud.stderr()).contains("nginx restart denied");
    assertThat(quiet.exit()).isEqualTo(101);
    assertThat(quiet.stderr()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "-5"})
  void aMissingOrUnreadableLeaseAllows(String lease) throws Exception {
    if (lease.isEmpty()) {
      Files.delete(guard.resolve("lease"));
    } else {
      Files.writeString(guard.resolve("lease"), lease + "\n");
    }
    assertThat(ask(LEASE - 1, "nginx", "restart").exit()).isZero();
    assertThat(spool()).isEmpty();
  }

  /** A foreign policy-rc.d that records its arguments and denies everything with 101. */
  private Path foreign() throws Exception {
    Path orig = guard.resolve("policy-rc.d.orig");
    Files.writeString(
        orig,
        "#!/bin/sh\nprintf '%s|' \"$@\" >> "
            + dir.resolve("asked")
            + "\necho >> "
            + dir.resolve("asked")
            + "\nexit 101\n");
    Files.setPosixFilePermissions(orig, PosixFilePermissions.fromString("rwxr-xr-x"));
    return orig;
  }

  @Test
  void otherServicesAndActionsAreLeftToTheForeignPolicy() throws Exception {
    foreign();

    Sh.Result other = ask(LEASE - 1, "--quiet", "ssh", "restart", "2");
    Sh.Result stop = ask(LEASE - 1, "nginx", "stop");
    Sh.Result ours = ask(LEASE - 1, "nginx", "restart");
    Sh.Result expired = ask(LEASE, "nginx", "restart");

    assertThat(other.exit()).isEqualTo(101);
    assertThat(stop.exit()).isEqualTo(101);
    assertThat(ours.exit()).isEqualTo(101);
    assertThat(expired.exit()).isEqualTo(101);
    // The guard answered its own case without asking; the foreign one got the rest verbatim.
    assertThat(Files.readString(dir.resolve("asked")))
        .isEqualTo("--quiet|ssh|restart|2|\nnginx|stop|\nnginx|restart|\n");
    assertThat(spool()).isEqualTo((LEASE - 1) + "\tnginx\trestart\n");
  }

  @Test
  void listGoesToTheForeignPolicyOrIsAllowed() throws Exception {
    assertThat(ask(LEASE - 1, "--list", "nginx").exit()).isZero();
    foreign();
    assertThat(ask(LEASE - 1, "--list", "nginx").exit()).isEqualTo(101);
    assertThat(spool()).isEmpty();
  }

  @Test
  void probesClassifyTheScriptAsHerdsGuard() {
    assertThat(PolicyRcd.classify(true, "/usr/sbin/policy-rc.d", ServiceGuard.script()).kind())
        .isEqualTo(PolicyRcd.Kind.HERD_GUARD);
  }

  @Test
  void dashAcceptsTheSyntax() throws Exception {
    require(Files.isExecutable(Path.of("/bin/dash")), "dash is not installed");
    assertThat(Sh.run(List.of("/bin/dash", "-n", script.toString()), Map.of()).exit()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"policy-rc.d", "guard-install.sh", "guard-remove.sh"})
  void shellcheckFindsNothing(String name) throws Exception {
    require(Files.isExecutable(Path.of("/usr/bin/shellcheck")), "shellcheck is not installed");
    Path file = dir.resolve(name);
    Files.writeString(file, HostScripts.load(name));
    Sh.Result result =
        Sh.run(List.of("/usr/bin/shellcheck", "-s", "sh", file.toString()), Map.of());
    assertThat(result.stdout() + result.stderr()).isEmpty();
    assertThat(result.exit()).isZero();
  }
}
