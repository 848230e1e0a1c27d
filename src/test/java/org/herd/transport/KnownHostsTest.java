package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsTest {
  private static final String ED = "AAAAC3NzaC1lZDI1NTE5AAAAIEd25519keyOne";
  private static final String ED2 = "AAAAC3NzaC1lZDI1NTE5AAAAIEd25519keyTwo";
  private static final String EC = "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYEcdsaKey";

  private final KnownHosts knownHosts = new KnownHosts();

  @Test
  void findsPlainWildcardAndPortEntries(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("known_hosts"),
            String.join(
                "\n",
                "# comment",
                "web1,10.0.0.1 ssh-ed25519 " + ED,
                "*.example.org,!bad.example.org ssh-ed25519 " + ED,
                "[db1]:2222 ssh-ed25519 " + ED,
                ""));

    assertThat(check(file, "web1", 22, ED)).isInstanceOf(KnownHosts.Verdict.Known.class);
    assertThat(check(file, "10.0.0.1", 22, ED)).isInstanceOf(KnownHosts.Verdict.Known.class);
    assertThat(check(file, "a.example.org", 22, ED)).isInstanceOf(KnownHosts.Verdict.Known.class);
    assertThat(check(file, "bad.example.org", 22, ED))
        .isInstanceOf(KnownHosts.Verdict.Unknown.class);
    assertThat(check(file, "db1", 2222, ED)).isInstanceOf(KnownHosts.Verdict.Known.class);
    assertThat(check(file, "db1", 22, ED)).isInstanceOf(KnownHosts.Verdict.Unknown.class);
  }

  @Test
  void reportsTheLineOfAChangedKey(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("known_hosts"),
            "other ssh-ed25519 "
                + ED
                + "\nweb1 ecdsa-sha2-nistp256 "
                + EC
                + "\nweb1 ssh-ed25519 "
                + ED
                + "\n");

    KnownHosts.Verdict sameType = check(file, "web1", 22, ED2);
    KnownHosts.Verdict typeSwapped = check(file, "other", 22, ED2.replace("Two", "Three"));

    assertThat(sameType)
        .isEqualTo(
            new KnownHosts.Verdict.Changed(
                new KnownHosts.Entry(file, 3, null, "web1", "ssh-ed25519", ED)));
    assertThat(typeSwapped).isInstanceOf(KnownHosts.Verdict.Changed.class);
    assertThat(knownHosts.recordedKeyTypes(List.of(file), "web1", 22))
        .containsExactly("ecdsa-sha2-nistp256", "ssh-ed25519");
  }

  @Test
  void treatsAKeyOfAnotherTypeAsChanged(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(dir.resolve("known_hosts"), "web1 ecdsa-sha2-nistp256 " + EC + "\n");

    assertThat(check(file, "web1", 22, ED))
        .isEqualTo(
            new KnownHosts.Verdict.Changed(
                new KnownHosts.Entry(file, 1, null, "web1", "ecdsa-sha2-nistp256", EC)));
  }

  @Test
  void refusesRevokedKeysAndIgnoresCertificateAuthorities(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("known_hosts"),
            "@cert-authority * ssh-ed25519 " + ED2 + "\n@revoked * ssh-ed25519 " + ED + "\n");

    assertThat(check(file, "web1", 22, ED)).isInstanceOf(KnownHosts.Verdict.Revoked.class);
    assertThat(check(file, "web1", 22, ED2)).isInstanceOf(KnownHosts.Verdict.Unknown.class);
  }

  @Test
  void recordsPlainAndHashedEntriesThatMatchAfterwards(@TempDir Path dir) throws Exception {
    Path plain = dir.resolve("sub").resolve("known_hosts");
    Path hashed = Files.writeString(dir.resolve("hashed"), "no-newline-at-end ssh-ed25519 " + ED2);

    knownHosts.record(plain, "web1", 2222, "ssh-ed25519", ED, false);
    knownHosts.record(plain, "web1", 2222, "ssh-ed25519", ED, false);
    knownHosts.record(hashed, "web1", 22, "ssh-ed25519", ED, true);

    assertThat(Files.readString(plain)).isEqualTo("[web1]:2222 ssh-ed25519 " + ED + "\n");
    List<String> lines = Files.readAllLines(hashed);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("|1|").doesNotContain("web1");
    assertThat(check(plain, "web1", 2222, ED)).isInstanceOf(KnownHosts.Verdict.Known.class);
    assertThat(check(hashed, "web1", 22, ED)).isInstanceOf(KnownHosts.Verdict.Known.class);
    assertThat(check(hashed, "web2", 22, ED)).isInstanceOf(KnownHosts.Verdict.Unknown.class);
  }

  @Test
  void matchesEntriesHashedByOpenSsh(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:2200 ssh-ed25519 " + ED + "\n");
    OpenSshServer.run("ssh-keygen", "-q", "-H", "-f", file.toString());

    assertThat(Files.readString(file)).startsWith("|1|");
    assertThat(check(file, "127.0.0.1", 2200, ED)).isInstanceOf(KnownHosts.Verdict.Known.class);
    assertThat(check(file, "127.0.0.1", 22, ED)).isInstanceOf(KnownHosts.Verdict.Unknown.class);
  }

  private KnownHosts.Verdict check(Path file, String host, int port, String blob) throws Exception {
    return knownHosts.check(
        List.of(file, file.resolveSibling("missing")), host, port, "ssh-ed25519", blob);
  }
}
