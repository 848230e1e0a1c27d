package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the operator sees when herd refuses input, checked: the documented exit code, nothing on
 * stdout, and on stderr one line (or one line per problem, each placed at its {@code FILE:LINE:COL}
 * or naming what it is about) in herd's words: no stack trace, and nothing of the libraries or
 * classes under it.
 */
final class CleanRefusal {

  private CleanRefusal() {}

  /**
   * What only code says, never an operator's message: exception names, Java or library packages,
   * parser events, the JVM's null-pointer helpful messages, a {@code null} printed as a value,
   * records' and objects' {@code toString}s, methods named with their class.
   */
  private static final List<Pattern> INTERNALS =
      List.of(
          Pattern.compile("Exception|Error:|\\tat |Caused by"),
          Pattern.compile(
              "\\b(java|javax|jdk|sun|picocli)\\.[a-z]|\\borg\\.[a-z]+\\.[a-z]|\\bcom\\.fasterxml"),
          Pattern.compile("Event\\("),
          Pattern.compile("Cannot invoke|because \"|is null"),
          Pattern.compile("(?<![`'\"\\w])null(?![`'\"\\w])"),
          Pattern.compile("\\b[A-Z][A-Za-z0-9]*\\[[a-z][A-Za-z0-9]*="),
          Pattern.compile("\\b[A-Z][A-Za-z0-9]*@[0-9a-f]{4,}\\b"),
          Pattern.compile("\\b[A-Z][A-Za-z0-9]+\\.[a-z][A-Za-z0-9]*\\(\\)"),
          Pattern.compile("SQLITE_|\\[SQL|jackson|snakeyaml|StreamReadConstraints"));

  /**
   * One of several problems: {@code herd: FILE:LINE:COL: message} for a file's own, {@code herd:
   * what: why} for others (an inventory's ssh_config that cannot be read).
   */
  private static final Pattern PROBLEM = Pattern.compile("herd: .*: .+");

  /** herd refused the input: exit 2, and said why cleanly. */
  static void assertRefused(CliRunner.Result result) {
    assertRefused(result, Set.of(ExitCode.USAGE.code()));
  }

  /** herd refused the input with one of {@code codes} (as documented), and said why cleanly. */
  static void assertRefused(CliRunner.Result result, Set<Integer> codes) {
    assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isIn(codes);
    assertThat(result.out()).as("stdout of a refusal").isEmpty();
    List<String> lines = result.err().lines().toList();
    assertThat(lines).as("stderr of a refusal").isNotEmpty();
    if (lines.size() > 1) {
      assertThat(lines)
          .as("several lines are one problem each, placed at FILE:LINE:COL or naming what")
          .allMatch(line -> PROBLEM.matcher(line).matches());
    }
    assertThat(lines).allSatisfy(CleanRefusal::assertOwnWords);
  }

  /**
   * As {@link #assertRefused(CliRunner.Result, Set)} for the command line {@code args}: with {@code
   * --json}, what is on stdout is data (a stream of events, a report), not part of the refusal.
   */
  static void assertRefused(CliRunner.Result result, List<String> args, Set<Integer> codes) {
    assertRefused(
        args.contains("--json")
            ? new CliRunner.Result(result.exitCode(), "", result.err())
            : result,
        codes);
  }

  /**
   * herd either accepted the input (one of {@code accepted}, which its seed gets) or refused it
   * cleanly; a fuzzed file may well still be valid.
   */
  static void assertAcceptedOrRefused(CliRunner.Result result, Set<Integer> accepted) {
    if (accepted.contains(result.exitCode())) {
      assertThat(result.err().lines()).allSatisfy(CleanRefusal::assertOwnWords);
    } else {
      assertRefused(result);
    }
  }

  /** One line of herd's: its prefix, and nothing that only code says. */
  static void assertOwnWords(String line) {
    assertThat(line).as("a line of herd's").startsWith("herd");
    assertNoInternals(line);
  }

  /** Nothing that only code says, in a line of any kind (progress, a summary, a message). */
  static void assertNoInternals(String line) {
    for (Pattern internal : INTERNALS) {
      assertThat(internal.matcher(line).find())
          .as("internals (%s) in: %s", internal.pattern(), line)
          .isFalse();
    }
  }
}
