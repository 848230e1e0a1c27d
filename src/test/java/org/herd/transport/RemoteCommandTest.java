package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteCommandTest {

  // How a word is quoted is ShellWordsTest's (RemoteCommand.quote is ShellWords.quote).

  @Test
  void buildsALineFromAnArgv() {
    RemoteCommand command = RemoteCommand.of("apt-get", "install", "-y", "pkg=1.0", "x y");

    assertThat(command.line()).isEqualTo("apt-get install -y pkg=1.0 'x y'");
    assertThat(command.argv()).containsExactly("apt-get", "install", "-y", "pkg=1.0", "x y");
    assertThat(RemoteCommand.of(List.of("true")).toString()).isEqualTo("true");
  }

  @Test
  void keepsAShellLineAsItIs() {
    RemoteCommand command = RemoteCommand.shell("uptime | cut -c1-9 > /tmp/$x");

    assertThat(command.line()).isEqualTo("uptime | cut -c1-9 > /tmp/$x");
    assertThat(command.argv()).isNull();
  }

  @Test
  void rejectsWhatNoShellCanRun() {
    assertThatThrownBy(() -> RemoteCommand.of("printf", "a\0b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");
    assertThatThrownBy(() -> RemoteCommand.shell("  "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RemoteCommand.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wrapsSudoWithoutTouchingTheLine() {
    RemoteCommand command = RemoteCommand.of("printf", "%s", "it's");

    String plain = WireCommand.build(command, Become.NONE, false);
    String sudo = WireCommand.build(command, Become.SUDO, false);
    String sudoWithPassword = WireCommand.build(command, Become.SUDO, true);

    assertThat(plain)
        .startsWith("exec /bin/sh -c ")
        .endsWith(" sh " + RemoteCommand.quote(command.line()));
    assertThat(sudo).contains("exec sudo -n -- /bin/sh -c");
    assertThat(sudoWithPassword).contains("exec sudo -S -p @herd:sudo-prompt@ -- /bin/sh -c");
  }
}
