package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianMirrorTest {

  @Test
  void findsTheArchiveInDeb822AndOneLineSources(@TempDir Path etc) throws Exception {
    Files.createDirectories(etc.resolve("sources.list.d"));
    Files.writeString(
        etc.resolve("sources.list.d/debian.sources"),
        """
        Types: deb
        # http://snapshot.debian.org/archive/debian/20250520T000000Z
        URIs: http://mirror.example/debian/
        Suites: bookworm bookworm-updates
        """);
    Files.writeString(
        etc.resolve("sources.list.d/other.list"),
        "deb [signed-by=/k.gpg] https://packages.example.com/apt stable main\n");
    assertThat(DebianMirror.detect(etc).archive()).isEqualTo("http://mirror.example/debian");
  }

  @Test
  void commentedLinesAndOtherArchivesAreIgnored() {
    List<String> uris =
        DebianMirror.urisIn(
            "# deb http://old.example/debian bookworm main\n"
                + "deb http://deb.example/debian-security bookworm-security main\n"
                + "deb-src http://src.example/debian bookworm main\n");
    assertThat(uris).containsExactly("http://deb.example/debian-security");
    assertThat(DebianMirror.fromUris(uris)).isEqualTo(DebianMirror.DEFAULT);
  }

  @Test
  void noSourcesAtAllMeansDebiansRedirector(@TempDir Path etc) {
    assertThat(DebianMirror.detect(etc)).isEqualTo(DebianMirror.DEFAULT);
  }
}
