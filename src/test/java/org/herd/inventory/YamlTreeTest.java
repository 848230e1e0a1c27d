package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlTreeTest {

  @Test
  void remembersWhereEveryNodeStarts() {
    YamlNode root =
        YamlTree.parse(
            "f.yaml",
            """
            hosts:
              web[01-20]: {user: deploy}
              db1:
                port: 2222
            groups:
              web: ["@front", web1]
            """);
    YamlNode.Mapping top = (YamlNode.Mapping) root;
    YamlNode.Mapping hosts = (YamlNode.Mapping) top.entry("hosts").orElseThrow().value();
    YamlNode.Entry web = hosts.entries().get(0);
    assertThat(web.key().position()).hasToString("f.yaml:2:3");
    YamlNode.Mapping webBody = (YamlNode.Mapping) web.value();
    assertThat(webBody.entry("user").orElseThrow().value().position()).hasToString("f.yaml:2:22");
    YamlNode.Mapping db = (YamlNode.Mapping) hosts.entry("db1").orElseThrow().value();
    YamlNode.Scalar port = (YamlNode.Scalar) db.entry("port").orElseThrow().value();
    assertThat(port.position()).hasToString("f.yaml:4:11");
    assertThat(port.kind()).isEqualTo(YamlNode.Kind.INTEGER);
    YamlNode.Mapping groups = (YamlNode.Mapping) top.entry("groups").orElseThrow().value();
    YamlNode.Sequence members = (YamlNode.Sequence) groups.entries().get(0).value();
    assertThat(members.items().get(1).position()).hasToString("f.yaml:6:19");
  }

  @Test
  void keepsDuplicateKeysSoTheyCanBeReported() {
    YamlNode.Mapping root = (YamlNode.Mapping) YamlTree.parse("f", "a: 1\nb: 2\na: 3\n");
    assertThat(root.entries()).extracting(YamlNode.Entry::name).containsExactly("a", "b", "a");
  }

  @Test
  void anEmptyDocumentIsNull() {
    assertThat(YamlTree.parse("f", "# nothing\n"))
        .isInstanceOfSatisfying(YamlNode.Scalar.class, s -> assertThat(s.isNull()).isTrue());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'groups:\n  web:\n    - @web\n' | f:3:7: YAML syntax error while scanning for the next token:"
            + " found character '@' that cannot start any token; quote node sets that start with"
            + " @, as in \"@group\"",
        "'a: [1, 2\n'                     | f:2:1: YAML syntax error while parsing a flow sequence:"
            + " expected ',' or ']', but got <stream end>",
        "'a: b: c\n'                      | f:1:5: YAML syntax error: mapping values are not"
            + " allowed here",
        "'a: &x 1\nb: *x\n'               | f:2:4: YAML aliases (*x) are not supported; repeat"
            + " the value",
        "'hosts:\n  ? [a, b]\n  : 1\n'      | f:2:6: YAML syntax error: a key must be plain text,"
            + " not a list",
      })
  void reportsSyntaxErrorsWhereTheyAre(String yaml, String expected) {
    assertThatThrownBy(() -> YamlTree.parse("f", yaml))
        .isInstanceOfSatisfying(
            InventoryException.class,
            e -> assertThat(e.problems()).extracting(Problem::toString).containsExactly(expected));
  }
}
