package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseFileTest {

  @Test
  void rendersIdentityDateAndHashesAsAptReadsThem() {
    ReleaseFile release =
        new ReleaseFile(
            "Debian",
            "Debian-Security",
            "bookworm-security",
            "bookworm-security",
            "amd64",
            Instant.parse("2026-11-25T12:00:00Z"),
            List.of(new ReleaseFile.Index("main/binary-amd64/Packages", 42, "ab", "cd")));
    assertThat(release.render())
        .isEqualTo(
            """
            Origin: Debian
            Label: Debian-Security
            Suite: bookworm-security
            Codename: bookworm-security
            Date: Wed, 25 Nov 2026 12:00:00 UTC
            Architectures: amd64
            Components: main
            Description: herd lab repository (Debian-Security)
            MD5Sum:
             ab       42 main/binary-amd64/Packages
            SHA256:
             cd       42 main/binary-amd64/Packages
            """);
  }
}
