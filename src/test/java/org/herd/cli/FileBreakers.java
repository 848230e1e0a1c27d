package org.herd.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators that break a valid text file the ways files get broken: by hand (a line deleted,
 * doubled, moved, re-indented; a value of the wrong kind; a key nobody knows), by tools (cut short,
 * saved as UTF-16 or with CRLF, bytes that are not UTF-8, a NUL), and on purpose (YAML alias bombs,
 * nesting thousands deep, ranges of a hundred million hosts that must be counted, never expanded).
 */
final class FileBreakers {

  private FileBreakers() {}

  /** Values of every other kind, and the odd ones YAML has. */
  static final List<String> YAML_VALUES =
      List.of(
          "[a, b]",
          "{a: 1}",
          "[]",
          "{}",
          "12345678901234567890123",
          "-1",
          "0",
          "3.5",
          "1e400",
          ".nan",
          "0x1F",
          "true",
          "no",
          "null",
          "~",
          "''",
          "' '",
          "'@nope'",
          "'h[1-100000000]'",
          "'h[9-1]'",
          "'a b'",
          ".",
          "/",
          "\"\\x00\"",
          "\"a\\nb\"",
          "\"\\u2028\"",
          "2001-12-14t21:59:43.10-05:00",
          "!!binary aGVsbG8=",
          "!!python/object/apply:os.system [x]",
          "*undefined",
          "&anchor x",
          "'" + "a".repeat(5000) + "'");

  /** Lines that are not YAML, or not where they are put. */
  private static final List<String> YAML_JUNK =
      List.of(
          "}",
          "]",
          "{",
          "[",
          "-",
          "- ",
          ":",
          "? x",
          "%YAML 1.1",
          "%TAG ! !x",
          "---",
          "...",
          "|",
          ">",
          "\t",
          "\tkey: x",
          "  - - - x",
          "key: value: other",
          "'unterminated",
          "\"unterminated",
          "@web",
          "`x`",
          "zz_unknown: 1",
          "  zz_unknown: 1",
          "    zz_unknown: [1, {a: b}]",
          "\u0085",
          "\u2028",
          "\uFEFF");

  static final List<String> INI_VALUES =
      List.of(
          "x",
          "=",
          "a=b=c",
          "'unclosed",
          "h[1:100000000]",
          "h[3:1]",
          "h[01:1]",
          "h[a:9]",
          "h[1:2:0]",
          "ansible_port=99999",
          "ansible_port=",
          "ansible_connection=winrm",
          "ansible_become=maybe",
          "ansible_become_method=su",
          "ansible_ssh_pass=secret",
          "[x:y:z]",
          "[:children]",
          "[]",
          "[",
          "\\",
          "host:99999",
          "host:",
          "'" + "a".repeat(5000) + "'");

  /** A line or a value of YAML broken by hand; the result may still be valid. */
  static Arbitrary<BrokenFile> yamlByHand(String seed) {
    return byHand(seed, YAML_VALUES, YAML_JUNK, ':');
  }

  /** A line of an Ansible INI file broken by hand; the result may still be valid. */
  static Arbitrary<BrokenFile> iniByHand(String seed) {
    return byHand(seed, INI_VALUES, INI_VALUES, '=');
  }

  private static Arbitrary<BrokenFile> byHand(
      String seed, List<String> values, List<String> junk, char separator) {
    List<String> lines = seed.lines().toList();
    Arbitrary<Integer> line = Arbitraries.integers().between(0, lines.size() - 1);
    return Arbitraries.oneOf(
        line.map(i -> edit("line " + (i + 1) + " deleted", with(lines, i, List.of()))),
        line.map(
            i ->
                edit(
                    "line " + (i + 1) + " doubled",
                    with(lines, i, List.of(lines.get(i), lines.get(i))))),
        Combinators.combine(line, line)
            .as(
                (i, j) -> {
                  List<String> swapped = new ArrayList<>(lines);
                  swapped.set(i, lines.get(j));
                  swapped.set(j, lines.get(i));
                  return edit("lines " + (i + 1) + " and " + (j + 1) + " swapped", swapped);
                }),
        Combinators.combine(line, Arbitraries.of(-4, -2, -1, 1, 2, 4))
            .as(
                (i, by) -> {
                  String text = lines.get(i);
                  String indented =
                      by > 0 ? " ".repeat(by) + text : text.substring(Math.min(-by, leading(text)));
                  return edit(
                      "line " + (i + 1) + " indented by " + by, with(lines, i, List.of(indented)));
                }),
        Combinators.combine(line, Arbitraries.of(values))
            .as(
                (i, value) -> {
                  String text = lines.get(i);
                  int at = text.indexOf(separator);
                  String replaced =
                      at >= 0
                          ? text.substring(0, at + 1) + (separator == ':' ? " " : "") + value
                          : text.substring(0, leading(text)) + value;
                  return edit(
                      "the value of line " + (i + 1) + " replaced by " + value,
                      with(lines, i, List.of(replaced)));
                }),
        Combinators.combine(line, Arbitraries.of(junk))
            .as(
                (i, junkLine) ->
                    edit(
                        "`" + junkLine + "` inserted before line " + (i + 1),
                        with(lines, i, List.of(junkLine, lines.get(i))))),
        Arbitraries.integers()
            .between(0, seed.length())
            .map(at -> BrokenFile.maybe("cut after " + at + " characters", seed.substring(0, at))),
        Arbitraries.just(BrokenFile.maybe("CRLF line ends", seed.replace("\n", "\r\n"))),
        Arbitraries.just(BrokenFile.maybe("a UTF-8 byte-order mark", "\uFEFF" + seed)),
        Arbitraries.just(BrokenFile.maybe("empty", "")),
        Arbitraries.just(BrokenFile.maybe("blank lines only", "\n\n  \n")));
  }

  /** Bytes no reader of text may accept: not UTF-8, or UTF-16 with its byte-order mark. */
  static Arbitrary<BrokenFile> notUtf8(String seed) {
    byte[] utf8 = seed.getBytes(StandardCharsets.UTF_8);
    Arbitrary<byte[]> badBytes =
        Arbitraries.of(
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.integers().between(0, utf8.length), badBytes)
            .as(
                (at, bad) ->
                    BrokenFile.surely(
                        "byte " + Byte.toUnsignedInt(bad[0]) + " (not UTF-8) at " + at,
                        inserted(utf8, at, bad))),
        Arbitraries.just(
            BrokenFile.surely("saved as UTF-16", seed.getBytes(StandardCharsets.UTF_16))));
  }

  /**
   * A NUL inserted, or the file saved as UTF-16 without a byte-order mark (NULs between the
   * characters): YAML and JSON allow no NUL, {@code surelyBad} says whether the format does.
   */
  static Arbitrary<BrokenFile> nulBytes(String seed, boolean surelyBad) {
    byte[] utf8 = seed.getBytes(StandardCharsets.UTF_8);
    return Arbitraries.oneOf(
        Arbitraries.integers()
            .between(0, utf8.length)
            .filter(at -> at == utf8.length || (utf8[at] & 0xC0) != 0x80)
            .map(
                at ->
                    new BrokenFile(
                        "a NUL byte at " + at, inserted(utf8, at, new byte[] {0}), surelyBad)),
        Arbitraries.just(
            new BrokenFile(
                "saved as UTF-16LE without a byte-order mark",
                seed.getBytes(StandardCharsets.UTF_16LE),
                surelyBad)));
  }

  /**
   * What YAML readers of herd refuse whatever the document is: aliases (and their bombs), a second
   * document, a root that is not a mapping, nesting deeper than any inventory or recipe needs, a
   * key nobody knows.
   */
  static Arbitrary<BrokenFile> yamlSurelyBad(String seed) {
    return Arbitraries.oneOf(
        Arbitraries.just(BrokenFile.surely("an alias bomb", aliasBomb())),
        Arbitraries.just(BrokenFile.surely("an alias appended", seed + "\nzz_alias: *undefined\n")),
        Arbitraries.just(
            BrokenFile.surely("an anchor and its alias", seed + "\nzz_a: &a [1]\nzz_b: *a\n")),
        Arbitraries.just(BrokenFile.surely("a second document", seed + "\n---\nhosts: {}\n")),
        Arbitraries.of("- a\n- b\n", "42\n", "'text'\n", "[]\n", "!!binary aGVsbG8=\n")
            .map(root -> BrokenFile.surely("a root that is not a mapping: " + root.strip(), root)),
        Arbitraries.integers()
            .between(1_001, 200_000)
            .map(
                depth ->
                    BrokenFile.surely(
                        "a value nested " + depth + " deep",
                        seed + "\nzz_deep: " + "[".repeat(depth) + "]".repeat(depth) + "\n")),
        Arbitraries.integers()
            .between(1_001, 20_000)
            .map(
                depth ->
                    BrokenFile.surely(
                        "a block list nested " + depth + " deep",
                        seed + "\nzz_deep:\n" + "- ".repeat(depth) + "x\n")),
        Arbitraries.just(
            BrokenFile.surely("an unknown top-level key", seed + "\nzz_unknown: 1\n")));
  }

  /** {@code a: &a [x, x]}, {@code b: &b [*a, *a]}… ten levels: a thousand million values. */
  private static String aliasBomb() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\", \"lol\", \"lol\"]\n");
    for (int i = 1; i < 10; i++) {
      String previous = "*a" + (i - 1);
      yaml.append("a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, previous)))
          .append("]\n");
    }
    return yaml.toString();
  }

  /** {@code lines} with line {@code i} replaced by {@code replacement}. */
  private static List<String> with(List<String> lines, int i, List<String> replacement) {
    List<String> out = new ArrayList<>(lines.subList(0, i));
    out.addAll(replacement);
    out.addAll(lines.subList(i + 1, lines.size()));
    return out;
  }

  private static BrokenFile edit(String how, List<String> lines) {
    return BrokenFile.maybe(how, String.join("\n", lines) + "\n");
  }

  private static int leading(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static byte[] inserted(byte[] bytes, int at, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.write(insert, 0, insert.length);
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }
}
