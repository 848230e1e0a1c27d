package org.herd.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Template variables: their values, and how each is quoted for where it goes. */
class TemplateTest {

  private static final TemplateContext CONTEXT =
      new TemplateContext(
          "db2",
          "10.0.0.2",
          "main db",
          List.of("db1", "db2", "db3"),
          List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"),
          List.of("mariadb.service"),
          Map.of("greeting", "it's $HOME", "port", "3306", "dotted", "a.b"));

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          echo {{host}}                    | SHELL | echo db2
          echo {{ host }}                  | SHELL | echo db2
          ping {{address}}                 | SHELL | ping 10.0.0.2
          echo {{cluster}}                 | SHELL | echo 'main db'
          for m in {{members}}; do :; done | SHELL | for m in db1 db2 db3; do :; done
          echo {{member_addresses}}        | SHELL | echo 10.0.0.1 10.0.0.2 10.0.0.3
          echo {{member_count}}            | SHELL | echo 3
          systemctl is-active {{services}} | SHELL | systemctl is-active mariadb.service
          echo {{vars.greeting}}           | SHELL | echo 'it'\\''s $HOME'
          {{address}}:{{vars.port}}        | RAW   | 10.0.0.2:3306
          http://{{address}}/{{cluster}}   | RAW   | http://10.0.0.2/main db
          no variables at all              | RAW   | no variables at all
          """)
  void rendersEachVariableQuotedForItsPlace(
      String text, Template.Quoting quoting, String expected) {
    Template template = new Template(text, new SourcePosition("r.yaml", 3, 5));
    assertThat(template.render(CONTEXT, quoting)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"a.b,a.b,true", "a.b,axb,false"})
  void aValueInARegularExpressionMatchesLiterally(String value, String text, boolean matches) {
    Template template = new Template("^{{vars.dotted}}$", new SourcePosition("r.yaml", 1, 1));
    String regex = template.render(CONTEXT, Template.Quoting.REGEX);
    assertThat(Pattern.compile(regex).matcher(text).matches()).isEqualTo(matches);
  }

  @ParameterizedTest
  @CsvSource({"host", "members", "vars.anything", "vars.tcp_port"})
  void knownVariables(String name) {
    assertThat(Template.unknown(name)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hosts | unknown template variable {{hosts}}; did you mean `host`?",
        "peer_urls | unknown template variable {{peer_urls}}",
        "vars. | unknown template variable {{vars.}}"
      })
  void unknownVariables(String name, String message) {
    assertThat(Template.unknown(name)).contains(message);
  }

  @org.junit.jupiter.api.Test
  void aClusterVariableTheClusterDoesNotSetIsAnErrorAtTheTemplate() {
    Template template = new Template("echo {{vars.missing}}", new SourcePosition("r.yaml", 7, 9));
    assertThatThrownBy(() -> template.render(CONTEXT, Template.Quoting.SHELL))
        .isInstanceOf(RecipeException.class)
        .hasMessage("r.yaml:7:9: {{vars.missing}}: cluster main db has no such variable");
  }
}
