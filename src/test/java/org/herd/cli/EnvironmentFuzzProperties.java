package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.slf4j.Logger;

/**
 * What herd reads from its environment: {@code HERD_INVENTORY} naming nothing usable, a journal
 * ({@code HERD_JOURNAL} or {@code --journal}) that is not one herd can open, and any {@code
 * HERD_LOG_LEVEL}. A journal that cannot be used is documented as exit 3 ("unavailable"), a journal
 * that is no journal as exit 2; either way one clean line.
 */
@AddLifecycleHook(FuzzTries.class)
class EnvironmentFuzzProperties {

  @Property(tries = 30)
  void anInventoryVariableNamingNothingUsableIsOneLine(@ForAll("inventoryVariables") String value) {
    try (FuzzScratch scratch = FuzzScratch.create()) {
      scratch.write("garbage.yaml", "\u0000\u0001");
      scratch.write("directory/file.yaml", "hosts:\n  a:\n");
      CliRunner.Result result = scratch.herd(Map.of("HERD_INVENTORY", value), "inventory", "check");
      CleanRefusal.assertRefused(result);
    }
  }

  @Property(tries = 60)
  void aJournalHerdCannotUseIsOneLine(
      @ForAll("journals") String journal, @ForAll boolean fromTheEnvironment) {
    try (FuzzScratch scratch = FuzzScratch.create()) {
      prepare(scratch);
      CliRunner.Result result =
          fromTheEnvironment
              ? scratch.herd(Map.of("HERD_JOURNAL", journal), "runs")
              : scratch.herd("runs", "--journal", journal);
      CleanRefusal.assertRefused(
          result, Set.of(ExitCode.USAGE.code(), ExitCode.UNAVAILABLE.code()));
    }
  }

  @Property(tries = 100)
  void anyLogLevelSetsUpLoggingAndKeepsSshdAtDebugOrAbove(@ForAll("logLevels") String level) {
    LoggerContext context = new LoggerContext();
    LogConfigurator.configure(context, level);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isNotNull();
    assertThat(context.getLogger("org.apache.sshd").getLevel().isGreaterOrEqual(Level.DEBUG))
        .isTrue();
    context.stop();
  }

  @Provide
  Arbitrary<String> inventoryVariables() {
    return Arbitraries.of(
        "no-such-file",
        "directory",
        "directory/file.yaml/x",
        "garbage.yaml",
        "ansible:",
        "clush:",
        "herd:",
        "ansible:directory",
        "clush:no-such-file",
        "bogus:directory/file.yaml",
        "herd:garbage.yaml");
  }

  @Provide
  Arbitrary<String> journals() {
    return Arbitraries.of(
        "directory",
        "text.db",
        "not-herds.db",
        "future.db",
        "text.db/journal.db",
        "jdbc:sqlite:directory",
        "jdbc:sqlite:",
        "jdbc:sqlite::memory:",
        ":memory:",
        "jdbc:",
        "jdbc:mysql://127.0.0.1:1/herd",
        "jdbc:postgresql://127.0.0.1:1/herd",
        "jdbc:postgresql:",
        "jdbc:sqlite:file:directory?mode=ro");
  }

  @Provide
  Arbitrary<String> logLevels() {
    return Arbitraries.oneOf(
        Arbitraries.of("", "debug", "TRACE", "off", "all", "loud", "warn\n", "ınfo", "999"),
        Arbitraries.strings().ofMaxLength(20));
  }

  /**
   * Files a journal option may name: a directory, text, another program's database, a newer herd's.
   */
  private static void prepare(FuzzScratch scratch) {
    scratch.write("directory/file", "x");
    scratch.write("text.db", "this is not a database\n".getBytes(StandardCharsets.UTF_8));
    sql(scratch, "not-herds.db", "CREATE TABLE runs (x TEXT)", "INSERT INTO runs VALUES ('y')");
    sql(
        scratch,
        "future.db",
        "CREATE TABLE herd_schema_history (version INTEGER PRIMARY KEY, description TEXT,"
            + " checksum TEXT, applied_at TEXT)",
        "INSERT INTO herd_schema_history VALUES (99, 'from the future', 'x', 'now')");
  }

  private static void sql(FuzzScratch scratch, String file, String... statements) {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + scratch.dir().resolve(file));
        Statement statement = db.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
