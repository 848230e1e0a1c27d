package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.herd.transport.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The health step's verdict from its one-round-trip answer (spool, then unit states). */
class HealthAnswerTest {

  private static final List<String> PLANNED =
      List.of("mariadb.service", "mysql.service", "mysqld.service");

  private static CommandResult answer(String stdout) {
    return new CommandResult(
        0, null, stdout.getBytes(), "sh: oops".getBytes(), false, false, Duration.ZERO);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                                | spool (\\t, \\n)                  | states                                       | verdict  | first line
          restarted unit active                 | 1700000000\\tmariadb\\trestart\\n | mariadb\\tactive\\nmariadb.service\\tactive\\nmysql.service\\tactive\\nmysqld.service\\tactive\\n | Done     | active: mariadb.service
          restarted unit still activating       | 1700000000\\tmariadb\\trestart\\n | mariadb\\tactivating\\nmariadb.service\\tactivating\\nmysql.service\\tactivating\\nmysqld.service\\tactivating\\n | Failed | mariadb.service is activating
          no restart asked, nothing failed      |                                   | mariadb.service\\tinactive\\nmysql.service\\tinactive\\nmysqld.service\\tinactive\\n | Done | no planned service failed
          no restart asked, a planned unit failed |                                 | mariadb.service\\tfailed\\nmysql.service\\tfailed\\nmysqld.service\\tfailed\\n | Failed | mariadb.service has failed
          spooled unit missing from the states  | 1700000000\\tetcd\\trestart\\n    | mariadb.service\\tactive\\n                 | Failed   | etcd.service is unknown
          unreadable spool line is ignored      | garbage\\n                        | mariadb.service\\tactive\\n                 | Done     | no planned service failed
          """)
  void verdicts(String name, String spool, String states, String verdict, String first)
      throws EngineException {
    String stdout = (spool == null ? "" : unescape(spool)) + "@@herd-states@@\n" + unescape(states);
    StepResult result = HostChecks.healthOf("db1", answer(stdout), PLANNED);
    assertThat(result.getClass().getSimpleName()).isEqualTo(verdict);
    String output =
        result instanceof StepResult.Failed failed
            ? failed.reason()
            : ((StepResult.Done) result).output();
    assertThat(output.lines().findFirst().orElse("")).isEqualTo(first);
  }

  @Test
  void anAnswerWithoutItsMarkIsAnErrorNamingWhatTheShellSaid() {
    assertThatThrownBy(() -> HostChecks.healthOf("db1", answer(""), PLANNED))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("cannot read the state of services: sh: oops");
  }

  private static String unescape(String text) {
    return text.replace("\\t", "\t").replace("\\n", "\n");
  }
}
