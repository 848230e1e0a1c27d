package org.herd.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileTest {

  @TempDir Path dir;

  @Test
  void readsUtf8TextUpToTheLimit() throws Exception {
    Path file = Files.writeString(dir.resolve("r.yaml"), "name: café\n");

    assertThat(TextFile.read(file, "recipe", 12)).isEqualTo("name: café\n");
  }

  @Test
  void aFileLargerThanItsKindIsRefusedBeforeItIsRead() throws Exception {
    Path file = Files.writeString(dir.resolve("r.yaml"), "x".repeat(2049));

    assertThatThrownBy(() -> TextFile.read(file, "recipe", 2048))
        .isInstanceOf(TextFile.Unreadable.class)
        .hasMessage("larger than a recipe can be (at most 2 KiB)");
  }

  @Test
  void eachOtherReasonIsAFewWords() throws Exception {
    Path utf16 = Files.write(dir.resolve("p.json"), "{}".getBytes(StandardCharsets.UTF_16));

    assertThatThrownBy(() -> TextFile.read(utf16, "plan", 100)).hasMessage("not UTF-8 text");
    assertThatThrownBy(() -> TextFile.read(dir.resolve("none"), "plan", 100))
        .hasMessage("no such file");
    assertThatThrownBy(() -> TextFile.read(dir, "plan", 100)).hasMessage("a directory, not a file");
    assertThatThrownBy(() -> TextFile.read(Path.of(""), "plan", 100))
        .hasMessage("the file name is empty");
  }

  @Test
  void saysWhyANamedFileCannotBeReadAndAnEmptyNameIsNotTheWorkingDirectory() throws Exception {
    Path file = Files.writeString(dir.resolve("ssh_config"), "Host *\n");

    assertThat(TextFile.unreadable("ssh_config", file)).isEmpty();
    assertThat(TextFile.unreadable("", Path.of(""))).contains("the file name is empty");
    assertThat(TextFile.unreadable(".", dir)).contains("a directory, not a file");
    assertThat(TextFile.unreadable("gone", dir.resolve("gone"))).contains("no such file");
  }
}
