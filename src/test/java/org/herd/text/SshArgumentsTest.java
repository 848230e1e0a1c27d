package org.herd.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SshArgumentsTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "-o ProxyJump=bastion | [ProxyJump=bastion] | null | null | null | null",
        "-oPort=2222 -oStrictHostKeyChecking=no | [Port=2222, StrictHostKeyChecking=no] | null"
            + " | null | null | null",
        "-o 'ProxyCommand ssh -W %h:%p bastion' | [ProxyCommand=ssh -W %h:%p bastion] | null |"
            + " null | null | null",
        "-o \"User = deploy\" | [User=deploy] | null | null | null | null",
        "-J jump@bastion:2222 | [ProxyJump=jump@bastion:2222] | null | null | null | null",
        "-i ~/.ssh/id_web -p 2200 -l deploy -F /etc/herd/ssh_config | [] | ~/.ssh/id_web | 2200"
            + " | deploy | /etc/herd/ssh_config",
        "-i'/keys/with space' | [] | /keys/with space | null | null | null",
        "\"\" | [] | null | null | null | null",
        "-C -A -4 -q -T | [Compression=yes, ForwardAgent=yes, AddressFamily=inet, LogLevel=QUIET,"
            + " RequestTTY=no] | null | null | null | null",
      })
  void readsTheArgumentsHerdUnderstands(
      String text, String options, String identity, String port, String user, String config) {
    SshArguments parsed = SshArguments.parse(text);

    assertThat(parsed.options().toString()).isEqualTo(options);
    assertThat(String.valueOf(parsed.identityFile())).isEqualTo(identity);
    assertThat(String.valueOf(parsed.port())).isEqualTo(port);
    assertThat(String.valueOf(parsed.user())).isEqualTo(user);
    assertThat(String.valueOf(parsed.sshConfig())).isEqualTo(config);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "-L 8080:localhost:80 | ssh argument `-L` is not supported (-o, -J, -i, -p, -l, -F and"
            + " the flags that are an option are); write it as an ssh option or drop it",
        "-o | ssh argument `-o` needs a value",
        "-o Nope | ssh option `Nope` must be written Key=Value, as ssh -o takes it",
        "-p 0 | ssh argument -p needs a port from 1 to 65535, not 0",
        "bastion | ssh argument `bastion` is not understood (only ssh's options are)",
        "--verbose | ssh argument `--verbose` is not supported (-o, -J, -i, -p, -l, -F and the"
            + " flags that are an option are); write it as an ssh option or drop it",
        "-o 'ProxyJump=x | unclosed ' in ssh arguments `-o 'ProxyJump=x`",
      })
  void refusesWhatItDoesNotUnderstandByName(String text, String message) {
    assertThatThrownBy(() -> SshArguments.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "Port=2222 | Port=2222",
        "Port 2222 | Port=2222",
        "  ProxyCommand = ssh -W %h:%p b  | ProxyCommand=ssh -W %h:%p b",
      })
  void writesOptionsAsKeyEqualsValue(String text, String option) {
    assertThat(SshArguments.option(text)).isEqualTo(option);
  }

  @org.junit.jupiter.api.Test
  void splitsLikeAShell() {
    assertThat(SshArguments.split("a 'b c' \"d \\\"e\\\"\" f\\ g"))
        .isEqualTo(List.of("a", "b c", "d \"e\"", "f g"));
  }
}
