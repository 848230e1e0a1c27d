package org.herd.debian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real changelogs of this machine's packages (captures/changelogs, see the README there). */
class ChangelogParserTest {

  private static List<ChangelogEntry> read(String name) {
    Parsed<List<ChangelogEntry>> parsed =
        ChangelogParser.parse(Captures.read("changelogs/" + name + ".changelog.Debian"));
    assertThat(parsed.warnings()).as(name).isEmpty();
    return parsed.value();
  }

  /**
   * capture, entries, newest and oldest version (as {@code dpkg-parsechangelog --all} counts them),
   * CVE ids (distinct per entry).
   */
  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("sudo", 38, "1.9.13p3-1+deb12u4", "1.8.27-1.1", 8),
        Arguments.of("openssl", 51, "3.0.19-1~deb12u2", "1.1.1d-1", 63),
        Arguments.of("libxt6", 4, "1:1.2.1-1.1", "1:1.1.5-1", 0),
        Arguments.of("time", 25, "1.9-0.2", "1.7-5", 0));
  }

  @ParameterizedTest
  @MethodSource("files")
  void readsEveryEntryOfARealChangelog(
      String name, int count, String newest, String oldest, int cveCount) {
    List<ChangelogEntry> entries = read(name);

    assertThat(entries).hasSize(count);
    assertThat(entries.get(0).version()).hasToString(newest);
    assertThat(entries.get(count - 1).version()).hasToString(oldest);
    assertThat(entries).allSatisfy(e -> assertThat(e.maintainer()).contains("<").endsWith(">"));
    assertThat(entries).allSatisfy(e -> assertThat(e.date()).isNotEmpty());
    assertThat(entries.stream().mapToInt(e -> e.cves().size()).sum()).isEqualTo(cveCount);
  }

  @Test
  void readsHeaderTrailerAndCvesOfASecurityUpload() {
    ChangelogEntry entry = read("sudo").get(2);

    assertThat(entry.source()).isEqualTo("sudo");
    assertThat(entry.version()).hasToString("1.9.13p3-1+deb12u2");
    assertThat(entry.distributions()).containsExactly("bookworm-security");
    assertThat(entry.urgency()).isEqualTo(Urgency.HIGH);
    assertThat(entry.cves()).containsExactly("CVE-2025-32462");
    assertThat(entry.changes())
        .containsExactly(
            "  * Non-maintainer upload by the Security Team.",
            "  * Local Privilege Escalation via host option (CVE-2025-32462)");
    assertThat(entry.maintainer()).isEqualTo("Salvatore Bonaccorso <carnil@debian.org>");
    assertThat(entry.date()).isEqualTo("Tue, 24 Jun 2025 09:29:50 +0200");
  }

  @Test
  void cvesAreListedOnceInOrderOfFirstMention() {
    ChangelogEntry entry = read("openssl").get(0);

    assertThat(entry.cves())
        .containsExactly(
            "CVE-2026-28387",
            "CVE-2026-28389",
            "CVE-2026-28390",
            "CVE-2026-31789",
            "CVE-2026-31790");
    assertThat(ChangelogParser.cves("CVE-2024-1234 and CVE-2024-1234, CVE-2024-123456 CVE-99-1"))
        .containsExactly("CVE-2024-1234", "CVE-2024-123456");
  }

  /** installed, candidate, versions selected from sudo's changelog. */
  static Stream<Arguments> ranges() {
    return Stream.of(
        Arguments.of(
            "1.9.13p3-1+deb12u1",
            "1.9.13p3-1+deb12u4",
            List.of("1.9.13p3-1+deb12u4", "1.9.13p3-1+deb12u3", "1.9.13p3-1+deb12u2")),
        Arguments.of("1.9.13p3-1+deb12u2", "1.9.13p3-1+deb12u3", List.of("1.9.13p3-1+deb12u3")),
        Arguments.of("1.9.13p3-1+deb12u4", "1.9.13p3-1+deb12u4", List.of()),
        // an installed version that is in no entry (~ sorts before the release it precedes)
        Arguments.of(
            "1.9.13p3-1+deb12u1~bpo1",
            "1.9.13p3-1+deb12u2",
            List.of("1.9.13p3-1+deb12u2", "1.9.13p3-1+deb12u1")),
        Arguments.of(
            "1.9.13p1-1", "1.9.13p3-1+deb12u1", List.of("1.9.13p3-1+deb12u1", "1.9.13p3-1")));
  }

  @ParameterizedTest
  @MethodSource("ranges")
  void selectsTheEntriesNewerThanInstalledUpToTheCandidate(
      String installed, String candidate, List<String> expected) {
    List<ChangelogEntry> selected =
        ChangelogEntry.between(
            read("sudo"), DebianVersion.parse(installed), DebianVersion.parse(candidate));

    assertThat(selected).extracting(e -> e.version().toString()).isEqualTo(expected);
  }

  @Test
  void epochsCountInTheRange() {
    List<ChangelogEntry> selected =
        ChangelogEntry.between(
            read("libxt6"), DebianVersion.parse("1:1.2.0-1"), DebianVersion.parse("1:1.2.1-1.1"));

    assertThat(selected)
        .extracting(e -> e.version().toString())
        .containsExactly("1:1.2.1-1.1", "1:1.2.1-1");
    // 1.2.1-1 without its epoch is older than every entry.
    assertThat(ChangelogEntry.reaches(read("libxt6"), DebianVersion.parse("1.2.1-1"))).isFalse();
  }

  @Test
  void aTrimmedChangelogDoesNotReachAnOldInstalledVersion() {
    List<ChangelogEntry> entries = read("libxt6");

    assertThat(ChangelogEntry.reaches(entries, DebianVersion.parse("1:1.1.5-1"))).isTrue();
    assertThat(ChangelogEntry.reaches(entries, DebianVersion.parse("1:1.1.4-1"))).isFalse();
  }

  /** urgency value, parsed. */
  static Stream<Arguments> urgencies() {
    return Stream.of(
        Arguments.of("medium", Urgency.MEDIUM),
        Arguments.of("low (HIGH for m68k)", Urgency.LOW),
        Arguments.of("HIGH", Urgency.HIGH),
        Arguments.of("critical", Urgency.CRITICAL),
        Arguments.of("emergency", Urgency.EMERGENCY),
        Arguments.of("whenever", Urgency.UNKNOWN));
  }

  @ParameterizedTest
  @MethodSource("urgencies")
  void readsUrgency(String value, Urgency expected) {
    String text =
        "pkg (1.0-1) unstable; urgency="
            + value
            + "\n\n  * x\n\n -- A <a@b.c>  Mon, 01 Jan 2024 00:00:00 +0000\n";

    assertThat(ChangelogParser.parse(text).value().get(0).urgency()).isEqualTo(expected);
  }

  @Test
  void keepsWhatItCanOfBrokenText() {
    String text =
        String.join(
            "\n",
            "garbage before",
            "pkg (1.0-2) unstable; urgency=low, closes=1",
            "  * no trailer",
            "pkg (not a version!) unstable; urgency=low",
            "pkg (1.0-1) unstable; urgency=low",
            "  * last",
            "");
    Parsed<List<ChangelogEntry>> parsed = ChangelogParser.parse(text);

    assertThat(parsed.value())
        .extracting(e -> e.version().toString())
        .containsExactly("1.0-2", "1.0-1");
    assertThat(parsed.value().get(0).changes())
        .containsExactly("  * no trailer", "pkg (not a version!) unstable; urgency=low");
    assertThat(parsed.warnings()).hasSize(2);
    assertThat(ChangelogParser.parse("").value()).isEmpty();
  }
}
