package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the ssh transport cannot read of how hosts are reached (an ssh_config that does not parse,
 * an ssh option with a bad value) is refused once, before any host is reached (exit 2, one line),
 * by every command that reaches hosts — not reported by each host as unreachable ("bad ssh
 * config"), which exits as if the fleet were down.
 */
class SshSettingsCheckedFirstTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "status                           | --ssh-config | bad.conf | bad.conf:1: no value for 'Port'",
        "plan                             | --ssh-config | bad.conf | bad.conf:1: no value for 'Port'",
        "reboot -y                        | --ssh-config | bad.conf | bad.conf:1: no value for 'Port'",
        "upgrade -y                       | --ssh-config | bad.conf | bad.conf:1: no value for 'Port'",
        "copy -w a --dest /tmp            | --ssh-config | bad.conf | bad.conf:1: no value for 'Port'",
        "status                           | --ssh-option | Port=0   | -o Port=0: ssh option Port=0: bad port '0'",
        "reboot -y                        | --ssh-option | Port=0   | -o Port=0: ssh option Port=0: bad port '0'",
      })
  void isRefusedBeforeAnyHostIsReached(String command, String option, String value, String why)
      throws Exception {
    Files.writeString(dir.resolve("bad.conf"), "Port\n");
    Files.writeString(dir.resolve("file.txt"), "x\n");
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command.split(" ")));
    args.addAll(java.util.List.of(option, value));
    if (command.startsWith("copy")) {
      args.add("file.txt");
    }

    CliRunner.Result result = UnreachableHosts.runner(dir).run(args.toArray(String[]::new));

    assertThat(result.err().lines()).singleElement().asString().startsWith("herd: ").endsWith(why);
    assertThat(result.out()).isEmpty();
    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
  }
}
