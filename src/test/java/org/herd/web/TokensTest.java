package org.herd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The tokens file: its lines, its mode, and who a bearer token names. */
class TokensTest {

  static final String ALICE = "alice-0123456789abcdef";
  static final String BOB = "bob-fedcba9876543210";

  @TempDir Path dir;

  @Test
  void namesAndTokensAreReadCommentsAndBlankLinesIgnored() {
    Tokens tokens = Tokens.parse("# operators\n\nalice " + ALICE + "\n  bob\t" + BOB + "  \n", "t");

    assertThat(tokens.holder(ALICE)).contains("alice");
    assertThat(tokens.holder(BOB)).contains("bob");
    assertThat(tokens.holder("alice")).isEmpty();
    assertThat(tokens.holder(ALICE + "x")).isEmpty();
    assertThat(tokens.holder("")).isEmpty();
    assertThat(tokens.isEmpty()).isFalse();
    assertThat(Tokens.parse("# nobody\n", "t").isEmpty()).isTrue();
    assertThat(Tokens.NONE.holder(ALICE)).isEmpty();
  }

  record Bad(String text, String said) {}

  static List<Bad> badFiles() {
    return List.of(
        new Bad("alice\n", "--tokens t:1: expected NAME TOKEN"),
        new Bad("alice " + ALICE + " extra\n", "--tokens t:1: expected NAME TOKEN"),
        new Bad("# c\nalice short\n", "--tokens t:2: the token of alice is shorter than 16"),
        new Bad("alice " + ALICE + "\nalice " + BOB + "\n", "--tokens t:2: alice is named twice"),
        new Bad(
            "alice " + ALICE + "\nbob " + ALICE + "\n",
            "--tokens t:2: bob has the token of alice"));
  }

  @ParameterizedTest
  @MethodSource("badFiles")
  void aBadLineIsRefusedWithItsLineNumber(Bad bad) {
    assertThatThrownBy(() -> Tokens.parse(bad.text(), "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(bad.said());
  }

  @Test
  void aFileReadableByGroupOrOthersIsRefused() throws Exception {
    Path file = dir.resolve("tokens");
    Files.writeString(file, "alice " + ALICE + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    assertThatThrownBy(() -> Tokens.read(file))
        .hasMessage("--tokens " + file + ": readable by group or others; chmod 600 it");

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));
    assertThatThrownBy(() -> Tokens.read(file)).hasMessageContaining("readable by group or others");

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(Tokens.read(file).holder(ALICE)).contains("alice");
    assertThatThrownBy(() -> Tokens.read(dir.resolve("missing")))
        .hasMessageStartingWith("--tokens " + dir.resolve("missing") + ": cannot read it");
  }
}
