package org.herd.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlScriptTest {

  static Stream<Arguments> scripts() {
    return Stream.of(
        Arguments.of("", List.of()),
        Arguments.of("SELECT 1", List.of("SELECT 1")),
        Arguments.of("SELECT 1;\nSELECT 2;\n", List.of("SELECT 1", "SELECT 2")),
        Arguments.of("-- a comment; not a statement\nSELECT 1;", List.of("SELECT 1")),
        Arguments.of("SELECT 1; -- trailing; comment\n", List.of("SELECT 1")),
        Arguments.of("/* block; comment */ SELECT 1;", List.of("SELECT 1")),
        Arguments.of("INSERT INTO t VALUES ('a;b');", List.of("INSERT INTO t VALUES ('a;b')")),
        Arguments.of(
            "INSERT INTO t VALUES ('it''s; ok');", List.of("INSERT INTO t VALUES ('it''s; ok')")),
        Arguments.of("SELECT '--not a comment';", List.of("SELECT '--not a comment'")),
        Arguments.of(
            "CREATE TABLE \"odd;name\" (x INT);", List.of("CREATE TABLE \"odd;name\" (x INT)")),
        Arguments.of(";;\n;", List.of()));
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void splitsStatements(String script, List<String> statements) {
    assertThat(SqlScript.statements(script)).isEqualTo(statements);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT 'open", "SELECT \"open", "/* open"})
  void refusesUnterminatedQuotesAndComments(String script) {
    assertThatThrownBy(() -> SqlScript.statements(script))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unterminated");
  }
}
