package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupsTest {

  @Test
  void hybridMachinesUseTheSystemdAndUnifiedHierarchies(@TempDir Path fs) throws Exception {
    Files.createDirectories(fs.resolve("systemd"));
    Files.createFile(fs.resolve("systemd/cgroup.procs"));
    Files.createDirectories(fs.resolve("unified"));
    Files.createFile(fs.resolve("unified/cgroup.procs"));
    Files.createDirectories(fs.resolve("memory"));
    assertThat(new Cgroups(fs).of("lab-1"))
        .containsExactly(
            fs.resolve("systemd/herd-lab/lab-1"), fs.resolve("unified/herd-lab/lab-1"));
  }

  @Test
  void unifiedMachinesUseTheirOneHierarchy(@TempDir Path fs) throws Exception {
    Files.createFile(fs.resolve("cgroup.controllers"));
    assertThat(new Cgroups(fs).of("lab-2")).containsExactly(fs.resolve("herd-lab/lab-2"));
  }

  @Test
  void leftoversAreOnlyThisLabsHosts(@TempDir Path fs) throws Exception {
    Files.createFile(fs.resolve("cgroup.controllers"));
    Files.createDirectories(fs.resolve("herd-lab/lab-1/payload"));
    Files.createDirectories(fs.resolve("herd-lab/lab2-1"));
    Files.createDirectories(fs.resolve("herd-lab/lab-x"));
    assertThat(new Cgroups(fs).leftovers("lab")).containsExactly(fs.resolve("herd-lab/lab-1"));
  }

  @Test
  void theWrapperEntersEveryCgroupThenExecsTheCommand() {
    List<String> command =
        Cgroups.enter(List.of(Path.of("/cg/a"), Path.of("/cg/b")), List.of("setsid", "nspawn"));
    assertThat(command.subList(0, 2)).containsExactly("/bin/sh", "-c");
    assertThat(command.subList(3, command.size()))
        .containsExactly("sh", "/cg/a", "/cg/b", "--", "setsid", "nspawn");
  }
}
