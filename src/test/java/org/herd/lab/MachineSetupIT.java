package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.herd.Prerequisites;
import org.junit.jupiter.api.Test;

/**
 * The set-up of a bare machine, through the real apt-get: a tool reported missing gets its package
 * installed. Run only where the package is already installed, so that apt-get has nothing to change
 * and needs no network; the lookup is what pretends the tool is missing.
 */
class MachineSetupIT {

  @Test
  void installsThePackageOfAMissingToolWithAptGet() {
    Prerequisites.require(MachineCheck.isRoot(), "root (apt-get install)");
    Prerequisites.require(MachineCheck.onPath("debootstrap"), "debootstrap installed");
    List<String> said = new ArrayList<>();
    List<String> lookedUp = new ArrayList<>();
    MachineSetup setup =
        new MachineSetup(
            ProcessRunner.standard(),
            said::add,
            program -> {
              lookedUp.add(program);
              return !program.equals("debootstrap");
            });

    setup.ensure(
        List.of(
            new MachineCheck.Tool("debootstrap", "debootstrap"),
            new MachineCheck.Tool("ip", "iproute2")));

    assertThat(lookedUp).containsExactly("debootstrap", "ip");
    assertThat(said)
        .containsExactly(
            "lab: installing what the lab needs and this machine lacks: apt-get install"
                + " debootstrap (for debootstrap)");
  }
}
