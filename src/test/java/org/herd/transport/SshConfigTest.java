package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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
          "# exec is never evaluated: the criterion before it fails for every host asked for",
          "Match originalhost nowhere exec \"test -f /nothing\"",
          "  User never",
          "",
          "Host *",
          "  User fallback",
          "  IdentityAgent none",
          "");

  private static final HostSettingsReader.Local LOCAL =
      new HostSettingsReader.Local(
          "op", HOME, Path.of("/run/agent"), Duration.ofSeconds(10), Duration.ZERO);

  private static HostSettings resolve(String alias) throws Exception {
    return SshConfig.parse(CONFIG, FILE, HOME).settingsFor(alias, List.of(), LOCAL);
  }

  private static HostSettings resolve(String config, String alias, String... commandLine)
      throws Exception {
    List<SshConfig.Option> given =
        Arrays.stream(commandLine).map(o -> SshConfig.option(o, "ssh option " + o)).toList();
    return SshConfig.parse(config, FILE, HOME).settingsFor(alias, given, LOCAL);
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
    HostSettings settings = SshConfig.empty().settingsFor("h", List.of(), LOCAL);

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

    HostSettings lab = SshConfig.load(config, home).settingsFor("lab1", List.of(), local(home));

    assertThat(lab.port()).isEqualTo(2200);
    assertThat(lab.user()).isEqualTo("included");
  }

  @Test
  void readsAMissingFileAsEmpty(@TempDir Path home) throws Exception {
    HostSettings settings =
        SshConfig.load(home.resolve("nope"), home).settingsFor("h", List.of(), local(home));

    assertThat(settings.hostName()).isEqualTo("h");
    assertThat(settings.port()).isEqualTo(22);
  }

  @Test
  void namesTheLineOfABadValue() {
    assertThatThrownBy(
            () ->
                SshConfig.parse("Host x\n  Port ninety\n", FILE, HOME)
                    .settingsFor("x", List.of(), LOCAL))
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

  private static HostSettingsReader.Local local(Path home) {
    return new HostSettingsReader.Local("op", home, null, Duration.ofSeconds(10), Duration.ZERO);
  }

  /** One option line under {@code Host x}: refused with this message, or honoured or ignored. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CertificateFile ~/.ssh/cert.pub | option CertificateFile is not supported",
        "PKCS11Provider /usr/lib/opensc-pkcs11.so | option PKCS11Provider"
            + " /usr/lib/opensc-pkcs11.so is not supported",
        "PKCS11Provider none |",
        "SendEnv LANG LC_* | option SendEnv is not supported",
        "SetEnv FOO=bar | option SetEnv is not supported",
        "BindAddress 192.0.2.1 | option BindAddress is not supported",
        "AddressFamily inet | option AddressFamily inet is not supported",
        "AddressFamily any |",
        "ForwardAgent yes | option ForwardAgent yes is not supported",
        "ForwardAgent no |",
        "GSSAPIAuthentication yes | option GSSAPIAuthentication yes is not supported",
        "GSSAPIAuthentication no |",
        "HostbasedAuthentication yes | option HostbasedAuthentication yes is not supported",
        "CanonicalizeHostname always | option CanonicalizeHostname always is not supported",
        "PreferredAuthentications password | option PreferredAuthentications password is not",
        "PreferredAuthentications gssapi-with-mic,publickey |",
        "PubkeyAuthentication no | option PubkeyAuthentication no is not supported",
        "RemoteCommand uptime | option RemoteCommand uptime is not supported",
        "RequestTTY force | option RequestTTY force is not supported",
        "RequestTTY auto |",
        "VerifyHostKeyDNS yes | option VerifyHostKeyDNS yes is not supported",
        "KnownHostsCommand /bin/true | option KnownHostsCommand is not supported",
        "LogLevel ERROR |",
        "Compression yes |",
        "ControlMaster auto |",
        "ControlPersist 10m |",
        "ServerAliveInterval 5 |",
        "UpdateHostKeys yes |",
        "AddKeysToAgent yes |",
        "VisualHostKey yes |",
        "Ciphers aes256-gcm@openssh.com |",
        "MACs hmac-sha2-256 |",
        "HostKeyAlgorithms ssh-ed25519 |",
        "PubkeyAcceptedKeyTypes +ssh-rsa |",
        "PubkeyAcceptedAlgorithms ssh-ed25519 | option PubkeyAcceptedAlgorithms ssh-ed25519 is not",
        "NoSuchOption 1 | option nosuchoption is not known to the ssh transport",
      })
  void refusesWhatTheSshTransportCannotHonour(String line, String refusal) {
    String config = "Host x\n  " + line + "\n";
    if (refusal == null) {
      assertThatCode(() -> resolve(config, "x")).doesNotThrowAnyException();
      assertThatCode(() -> resolve(config.replace("Host x", "Host y"), "x"))
          .doesNotThrowAnyException();
      return;
    }
    assertThatThrownBy(() -> resolve(config, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(FILE + ":2: " + refusal)
        .hasMessageEndingWith("; use --transport openssh");
    // Only what is in force for the host counts.
    assertThatCode(() -> resolve(config, "other")).doesNotThrowAnyException();
  }

  @Test
  void ignoresUnknownOptionsThatIgnoreUnknownLists() {
    assertThatCode(() -> resolve("IgnoreUnknown UseKeychain,Foo*\nUseKeychain yes\n", "x"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> resolve("IgnoreUnknown Foo*\nUseTheForce yes\n", "x"))
        .hasMessageContaining("option usetheforce is not known");
  }

  @Test
  void refusesAnOptionGivenOnTheCommandLineNamingIt() {
    assertThatThrownBy(() -> resolve("", "x", "ForwardAgent=yes"))
        .hasMessage(
            "ssh option ForwardAgent=yes: option ForwardAgent yes is not supported by the ssh"
                + " transport; use --transport openssh");
  }

  /** Which blocks of a config with {@code Match} lines apply, by alias and command-line user. */
  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
    "web1, '', 1001",
    "web2, '', 1002",
    "db1, '', 1003",
    "db1, root, 1004",
    "db2, '', 1005",
    "other, '', 1006",
  })
  void evaluatesMatchCriteriaLikeOpenSsh(String alias, String user, int port) throws Exception {
    String config =
        String.join(
            "\n",
            "Host db*",
            "  HostName %h.internal",
            "Match host web1",
            "  Port 1001",
            "Match originalhost web2",
            "  Port 1002",
            "# host is the HostName obtained so far; user the User (the local user by default)",
            "Match user op host db1.internal",
            "  Port 1003",
            "Match user root localuser op",
            "  Port 1004",
            "Match !host db1.internal originalhost db*",
            "  Port 1005",
            "Match all",
            "  Port 1006",
            "");
    String[] commandLine = user.isEmpty() ? new String[0] : new String[] {"User=" + user};

    assertThat(resolve(config, alias, commandLine).port()).isEqualTo(port);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Match exec \"true\" | 'Match exec' is not supported by the ssh transport",
        "Match canonical all | 'Match canonical' is not supported",
        "Match final all | 'Match final' is not supported",
        "Match tagged prod | 'Match tagged' is not supported",
        "Match localnetwork 10.0.0.0/8 | 'Match localnetwork' is not supported",
      })
  void refusesMatchCriteriaItCannotEvaluate(String match, String refusal) {
    String config = match + "\n  User m\n";

    assertThatThrownBy(() -> resolve(config, "x"))
        .hasMessageStartingWith(FILE + ":1: " + refusal)
        .hasMessageEndingWith("; use --transport openssh");
    // Not when a criterion before it already failed, as OpenSSH never runs such an exec.
    assertThatCode(() -> resolve(match.replace("Match ", "Match host nope ") + "\n", "x"))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesUnknownMatchCriteriaWhenReading() {
    assertThatThrownBy(() -> SshConfig.parse("Match address 10.0.0.1\n", FILE, HOME))
        .hasMessage(FILE + ":1: unknown Match criterion 'address'");
    assertThatThrownBy(() -> SshConfig.parse("Match host\n", FILE, HOME))
        .hasMessage(FILE + ":1: Match host needs an argument");
  }

  @Test
  void expandsProxyCommandTokens() throws Exception {
    HostSettings settings =
        resolve(
            "Host x\n  HostName x.internal\n  Port 2200\n  User deploy\n"
                + "  ProxyCommand ssh -W %h:%p -l %r bastion # %n 100%%\n",
            "x");

    assertThat(settings.proxyCommand())
        .isEqualTo("ssh -W x.internal:2200 -l deploy bastion # x 100%");
    assertThat(settings.proxyJump()).isNull();
    assertThatThrownBy(() -> resolve("ProxyCommand nc %h %z\n", "x"))
        .hasMessage(FILE + ":1: ProxyCommand has an unknown token %z");
  }

  /** ProxyJump and ProxyCommand: the first of the two given wins, as in OpenSSH. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ProxyJump j;ProxyCommand c | j | ",
        "ProxyCommand c;ProxyJump j | | c",
        "ProxyCommand none;ProxyJump j | | ",
        "ProxyJump none;ProxyCommand c | | ",
      })
  void takesTheFirstOfProxyJumpAndProxyCommand(String lines, String jump, String command)
      throws Exception {
    String config = "Host x\n  " + lines.replace(";", "\n  ") + "\n";

    HostSettings settings = resolve(config, "x");

    assertThat(settings.proxyJump()).isEqualTo(jump);
    assertThat(settings.proxyCommand()).isEqualTo(command);
  }

  @Test
  void putsCommandLineOptionsFirst() throws Exception {
    HostSettings settings =
        resolve(
            "Host x\n  Port 22\n  User config\n  IdentityFile /k/config\n",
            "x",
            "Port=2222",
            "IdentityFile /k/given");

    assertThat(settings.port()).isEqualTo(2222);
    assertThat(settings.user()).isEqualTo("config");
    assertThat(settings.identityFiles()).containsExactly(Path.of("/k/given"), Path.of("/k/config"));
  }

  @Test
  void appliesAnIncludedFileOnlyWhereTheIncludingBlockApplies(@TempDir Path home) throws Exception {
    Path ssh = Files.createDirectories(home.resolve(".ssh"));
    Files.writeString(ssh.resolve("inner"), "Host *\n  User inner\n");
    Path config = Files.writeString(ssh.resolve("config"), "Host lab*\n  Include inner\n");

    SshConfig read = SshConfig.load(config, home);

    assertThat(read.settingsFor("lab1", List.of(), local(home)).user()).isEqualTo("inner");
    assertThat(read.settingsFor("web1", List.of(), local(home)).user()).isEqualTo("op");
  }
}
