package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SshConfigTest {
  private static final Path HOME = Path.of("/home/op");
  private static final Path FILE = Path.of("/home/op/.ssh/config");

  private static final String CONFIG =
      String.join(
          "\n",
          "# global defaults come first in OpenSSH files, but apply everywhere",
          "ServerAliveInterval 15",
          "",
          "Host web* !web9",
          "  HostName %h.example.org",
          "  User deploy",
          "  Port=2222",
          "  IdentityFile ~/.ssh/id_web",
          "",
          "Host web1",
          "  User ignored-because-first-wins",
          "  IdentityFile \"/keys/with space\"",
          "",
          "Host db?",
          "  HostName 10.0.0.%n",
          "  ProxyJump bastion",
          "  StrictHostKeyChecking accept-new",
          "  UserKnownHostsFile ~/.ssh/kh_%r %d/other",
          "  ConnectTimeout 4",
          "  IdentitiesOnly yes",
          "  HashKnownHosts yes",
          "",
          "Match exec \"test -f /nothing\"",
          "  User never",
          "",
          "Host *",
          "  User fallback",
          "  IdentityAgent none",
          "  CertificateFile ~/.ssh/cert.pub",
          "");

  private static HostSettings resolve(String alias) throws Exception {
    return SshConfig.parse(CONFIG, FILE, HOME)
        .settingsFor(
            alias, "op", HOME, Path.of("/run/agent"), Duration.ofSeconds(10), Duration.ZERO);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "web1, web1.example.org, 2222, deploy",
    "web22, web22.example.org, 2222, deploy",
    "web9, web9, 22, fallback",
    "db1, 10.0.0.db1, 22, fallback",
    "db12, db12, 22, fallback",
    "other, other, 22, fallback",
  })
  void appliesMatchingBlocksFirstValueFirst(String alias, String hostName, int port, String user)
      throws Exception {
    HostSettings settings = resolve(alias);

    assertThat(settings.hostName()).isEqualTo(hostName);
    assertThat(settings.port()).isEqualTo(port);
    assertThat(settings.user()).isEqualTo(user);
    assertThat(settings.serverAliveInterval()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void accumulatesIdentityFilesInOrder() throws Exception {
    assertThat(resolve("web1").identityFiles())
        .containsExactly(Path.of("/home/op/.ssh/id_web"), Path.of("/keys/with space"));
  }

  @Test
  void offersTheDefaultKeysWhenNoIdentityFileIsSet() throws Exception {
    assertThat(resolve("other").identityFiles())
        .containsExactly(
            Path.of("/home/op/.ssh/id_ed25519"),
            Path.of("/home/op/.ssh/id_ecdsa"),
            Path.of("/home/op/.ssh/id_rsa"));
  }

  @Test
  void readsHostKeyAndConnectionOptions() throws Exception {
    HostSettings db = resolve("db1");
    HostSettings other = resolve("other");

    assertThat(db.proxyJump()).isEqualTo("bastion");
    assertThat(db.hostKeyPolicy()).isEqualTo(HostSettings.HostKeyPolicy.ACCEPT_NEW);
    assertThat(db.userKnownHostsFiles())
        .containsExactly(Path.of("/home/op/.ssh/kh_fallback"), Path.of("/home/op/other"));
    assertThat(db.connectTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(db.identitiesOnly()).isTrue();
    assertThat(db.hashKnownHosts()).isTrue();
    assertThat(db.identityAgent()).isNull();
    assertThat(other.hostKeyPolicy()).isEqualTo(HostSettings.HostKeyPolicy.REFUSE);
    assertThat(other.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(other.userKnownHostsFiles())
        .containsExactly(
            Path.of("/home/op/.ssh/known_hosts"), Path.of("/home/op/.ssh/known_hosts2"));
    assertThat(other.globalKnownHostsFiles())
        .containsExactly(Path.of("/etc/ssh/ssh_known_hosts"), Path.of("/etc/ssh/ssh_known_hosts2"));
  }

  @Test
  void usesTheAgentSocketFromTheEnvironmentByDefault() throws Exception {
    HostSettings settings =
        SshConfig.empty()
            .settingsFor(
                "h", "op", HOME, Path.of("/run/agent"), Duration.ofSeconds(10), Duration.ZERO);

    assertThat(settings.identityAgent()).isEqualTo(Path.of("/run/agent"));
    assertThat(settings.user()).isEqualTo("op");
  }

  @Test
  void followsIncludesRelativeToDotSsh(@TempDir Path home) throws Exception {
    Path ssh = Files.createDirectories(home.resolve(".ssh"));
    Files.createDirectories(ssh.resolve("config.d"));
    Files.writeString(ssh.resolve("config.d").resolve("10-lab.conf"), "Host lab*\n  Port 2200\n");
    Files.writeString(ssh.resolve("config.d").resolve("20-all.conf"), "User included\n");
    Path config =
        Files.writeString(ssh.resolve("config"), "Include config.d/*.conf\nHost *\n  User late\n");

    HostSettings lab =
        SshConfig.load(config, home)
            .settingsFor("lab1", "op", home, null, Duration.ofSeconds(10), Duration.ZERO);

    assertThat(lab.port()).isEqualTo(2200);
    assertThat(lab.user()).isEqualTo("included");
  }

  @Test
  void readsAMissingFileAsEmpty(@TempDir Path home) throws Exception {
    HostSettings settings =
        SshConfig.load(home.resolve("nope"), home)
            .settingsFor("h", "op", home, null, Duration.ofSeconds(10), Duration.ZERO);

    assertThat(settings.hostName()).isEqualTo("h");
    assertThat(settings.port()).isEqualTo(22);
  }

  @Test
  void namesTheLineOfABadValue() {
    assertThatThrownBy(
            () ->
                SshConfig.parse("Host x\n  Port ninety\n", FILE, HOME)
                    .settingsFor("x", "op", HOME, null, Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("/home/op/.ssh/config:2: bad port 'ninety'");
    assertThatThrownBy(() -> SshConfig.parse("Host x\n  HostName \"unbalanced\n", FILE, HOME))
        .hasMessage("/home/op/.ssh/config:2: unbalanced quote");
    assertThatThrownBy(() -> SshConfig.parse("Host x\n  HostName\n", FILE, HOME))
        .hasMessageStartingWith("/home/op/.ssh/config:2:");
  }

  @Test
  void matchesHostPatternsLikeOpenSsh() {
    assertThat(
            HostPattern.matchesList(List.of("*.example.org", "!bad.example.org"), "a.example.org"))
        .isTrue();
    assertThat(
            HostPattern.matchesList(
                List.of("*.example.org", "!bad.example.org"), "bad.example.org"))
        .isFalse();
    assertThat(HostPattern.matchesList(List.of("n?"), "n1")).isTrue();
    assertThat(HostPattern.matchesList(List.of("n?"), "n10")).isFalse();
    assertThat(HostPattern.matchesList(List.of("!n1"), "n2")).isFalse();
    assertThat(HostPattern.matches("[127.0.0.1]:22*", "[127.0.0.1]:2222")).isTrue();
  }
}
