package org.herd.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LineSplitterTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(List.of("a\nb\n"), List.of("a", "b")),
        Arguments.of(List.of("a", "b\nc"), List.of("ab", "c")),
        Arguments.of(List.of("a\r\n"), List.of("a\r")),
        Arguments.of(List.of("\n\n"), List.of("", "")),
        Arguments.of(List.of("", "x"), List.of("x")),
        Arguments.of(List.of(), List.of()),
        Arguments.of(List.of("no end"), List.of("no end")),
        Arguments.of(List.of("one\n", "", "two", "\n", "three"), List.of("one", "two", "three")));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void cutsChunksIntoLines(List<String> chunks, List<String> expected) {
    List<String> lines = new ArrayList<>();
    LineSplitter splitter = new LineSplitter(StreamKind.STDOUT, line -> lines.add(line.text()));
    for (String chunk : chunks) {
      byte[] bytes = ("[" + chunk + "]").getBytes(StandardCharsets.UTF_8);
      splitter.accept(bytes, 1, bytes.length - 2);
    }
    splitter.finish();
    assertThat(lines).isEqualTo(expected);
  }

  @Test
  void keepsInvalidUtf8BytesAsTheyAre() {
    List<byte[]> lines = new ArrayList<>();
    LineSplitter splitter = new LineSplitter(StreamKind.STDERR, line -> lines.add(line.bytes()));
    byte[] binary = {(byte) 0xff, 0, (byte) 0xc3, '\n', (byte) 0x80};
    splitter.accept(binary, 0, binary.length);
    splitter.finish();
    assertThat(lines)
        .containsExactly(new byte[] {(byte) 0xff, 0, (byte) 0xc3}, new byte[] {(byte) 0x80});
  }
}
