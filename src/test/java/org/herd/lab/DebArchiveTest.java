package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebArchiveTest {

  @Test
  void membersSurviveARoundTripIncludingOddSizes(@TempDir Path tmp) throws Exception {
    List<DebArchive.Member> members =
        List.of(
            new DebArchive.Member("debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII)),
            new DebArchive.Member("control.tar.gz", new byte[] {1, 2, 3}),
            new DebArchive.Member("data.tar.xz", new byte[] {4, 5, 6, 7}));
    Path deb = tmp.resolve("x.deb");
    DebArchive.write(deb, members, 1_700_000_000L);
    byte[] bytes = Files.readAllBytes(deb);
    assertThat(new String(bytes, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("!<arch>\n");
    List<DebArchive.Member> read = DebArchive.read(deb);
    assertThat(read)
        .extracting(DebArchive.Member::name)
        .containsExactly("debian-binary", "control.tar.gz", "data.tar.xz");
    assertThat(read.get(1).content()).containsExactly(1, 2, 3);
    assertThat(read.get(2).content()).containsExactly(4, 5, 6, 7);
  }

  @Test
  void rejectsWhatIsNotAnArArchive(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("not.deb");
    Files.writeString(file, "hello");
    assertThatThrownBy(() -> DebArchive.read(file)).hasMessageContaining("not an ar archive");
  }
}
