package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.herd.lab.LabExtension;
import org.herd.lab.LabHost;
import org.herd.lab.PristineHosts;
import org.herd.lab.Suite;
import org.herd.lab.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reboots on lab hosts: {@code herd reboot} gives the host a new boot id and leaves it healthy (the
 * lab container boots again after {@code systemctl reboot}, same name, address and keys), and a
 * plan made with {@code herd plan --reboot if-required} makes {@code herd apply} reboot exactly the
 * host whose upgrade asked for it ({@code herd-lab-reboot} writes {@code /run/reboot-required}).
 */
@ExtendWith(LabExtension.class)
class RebootLabIT {

  @TempDir Path dir;

  private CliRunner.Result herd(TestLab lab, String... args) {
    List<String> all = new ArrayList<>(List.of("--inventory", lab.inventory().toString()));
    all.addAll(List.of(args));
    return new CliRunner(
            dir,
            Map.of("HOME", dir.toString(), "HERD_JOURNAL", dir.resolve("j.db").toString()),
            java.time.Clock.systemUTC())
        .run(all.toArray(String[]::new));
  }

  private static String bootId(TestLab lab, LabHost host) {
    return lab.sh(host, "cat /proc/sys/kernel/random/boot_id").strip();
  }

  @Test
  @PristineHosts(2) // the precheck needs a sane dpkg: other tests leave broken packages behind
  void rebootGivesANewBootAndAHealthyHost(TestLab lab) {
    LabHost host = lab.host(2);
    String before = bootId(lab, host);

    CliRunner.Result result = herd(lab, "reboot", "--yes", "--serial", "1", host.name());

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    // Progress goes to stderr: the reboot step ran and changed the host.
    assertThat(result.err()).contains(host.name() + ": reboot changed");
    assertThat(bootId(lab, host)).isNotEqualTo(before);
    assertThat(lab.sh(host, "systemctl is-system-running --wait || true").strip())
        .isIn("running", "degraded");
    assertThat(lab.sh(host, "hostname; ip -4 -o addr show host0 | awk '{print $4}'"))
        .isEqualTo(host.name() + "\n" + host.address() + "/24\n");
  }

  @Test
  @PristineHosts({1, 3})
  void ifRequiredRebootsExactlyTheHostThatNeedsIt(TestLab lab) {
    LabHost plain = lab.host(1);
    LabHost needs = lab.host(3);
    try {
      lab.sh(plain, "apt-get install -y -q herd-lab-service >/dev/null 2>&1");
      lab.sh(needs, "apt-get install -y -q herd-lab-reboot >/dev/null 2>&1");
      lab.lab().suite(lab.name(), Suite.NEW);
      String plainBoot = bootId(lab, plain);
      String needsBoot = bootId(lab, needs);

      CliRunner.Result planned =
          herd(
              lab,
              "plan",
              "--refresh",
              "--reboot",
              "if-required",
              "--only",
              "herd-lab-service,herd-lab-reboot",
              "-o",
              "plan.json",
              plain.name() + "," + needs.name());
      assertThat(planned.exitCode()).as(planned.out() + planned.err()).isZero();
      // The flag is written by a postinst: the plan cannot predict it, only say it may happen.
      assertThat(planned.out())
          .contains("will reboot: only if /run/reboot-required appears while it upgrades");

      // apply follows the plan's --reboot if-required without being told.
      CliRunner.Result result = herd(lab, "apply", "plan.json");

      assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
      assertThat(result.err()).doesNotContain("replaces the plan's");
      assertThat(bootId(lab, needs)).isNotEqualTo(needsBoot);
      assertThat(bootId(lab, plain)).isEqualTo(plainBoot);
      assertThat(lab.sh(needs, "dpkg-query -W -f '${Version}' herd-lab-reboot")).isEqualTo("1.0-2");
      // A reboot empties /run: the flag the upgrade wrote is gone with the boot it was for.
      assertThat(lab.run(needs, "test -e /run/reboot-required").ok()).isFalse();
    } finally {
      lab.lab().suite(lab.name(), Suite.OLD);
    }
  }
}
