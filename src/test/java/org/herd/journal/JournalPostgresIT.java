package org.herd.journal;

import static org.herd.Prerequisites.require;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The journal contract on a real PostgreSQL server: a throwaway cluster started from Debian's
 * binaries for this class (see {@link PostgresServer}), one new database per test. Skipped when
 * PostgreSQL is not installed ({@code apt-get install postgresql}).
 */
class JournalPostgresIT extends JournalContract {

  private static PostgresServer server;

  @BeforeAll
  static void startServer() throws Exception {
    Optional<Path> binaries = PostgresServer.binaries();
    require(
        binaries.isPresent(),
        "no PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql)");
    server = PostgresServer.start(binaries.get());
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  JournalLocation freshLocation() throws Exception {
    return server.newDatabase();
  }
}
