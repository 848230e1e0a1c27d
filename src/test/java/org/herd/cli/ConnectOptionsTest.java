package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code -l/--user} and {@code -o/--ssh-option}, on every command that connects. */
class ConnectOptionsTest {

  @TempDir Path dir;

  private CliRunner.Result herd(String... args) {
    return new CliRunner(dir, Map.of("HOME", dir.toString())).run(args);
  }

  @Command(name = "probe")
  static final class Probe {
    @Mixin ConnectOptions connect;
  }

  /** The options every host gets ({@code ;} separates arguments), {@code -l} first. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "-l;bob | [User=bob]",
        "--ssh-option;Port=2222;--ssh-option;ProxyJump bastion | [Port=2222, ProxyJump=bastion]",
        "--user;bob;--ssh-option;-oPort=2222 -oStrictHostKeyChecking=no | [User=bob, Port=2222,"
            + " StrictHostKeyChecking=no]",
        "--ssh-option;-J jump -p 2200 -l alice -i id_web | [ProxyJump=jump,"
            + " IdentityFile=DIR/id_web, Port=2200, User=alice]",
      })
  void givesEveryHostTheOptionsAsSshWould(String args, String options) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args.split(";"));
    CliContext context =
        new CliContext(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            Map.of(),
            dir,
            Terminal.plain(),
            Clock.systemUTC());

    assertThat(probe.connect.settings(context).sshOptions().toString())
        .isEqualTo(options.replace("DIR", dir.toString()));
  }

  @Test
  void anOptionTheSshTransportCannotHonourIsRefusedBeforeConnecting() {
    CliRunner.Result direct = herd("run", "-w", "h1", "-o", "ForwardAgent=yes", "true");
    CliRunner.Result clush =
        herd("run", "-w", "h1", "-o", "-oPort=2222 -oForwardAgent=yes", "true");

    String refusal =
        "herd: -o ForwardAgent=yes: option ForwardAgent yes is not supported by the ssh transport;"
            + " use --transport openssh\n";
    assertThat(direct.err()).isEqualTo(refusal);
    assertThat(direct.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(clush.err()).isEqualTo(refusal);
    assertThat(herd("run", "-w", "h1", "-oForwardAgent=yes", "true").err()).isEqualTo(refusal);
    assertThat(herd("run", "-w", "h1", "--ssh-option=ForwardAgent=yes", "true").err())
        .isEqualTo(refusal);
    assertThat(herd("plan", "h1", "--ssh-option", "ForwardAgent=yes").err()).isEqualTo(refusal);
    assertThat(herd("run", "-w", "h1", "-o", "-oPort=2222 -L 80:web:80", "true").err())
        .isEqualTo(
            "herd: -o -oPort=2222 -L 80:web:80: ssh argument `-L` is not supported (-o, -J, -i,"
                + " -p, -l, -F and the flags that are an option are); write it as an ssh option or"
                + " drop it\n");
  }

  @Test
  void anSshConfigGivenAsClushDoesIsReadLikeSshConfig() {
    CliRunner.Result missing =
        herd("run", "--transport", "local", "-w", "n1", "-o", "-F nowhere.conf", "true");

    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(missing.err())
        .isEqualTo("herd: -o -F " + dir.resolve("nowhere.conf") + ": no such file\n");
  }

  /** plan and upgrade keep -o for their plan file; the ssh option is --ssh-option there. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"run, -o", "copy, -o", "status, -o", "plan, --ssh-option", "upgrade, --ssh-option"})
  void theShortNameIsGivenWhereMinusOIsFree(String command, String name) {
    String help = herd(command, "--help").out();

    assertThat(help).contains("--ssh-option=OPTION").contains("-l, --user=USER");
    if (name.equals("-o")) {
      assertThat(help).contains("-o=OPTION").contains("The same as --ssh-option.");
    } else {
      assertThat(help).contains("-o, --output=FILE").doesNotContain("-o=OPTION");
    }
  }
}
