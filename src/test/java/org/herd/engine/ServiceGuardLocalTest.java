package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.herd.debian.HerdGuard;
import org.herd.debian.ServicePolicyRule;
import org.herd.journal.RunId;
import org.herd.transport.Endpoint;
import org.herd.transport.Session;
import org.herd.transport.Transport;
import org.herd.transport.TransportKind;
import org.herd.transport.TransportOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Install, renew, status and remove of the guard on this machine (local transport), with every path
 * in a temporary directory: what is restored, what is refused, what is left.
 */
class ServiceGuardLocalTest {

  private static final RunId RUN = RunId.of("run-a");
  private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

  @TempDir Path dir;
  private Transport transport;
  private Session session;
  private GuardPaths paths;
  private ServiceGuard guard;

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(!Files.isDirectory(Path.of("/run/systemd/system")), "systemd runs here: see the IT");
    transport =
        TransportKind.LOCAL.create(
            TransportOptions.defaults(Path.of(System.getProperty("user.home")), Map.of()));
    session = transport.open(Endpoint.of("localhost"));
    Files.createDirectories(dir.resolve("sbin"));
    Files.createDirectories(dir.resolve("service-policy.d"));
    paths =
        new GuardPaths(
            dir.resolve("guard").toString(),
            dir.resolve("sbin/policy-rc.d").toString(),
            dir.resolve("service-policy.d").toString(),
            dir.resolve("sbin/policy-rc.d-declarative").toString());
    guard = new ServiceGuard(paths, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void tearDown() {
    if (transport != null) {
      transport.close();
    }
  }

  private Path rcd() {
    return Path.of(paths.policyRcd());
  }

  @Test
  void aForeignPolicyRcdIsPutBackByteForByte() throws Exception {
    byte[] foreign = "#!/bin/sh\n# the site's own\nexit 101\n\u00e9\n".getBytes("UTF-8");
    Files.write(rcd(), foreign);
    Files.setPosixFilePermissions(rcd(), PosixFilePermissions.fromString("rwxr-x---"));

    GuardMode mode = guard.install(session, RUN, List.of("nginx.service"), NOW.plusSeconds(600));
    String installed = Files.readString(rcd());
    String services = Files.readString(Path.of(paths.directory(), "services"));
    HerdGuard active = guard.status(session);
    boolean removed = guard.remove(session);
    boolean again = guard.remove(session);

    assertThat(mode).isEqualTo(GuardMode.SCRIPT);
    assertThat(installed).isEqualTo(ServiceGuard.script());
    assertThat(services).isEqualTo("nginx\n");
    assertThat(active)
        .isEqualTo(new HerdGuard(HerdGuard.State.ACTIVE, "run-a", NOW.plusSeconds(600)));
    assertThat(removed).isTrue();
    assertThat(again).isFalse();
    assertThat(Files.readAllBytes(rcd())).isEqualTo(foreign);
    assertThat(Files.getPosixFilePermissions(rcd()))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
    assertThat(Path.of(paths.directory())).doesNotExist();
    assertThat(guard.status(session)).isEqualTo(HerdGuard.NONE);
  }

  @Test
  void withoutAForeignPolicyNothingIsLeft() throws Exception {
    guard.install(session, RUN, List.of("nginx"), NOW.plusSeconds(600));
    Files.writeString(Path.of(paths.spool()), "1\tnginx\trestart\n");

    assertThat(guard.deniedRequests(session).value()).hasSize(1);
    assertThat(guard.remove(session)).isTrue();
    assertThat(rcd()).doesNotExist();
    assertThat(Path.of(paths.directory())).doesNotExist();
    assertThat(guard.deniedRequests(session).value()).isEmpty();
  }

  @Test
  void anotherRunIsRefusedWhileTheLeaseRunsAndTakesOverAfter() throws Exception {
    Files.writeString(rcd(), "#!/bin/sh\nexit 0\n");
    guard.install(session, RUN, List.of("nginx"), Instant.now().plusSeconds(3600));

    assertThatThrownBy(
            () -> guard.install(session, RunId.of("run-b"), List.of("redis"), NOW.plusSeconds(60)))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("guard of run run-a holds the host");
    // The same run may install again (a resumed run): services and lease are replaced.
    guard.install(session, RUN, List.of("nginx", "redis"), Instant.now().plusSeconds(3600));
    assertThat(Files.readString(Path.of(paths.directory(), "services")))
        .isEqualTo("nginx\nredis\n");

    guard.renew(session, RUN, Instant.ofEpochSecond(1000));
    assertThat(Files.readString(Path.of(paths.directory(), "lease"))).isEqualTo("1000\n");
    assertThat(guard.status(session).state()).isEqualTo(HerdGuard.State.STALE);
    guard.install(session, RunId.of("run-b"), List.of("redis"), Instant.now().plusSeconds(60));
    assertThat(Files.readString(Path.of(paths.directory(), "run"))).isEqualTo("run-b\n");

    guard.remove(session);
    // The foreign policy herd found the first time is what comes back, not herd's own script.
    assertThat(Files.readString(rcd())).isEqualTo("#!/bin/sh\nexit 0\n");
  }

  @Test
  void renewingAGuardThatIsGoneFails() {
    assertThatThrownBy(() -> guard.renew(session, RUN, NOW.plusSeconds(60)))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("not installed");
  }

  @Test
  void withPolicyRcdDeclarativeOnlyARulesFileIsAdded() throws Exception {
    Path declarative = Path.of(paths.declarative());
    Files.writeString(declarative, "#!/usr/bin/perl\n# reads /etc/service-policy.d/\n");
    Files.createSymbolicLink(rcd(), declarative);
    Files.writeString(dir.resolve("service-policy.d/99-allow.pol"), ".* .* allow\n");

    GuardMode mode = guard.install(session, RUN, List.of("herd-lab-service"), NOW.plusSeconds(60));
    String rules = Files.readString(Path.of(paths.rulesFile()));
    HerdGuard status = guard.status(session);
    guard.remove(session);

    assertThat(mode).isEqualTo(GuardMode.DECLARATIVE);
    assertThat(ServicePolicyRule.parse("00-herd.pol", rules).value())
        // stop is denied only by a guard that holds its services
        .hasSize(GuardAction.values().length - 1)
        .allMatch(r -> r.policy() == ServicePolicyRule.Policy.DENY)
        .allMatch(r -> "herd-lab-service.service".matches(r.service()));
    assertThat(status.state()).isEqualTo(HerdGuard.State.ACTIVE);
    assertThat(Files.readSymbolicLink(rcd())).isEqualTo(declarative);
    assertThat(Path.of(paths.rulesFile())).doesNotExist();
    assertThat(dir.resolve("service-policy.d/99-allow.pol")).exists();
  }
}
