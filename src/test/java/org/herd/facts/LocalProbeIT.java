package org.herd.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.Prerequisites.require;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.herd.debian.PackageName;
import org.junit.jupiter.api.Test;

/**
 * Runs the probe on this machine, as a transport would (the {@link HostProbe#command} through
 * {@code sh -c}, with dash as sh on Debian), and checks the parsed facts against what the machine's
 * own tools say. Skipped where this is not a Debian system.
 */
class LocalProbeIT {

  private static String run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("did not finish: " + command.get(0));
    }
    return output;
  }

  @Test
  void probesThisDebianMachine() throws Exception {
    require(Files.exists(Path.of("/etc/debian_version")), "not a Debian system");
    require(Files.isExecutable(Path.of("/bin/dash")), "no dash");

    String stdout =
        run(
            List.of(
                "/bin/dash",
                "-c",
                HostProbe.command(
                    List.of(
                        PackageName.parse("dpkg"), PackageName.parse("no-such-package-herd")))));
    HostFacts facts = HostProbe.parse(stdout);

    assertThat(facts.probe().complete()).as(stdout).isTrue();
    assertThat(facts.warnings()).as(stdout).isEmpty();
    assertThat(facts.os().isDebianLike()).isTrue();
    assertThat(facts.system().bootId())
        .isEqualTo(Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip());
    assertThat(facts.system().architecture())
        .isEqualTo(run(List.of("dpkg", "--print-architecture")).strip());
    assertThat(facts.upgrades().errors()).isEmpty();
    String dpkgVersion = run(List.of("dpkg-query", "-W", "-f=${Version}", "dpkg")).strip();
    assertThat(facts.packages())
        .singleElement()
        .satisfies(p -> assertThat(p.version()).hasToString(dpkgVersion));
    assertThat(facts.packagesNotInstalled()).containsExactly("no-such-package-herd");
    // The same pending set as apt itself computes (the lists cannot change in between: no update).
    long inst =
        run(List.of("apt-get", "-s", "-o", "Debug::NoLocking=1", "dist-upgrade"))
            .lines()
            .filter(l -> l.startsWith("Inst "))
            .count();
    assertThat(facts.upgrades().pending().size() + facts.upgrades().newPackages().size())
        .isEqualTo(inst);
    String held = run(List.of("apt-mark", "showhold"));
    assertThat(facts.upgrades().held())
        .hasSize((int) held.lines().filter(l -> !l.isBlank()).count());
    assertThat(facts.reboot().flagFile()).isEqualTo(Files.exists(Path.of("/run/reboot-required")));
    assertThat(facts.policy().policyRcd().kind() == org.herd.debian.PolicyRcd.Kind.ABSENT)
        .isEqualTo(!Files.exists(Path.of("/usr/sbin/policy-rc.d")));
  }
}
