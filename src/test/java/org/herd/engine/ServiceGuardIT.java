package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.herd.cli.CliRunner;
import org.herd.debian.HerdGuard;
import org.herd.journal.RunId;
import org.herd.lab.Fixtures;
import org.herd.lab.LabExtension;
import org.herd.lab.LabHost;
import org.herd.lab.PristineHosts;
import org.herd.lab.Suite;
import org.herd.lab.TestLab;
import org.herd.transport.Session;
import org.herd.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard on a real lab host with the fixture service, whose postinst restarts it through
 * deb-systemd-invoke: dpkg's restart is denied and spooled, the old process keeps running until
 * herd restarts it, exactly once; removal leaves nothing and restores the site's own policy-rc.d.
 */
@ExtendWith(LabExtension.class)
class ServiceGuardIT {

  private static final String SERVICE = "herd-lab-service";

  @TempDir Path dir;
  private final ServiceGuard guard = ServiceGuard.standard(Clock.systemUTC());
  private final DetachedCommand detached = DetachedCommand.standard();

  private static String invocation(TestLab lab, LabHost host) {
    return lab.sh(host, "systemctl show -p InvocationID --value " + SERVICE).strip();
  }

  @Test
  @PristineHosts(2)
  void dpkgsRestartIsDeniedAndHerdRestartsOnce(TestLab lab) throws Exception {
    LabHost host = lab.host(2);
    RunId run = RunId.of("it-guard-" + Long.toString(System.nanoTime(), 36));
    lab.sh(host, "apt-get install -y -q " + SERVICE + " >/dev/null");
    lab.sh(
        host,
        "printf '#!/bin/sh\\n# the site policy\\nexit 0\\n' > /usr/sbin/policy-rc.d;"
            + " chmod 750 /usr/sbin/policy-rc.d");
    String siteSum =
        lab.sh(host, "sha256sum /usr/sbin/policy-rc.d; stat -c %a /usr/sbin/policy-rc.d");
    String before = invocation(lab, host);
    try (Transport transport = LabSessions.transport(lab)) {
      Session session = LabSessions.open(transport, host);
      try {
        GuardMode mode =
            guard.install(session, run, List.of(SERVICE), Instant.now().plusSeconds(3600));
        lab.lab().suite(lab.name(), Suite.NEW);
        lab.sh(host, "apt-get update -q >/dev/null");
        // The next whole second, once it has begun: journalctl's --since @S counts from the start
        // of second S, which may still hold the start of the old version before this test ran.
        String since =
            lab.sh(
                    host,
                    "s=$(($(date +%s) + 1)); while [ \"$(date +%s)\" -lt $s ]; do sleep 0.1; done;"
                        + " echo $s")
                .strip();

        DetachedHandle install =
            detached.start(
                session,
                DetachedSpec.of(
                        run,
                        "install",
                        List.of(
                            "apt-get",
                            "install",
                            "-y",
                            "-o",
                            "Dpkg::Options::=--force-confdef",
                            "-o",
                            "Dpkg::Options::=--force-confold",
                            SERVICE))
                    .withEnv("DEBIAN_FRONTEND", "noninteractive"));
        DetachedState installed = detached.follow(session, install, 0, LogSink.NONE);
        String log = detached.tail(session, install, 4000);

        assertThat(mode).isEqualTo(GuardMode.SCRIPT);
        assertThat(installed).as(log).isEqualTo(new DetachedState.Finished(0));
        assertThat(log).containsAnyOf("policy-rc.d returned 101", "herd-guard:");
        assertThat(lab.sh(host, "dpkg-query -W -f '${Version}' " + SERVICE))
            .isEqualTo(Fixtures.NEW);
        // dpkg did not restart it: the old process runs on.
        assertThat(lab.sh(host, "cat /run/herd-lab-service/version").strip())
            .isEqualTo(Fixtures.OLD);
        assertThat(invocation(lab, host)).isEqualTo(before);
        var denied = guard.deniedRequests(session);
        assertThat(denied.warnings()).isEmpty();
        assertThat(denied.value())
            .extracting(DeniedRequest::unit, DeniedRequest::action)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(SERVICE + ".service", GuardAction.RESTART));
        assertThat(guard.status(session).state()).isEqualTo(HerdGuard.State.ACTIVE);

        List<RestartOutcome> outcomes =
            new ServiceRestarts(Duration.ofMinutes(2))
                .perform(
                    session,
                    ServiceRestarts.fromSpool(denied.value(), List.of(SERVICE)),
                    unit -> RestartMode.RESTART);

        assertThat(outcomes)
            .containsExactly(new RestartOutcome.Restarted(SERVICE + ".service", "restart"));
        assertThat(lab.sh(host, "cat /run/herd-lab-service/version").strip())
            .isEqualTo(Fixtures.NEW);
        assertThat(invocation(lab, host)).isNotEqualTo(before);
        assertThat(
                lab.sh(
                        host,
                        "journalctl -q -o cat -u "
                            + SERVICE
                            + ".service --since @"
                            + since
                            + " | grep -c '^Started' || true")
                    .strip())
            .isEqualTo("1");

        assertThat(guard.remove(session)).isTrue();
        assertThat(guard.remove(session)).isFalse();
        assertThat(
                lab.sh(host, "sha256sum /usr/sbin/policy-rc.d; stat -c %a /usr/sbin/policy-rc.d"))
            .isEqualTo(siteSum);
        assertThat(lab.run(host, "test -e /var/lib/herd/guard").exitCode()).isNotZero();
        assertThat(guard.status(session)).isEqualTo(HerdGuard.NONE);
      } finally {
        lab.lab().suite(lab.name(), Suite.OLD);
        guard.remove(session);
        detached.forget(session, run.value());
      }
    }
  }

  @Test
  @PristineHosts(3)
  void aHoldingGuardKeepsTheServiceRunningThroughAStopUntilTheHoldIsReleased(TestLab lab)
      throws Exception {
    LabHost host = lab.host(3);
    RunId run = RunId.of("it-hold-" + Long.toString(System.nanoTime(), 36));
    lab.sh(host, "apt-get install -y -q " + SERVICE + " >/dev/null");
    try (Transport transport = LabSessions.transport(lab)) {
      Session session = LabSessions.open(transport, host);
      try {
        String before = invocation(lab, host);
        guard.install(session, run, List.of(SERVICE), Instant.now().plusSeconds(3600), true);

        // What a maintainer script does; both tools report a denied action as done.
        var invokeRcD = lab.run(host, "invoke-rc.d " + SERVICE + " stop");
        var debSystemdInvoke = lab.run(host, "deb-systemd-invoke stop " + SERVICE + ".service");

        assertThat(invokeRcD.exitCode()).isZero();
        assertThat(debSystemdInvoke.exitCode()).isZero();
        assertThat(lab.sh(host, "systemctl is-active " + SERVICE).strip()).isEqualTo("active");
        assertThat(invocation(lab, host)).isEqualTo(before);
        assertThat(guard.deniedRequests(session).value())
            .extracting(DeniedRequest::action)
            .containsExactly(GuardAction.STOP, GuardAction.STOP);

        // The turn: the same run's guard without the hold lets stops through, still not starts.
        guard.install(session, run, List.of(SERVICE), Instant.now().plusSeconds(3600), false);
        lab.sh(host, "deb-systemd-invoke stop " + SERVICE + ".service");
        lab.sh(host, "deb-systemd-invoke start " + SERVICE + ".service");

        assertThat(lab.run(host, "systemctl is-active --quiet " + SERVICE).exitCode()).isNotZero();
        assertThat(guard.deniedRequests(session).value())
            .extracting(DeniedRequest::action)
            .containsExactly(GuardAction.STOP, GuardAction.STOP, GuardAction.START);
      } finally {
        guard.remove(session);
        lab.run(host, "systemctl start " + SERVICE);
      }
    }
  }

  @Test
  @PristineHosts(3)
  void anExpiredLeaseAllowsEverything(TestLab lab) throws Exception {
    LabHost host = lab.host(3);
    RunId run = RunId.of("it-lease-" + Long.toString(System.nanoTime(), 36));
    lab.sh(host, "apt-get install -y -q " + SERVICE + " >/dev/null");
    try (Transport transport = LabSessions.transport(lab)) {
      Session session = LabSessions.open(transport, host);
      try {
        guard.install(session, run, List.of(SERVICE), Instant.now().plusSeconds(3600));
        assertThat(
                lab.run(host, "/usr/sbin/policy-rc.d " + SERVICE + ".service restart").exitCode())
            .isEqualTo(101);

        guard.renew(session, run, Instant.now().minusSeconds(1));
        String before = invocation(lab, host);
        var asked = lab.run(host, "/usr/sbin/policy-rc.d " + SERVICE + ".service restart");
        lab.sh(host, "deb-systemd-invoke restart " + SERVICE + ".service");

        assertThat(asked.exitCode()).isZero();
        assertThat(invocation(lab, host)).isNotEqualTo(before);
        assertThat(guard.deniedRequests(session).value()).hasSize(1);
        assertThat(guard.status(session).state()).isEqualTo(HerdGuard.State.STALE);

        // herd status shows the stale guard and its pending denied restart, in JSON and text.
        CliRunner status = new CliRunner(dir, java.util.Map.of("HOME", dir.toString()));
        String inventory = lab.inventory().toString();
        CliRunner.Result json =
            status.run("--inventory", inventory, "status", "--json", host.name());
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode herdGuard =
            new ObjectMapper()
                .readTree(json.out())
                .findValue("facts")
                .path("policy")
                .path("herdGuard");
        assertThat(herdGuard.path("state").asText()).isEqualTo("STALE");
        assertThat(herdGuard.path("run").asText()).isEqualTo(run.value());
        assertThat(herdGuard.path("spooled").asInt()).isEqualTo(1);
        CliRunner.Result text = status.run("--inventory", inventory, "status", host.name());
        assertThat(text.out())
            .contains("STALE herd guard (run " + run.value() + ", lease ran out ")
            .contains("1 denied restart pending");

        assertThat(guard.remove(session)).isTrue();
        assertThat(lab.run(host, "test -e /usr/sbin/policy-rc.d").exitCode()).isNotZero();
      } finally {
        guard.remove(session);
      }
    }
  }

  @Test
  @PristineHosts(3)
  void declarativeRulesGoWhenTheLeaseExpiresEvenWithoutHerd(TestLab lab) throws Exception {
    LabHost host = lab.host(3);
    RunId run = RunId.of("it-decl-" + Long.toString(System.nanoTime(), 36));
    // A stand-in for policy-rcd-declarative (not in the lab's repository): what herd looks at is
    // where /usr/sbin/policy-rc.d resolves to.
    lab.sh(
        host,
        "mkdir -p /etc/service-policy.d; echo '.* .* allow' > /etc/service-policy.d/99-allow.pol;"
            + " printf '#!/bin/sh\\n# reads /etc/service-policy.d/\\nexit 0\\n'"
            + " > /usr/sbin/policy-rc.d-declarative; chmod 755 /usr/sbin/policy-rc.d-declarative;"
            + " ln -s /usr/sbin/policy-rc.d-declarative /usr/sbin/policy-rc.d");
    String pol = "/etc/service-policy.d/00-herd.pol";
    try (Transport transport = LabSessions.transport(lab)) {
      Session session = LabSessions.open(transport, host);
      try {
        GuardMode mode =
            guard.install(session, run, List.of(SERVICE), Instant.now().plusSeconds(3600));
        String rules = lab.sh(host, "cat " + pol);
        String timer = lab.run(host, "systemctl is-active herd-guard-lease.timer").stdout().strip();
        // Renewal re-arms the timer; a short lease, then herd goes away (no remove).
        guard.renew(session, run, Instant.now().plusSeconds(3));
        var gone =
            lab.run(
                host,
                "for i in $(seq 120); do [ -e " + pol + " ] || exit 0; sleep 1; done; exit 1");

        assertThat(mode).isEqualTo(GuardMode.DECLARATIVE);
        assertThat(rules).contains("^herd\\-lab\\-service(\\.service)?$ restart deny");
        assertThat(timer).isEqualTo("active");
        assertThat(gone.exitCode()).as("the rules file is removed by the lease timer").isZero();
        assertThat(guard.status(session).state()).isEqualTo(HerdGuard.State.NONE);
        assertThat(guard.remove(session)).isTrue();
        assertThat(lab.sh(host, "readlink /usr/sbin/policy-rc.d").strip())
            .isEqualTo("/usr/sbin/policy-rc.d-declarative");
        assertThat(lab.sh(host, "cat /etc/service-policy.d/99-allow.pol"))
            .isEqualTo(".* .* allow\n");
        assertThat(lab.run(host, "test -e /var/lib/herd/guard").exitCode()).isNotZero();
      } finally {
        guard.remove(session);
      }
    }
  }
}
